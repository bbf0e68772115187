import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Signs in through the login page, as a person would, and waits for the dashboard. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await expect(page.getByTestId('welcome-card')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  // A click that lands while the account menu is still sliding in can be lost: open it and retry.
  await expect(async () => {
    if (!(await page.getByTestId('account-logout').isVisible())) await page.getByTestId('account-menu').click();
    await page.getByTestId('account-logout').click({ timeout: 2_000 });
    await expect(page.getByTestId('login-form')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

export const ALL_NAV = [
  'dashboard',
  'plans',
  'reports',
  'indicators',
  'tipoffs',
  'cases',
  'victims',
  'support',
  'prevention',
  'users',
  'roles',
  'agencies',
  'org-units',
  'audit',
] as const;

/** The navigation entries a person sees (the admin group is open by default). */
export async function visibleNav(page: Page): Promise<string[]> {
  const visible: string[] = [];
  for (const key of ALL_NAV) if (await page.getByTestId(`nav-${key}`).isVisible()) visible.push(key);
  return visible;
}

/** Picks an option of an antd Select by typing into it and choosing the first match. */
export async function chooseOption(page: Page, testId: string, search: string, optionText: string | RegExp = search): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first();
  await option.click();
  // A single select closes its list after the choice; wait until it has gone, or its closing list
  // covers the next field. A multiple select keeps the list open for more choices.
  const multiple = await select.evaluate((element) => element.classList.contains('ant-select-multiple'));
  if (!multiple) await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
