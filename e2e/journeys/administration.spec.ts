import { expect, test } from '@playwright/test';
import { loginAs } from '../support/session.ts';

test.describe('agency registry', () => {
  test('the provincial administrator renames a department and the old name stays in its history', async ({ page }) => {
    await loginAs(page, 'tinh.thuongtruc');
    await page.getByTestId('nav-agencies').click();
    await page.getByTestId('agency-search').locator('input').fill('so noi vu hai phong');
    await expect(page.getByTestId('agencies-table')).toContainText('Sở Nội vụ thành phố Hải Phòng');
    await page.getByTestId('agency-rename-T31.SNV').click();
    await page.getByTestId('agency-rename-name').fill('Sở Nội vụ và Lao động thành phố Hải Phòng');
    const date = page.getByTestId('agency-rename-effective-from');
    await date.click();
    await date.fill('01/01/2027');
    await date.press('Enter');
    await page.getByTestId('agency-rename-reason').fill('Sắp xếp tổ chức bộ máy');
    await page.getByTestId('agency-rename-submit').click();
    await expect(page.getByTestId('agencies-table')).toContainText('Sở Nội vụ và Lao động thành phố Hải Phòng');
    await page.getByTestId('agency-history-T31.SNV').click();
    const history = page.getByTestId('agency-history');
    await expect(history).toContainText('Sở Nội vụ thành phố Hải Phòng');
    await expect(history).toContainText('Sở Nội vụ và Lao động thành phố Hải Phòng');
    await expect(history).toContainText('31/12/2026');
  });

  test('a department officer can read the registry but not change it', async ({ page }) => {
    await loginAs(page, 'so.yte');
    await page.getByTestId('nav-agencies').click();
    await page.getByTestId('agency-search').locator('input').fill('so y te hai phong');
    await expect(page.getByTestId('agencies-table')).toContainText('Sở Y tế thành phố Hải Phòng');
    await expect(page.getByTestId('agency-create-button')).toHaveCount(0);
    await expect(page.getByTestId('agency-rename-T31.SYT')).toHaveCount(0);
  });
});

test.describe('audit trail', () => {
  test('the administrator sees who signed in and verifies the chain', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.getByTestId('nav-audit').click();
    const signIn = page.getByTestId('audit-table').locator('tr', { hasText: 'Đăng nhập thành công' }).first();
    await expect(signIn).toContainText('admin');
    await expect(signIn.locator('[data-action="auth.login_succeeded"]')).toContainText('Đăng nhập thành công');
    await expect(page.getByTestId('audit-table')).not.toContainText('auth.login_succeeded');
    await expect(page.getByTestId('audit-table')).toContainText('admin');
    await page.getByTestId('audit-verify-button').click();
    await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-valid', 'true');
  });
});
