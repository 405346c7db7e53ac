import { test as base, type Browser, type BrowserContext, type Cookie, type Page } from '@playwright/test';
import { AppServer } from './app-server';

export const sessionCookieName = 'ticketing_session';

/**
 * A spec's own server (fresh database) shared by its tests, plus helpers to open browsers on it.
 * Call once at the top level of a spec file.
 */
export function useAppServer(prepare?: (app: AppServer) => void, env: Record<string, string> = {}): { app: AppServer } {
  const holder = { app: new AppServer(env) };
  base.describe.configure({ mode: 'serial' });
  base.beforeAll(async () => {
    prepare?.(holder.app);
    await holder.app.start();
  });
  base.afterAll(async () => {
    await holder.app.dispose();
  });
  return holder;
}

export async function openBrowser(
  browser: Browser,
  app: AppServer,
  options: { bypassCSP?: boolean; timezoneId?: string; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: app.baseURL, ...options });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

export async function sessionCookies(context: BrowserContext): Promise<Cookie[]> {
  return (await context.cookies()).filter((cookie) => cookie.name === sessionCookieName);
}
