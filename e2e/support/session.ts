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

/**
 * Picks an option of an antd Select by typing into it and choosing the first match, as a person does:
 * open the list, type into the select's own search box (never into whatever has the focus), choose,
 * and see the list close. On a loaded machine a click can land while the list is still opening; a
 * single select is then tried again until its list has closed on the choice (choosing the same
 * option twice is harmless there). A multiple select keeps its list open for more choices.
 */
export async function chooseOption(page: Page, testId: string, search: string, optionText: string | RegExp = search): Promise<void> {
  const select = page.getByTestId(testId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: optionText }).first();
  const multiple = await select.evaluate((element) => element.classList.contains('ant-select-multiple'));
  const choose = async () => {
    if (!(await dropdown.count())) await select.click();
    const input = select.locator('input').first();
    if (await input.isEditable()) await input.fill(search);
    await option.click({ timeout: 10_000 });
  };
  if (multiple) return choose();
  await expect(async () => {
    await choose();
    await expect(dropdown).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
}
