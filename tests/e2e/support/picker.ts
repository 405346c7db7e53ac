import { expect, type Page } from '@playwright/test';

/** Chooses in a searchable picker (app/components/picker.tsx): types `search`, then clicks the option `option`. */
export async function pickOption(page: Page, label: string, search: string, option: string | RegExp) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(search);
  const listbox = page.getByRole('listbox', { name: label });
  await listbox.getByRole('option', { name: option }).click();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}
