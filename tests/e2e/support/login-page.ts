import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`login${query}`);
  }

  async signIn(username: string, password: string, options: { remember?: boolean } = {}): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    if (options.remember) await this.page.getByLabel('Remember me on this device').check();
    // Wait for the server action's reply: it carries the cookie, so the next navigation has it.
    const reply = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().includes('/login'),
    );
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await reply;
  }

  /** Logs out from the top bar and waits until it has happened, so the next navigation has no session. */
  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await this.expectOnLoginPage();
  }

  async expectSignedIn(displayName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Welcome, ${displayName}` })).toBeVisible();
  }

  async expectOnLoginPage(): Promise<void> {
    await expect(this.page).toHaveURL(/\/it-assets-manager\/login/);
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
}

/** Signs `username` in from the login page and waits for the dashboard; the specs' passwords are `<name>-password-1`. */
export async function signIn(page: Page, username: string, password = `${username}-password-1`): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await login.expectSignedIn(username);
}
