import { expect, test, type Page } from '@playwright/test';
import { chooseOption, loginAs, logout } from '../support/session.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The quarter before the one holding today (Decree 09/2019 windows: a quarter's data runs from the
 * 15th of the month before it to the 14th of its last month). Its deadline has always passed, so one
 * department can be late while the other, given an extension, is on time — whatever the date of the run.
 */
function previousQuarter(now = new Date()): { year: number; quarter: number; id: string; label: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  let y = year;
  let q = Math.ceil(month / 3);
  if (day >= 15 && month % 3 === 0) q += 1;
  if (q === 5) {
    y += 1;
    q = 1;
  }
  q -= 1;
  if (q === 0) {
    y -= 1;
    q = 4;
  }
  return { year: y, quarter: q, id: `${y}Q${q}`, label: `Quý ${ROMAN[q - 1]} năm ${y}` };
}

function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 86_400_000);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** Opens, from the inbox, the unit's report of the schedule for the period (e.g. "Quý III năm 2026"). */
async function openReportOf(page: Page, scheduleName: string, periodLabel: string): Promise<void> {
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-inbox')).toBeVisible();
  const row = page.getByTestId('report-inbox').locator('tr', { hasText: scheduleName }).filter({ hasText: periodLabel });
  await row.first().locator('[data-testid^="report-link-"]').first().click();
  await expect(page.getByTestId('report-form')).toBeVisible();
}

async function fillCell(page: Page, cell: string, value: string): Promise<void> {
  const input = page.getByTestId(`report-cell-${cell}`);
  await input.fill(value);
}

async function confirmAction(page: Page, button: string, fields: { comment?: string; reason?: string; dueDate?: string } = {}) {
  await page.getByTestId(button).click();
  if (fields.dueDate !== undefined) {
    // Typed as a person would (dd/MM/yyyy); Enter commits it and closes the calendar.
    const input = page.getByTestId('report-action-due-date');
    await input.click();
    await input.fill(fields.dueDate);
    await input.press('Enter');
  }
  if (fields.comment !== undefined) await page.getByTestId('report-action-comment').fill(fields.comment);
  if (fields.reason !== undefined) {
    await page.getByTestId('report-action-reason').click();
    await page.getByTestId('report-action-reason').fill(fields.reason);
  }
  await page.getByTestId('report-action-ok').click();
  await expect(page.getByTestId('report-action-ok')).toBeHidden();
}

test.describe('periodic reports', () => {
  test('quarterly schedule → two departments report (one late) → return, resubmit, accept → consolidate → national level', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const period = previousQuarter();
    const scheduleName = `Báo cáo quý kết quả PCMBN ${Date.now()}`;
    let scheduleUrl = '';

    await test.step('the standing office creates a quarterly schedule for two member departments', async () => {
      await loginAs(page, 'tinh.thuongtruc');
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('report-link-schedules').click();
      await page.getByTestId('schedule-create').click();
      await expect(page.getByTestId('schedule-form')).toBeVisible();
      await page.getByTestId('schedule-name').fill(scheduleName);
      await expect(page.getByTestId('schedule-template')).toContainText('Báo cáo kết quả công tác phòng, chống mua bán người');
      await chooseOption(page, 'schedule-period-type', 'Hằng quý');
      const year = page.getByTestId('schedule-first-period-year');
      await year.fill(String(period.year));
      await year.press('Tab');
      await chooseOption(page, 'schedule-first-period-part', `Quý ${ROMAN[period.quarter - 1]}`);
      await expect(page.getByTestId('schedule-first-period')).toHaveAttribute('data-value', period.id);
      await expect(page.getByTestId('schedule-first-period-window')).toContainText('14/');
      await chooseOption(page, 'schedule-reporters-select', 'Sở Y tế', /Sở Y tế/);
      await chooseOption(page, 'schedule-reporters-select', 'Sở Nội vụ', /Sở Nội vụ/);
      await page.keyboard.press('Escape');
      await page.getByTestId('schedule-submit').click();
      await expect(page.getByTestId('matrix-table')).toBeVisible({ timeout: 20_000 });
      scheduleUrl = page.url();
      const row = page.getByTestId('matrix-table').locator('tr', { hasText: 'Sở Y tế' });
      await expect(row.locator(`[data-testid$="-${period.id}"][data-state]`)).toHaveAttribute('data-state', 'missing');
    });

    await test.step('it gives the health department an extension for that quarter', async () => {
      const row = page.getByTestId('matrix-table').locator('tr', { hasText: 'Sở Y tế' });
      await row.locator(`[data-testid$="-${period.id}-link"]`).click();
      await expect(page.getByTestId('report-form')).toBeVisible();
      await confirmAction(page, 'report-extend', { dueDate: inAWeek(), reason: 'Gia hạn theo đề nghị của Sở Y tế' });
      await expect(page.getByTestId('report-due-extended')).toBeVisible();
      await logout(page);
    });

    await test.step('the health department fills in its report and submits it on time', async () => {
      await loginAs(page, 'so.yte');
      await openReportOf(page, scheduleName, period.label);
      await page.getByTestId('report-narrative-direction').fill('Sở Y tế ban hành kế hoạch thực hiện Chương trình năm.');
      // Under a cell, what the system counts from its records, in words, explained on hover or focus.
      const hint = page.getByTestId('report-prefill-victims_supported-medical-persons');
      await expect(hint).toHaveText(/^Hệ thống: \d+$/);
      await hint.focus();
      await expect(page.getByRole('tooltip')).toContainText('Chỉ để đối chiếu');
      await fillCell(page, 'victims_supported-medical-persons', '4');
      await fillCell(page, 'communication-sessions-total', '3');
      await page.getByTestId('report-save').click();
      await expect(page.getByTestId('report-clean')).toBeVisible();
      await page.getByTestId('report-submit').click();
      await expect(page.getByTestId('report-status')).toContainText('Đã gửi');
      await expect(page.getByTestId('report-on-time')).toBeVisible();
      await logout(page);
    });

    await test.step('the home-affairs department is refused bad figures, then submits late', async () => {
      await loginAs(page, 'so.noivu');
      await openReportOf(page, scheduleName, period.label);
      await fillCell(page, 'victims_received-received-total', 'mười');
      await expect(page.getByTestId('report-issues')).toContainText('mười');
      await fillCell(page, 'victims_received-received-total', '5');
      await fillCell(page, 'victims_received-received-female', '4');
      await fillCell(page, 'victims_received-received-male', '1');
      await fillCell(page, 'victims_received-identified-total', '7');
      await expect(page.getByTestId('report-issues')).toHaveAttribute('data-errors', /[1-9]/);
      await fillCell(page, 'victims_received-identified-total', '3');
      await fillCell(page, 'victims_supported-essential_needs-persons', '3');
      await page.getByTestId('report-narrative-victim_protection').fill('Tiếp nhận 05 nạn nhân trở về, đã hỗ trợ nhu cầu thiết yếu.');
      await page.getByTestId('report-save').click();
      await expect(page.getByTestId('report-clean')).toBeVisible();
      await page.getByTestId('report-submit').click();
      await expect(page.getByTestId('report-status')).toContainText('Đã gửi');
      await expect(page.getByTestId('report-late')).toBeVisible();
      await logout(page);
    });

    await test.step('the office sees who is late, returns one report with a comment', async () => {
      await loginAs(page, 'tinh.thuongtruc');
      await page.goto(scheduleUrl);
      const rates = page.getByTestId(`matrix-rates-${period.id}`);
      await expect(rates).toContainText('2/2');
      await expect(rates).toContainText('1/2');
      const late = page.getByTestId('matrix-table').locator('tr', { hasText: 'Sở Nội vụ' });
      await expect(late.locator(`[data-testid$="-${period.id}"][data-state]`)).toHaveAttribute('data-state', 'late');
      await late.locator(`[data-testid$="-${period.id}-link"]`).click();
      await confirmAction(page, 'report-return', { comment: 'Đề nghị bổ sung số nạn nhân theo độ tuổi.' });
      await expect(page.getByTestId('report-status')).toContainText('Bị trả lại');
      // Before consolidating, the dialog says which reports it would sum and which it leaves out, and why.
      await page.goto(scheduleUrl);
      await page.getByTestId(`consolidate-${period.id}`).click();
      await expect(page.getByTestId('consolidate-included')).not.toContainText('Sở');
      const leftOut = page.getByTestId('consolidate-left-out');
      await expect(leftOut).toContainText(/Sở Nội vụ[^—]* — bị trả lại, chờ đơn vị sửa/);
      await expect(leftOut).toContainText(/Sở Y tế[^—]* — đã nộp, chưa được chấp nhận/);
      await page.keyboard.press('Escape');
      await expect(leftOut).toBeHidden();
      await logout(page);
    });

    await test.step('the department corrects and resubmits', async () => {
      await loginAs(page, 'so.noivu');
      await openReportOf(page, scheduleName, period.label);
      await expect(page.getByTestId('report-return-comment')).toContainText('độ tuổi');
      await fillCell(page, 'victims_received-received-age_under_16', '1');
      await fillCell(page, 'victims_received-received-age_16_17', '0');
      await fillCell(page, 'victims_received-received-age_18_plus', '4');
      await page.getByTestId('report-save').click();
      await expect(page.getByTestId('report-clean')).toBeVisible();
      await expect(page.getByTestId('report-submit')).toHaveAttribute('data-action', 'resubmit');
      await page.getByTestId('report-submit').click();
      await expect(page.getByTestId('report-status')).toContainText('Đã gửi lại');
      await logout(page);
    });

    let consolidatedUrl = '';
    await test.step('the office accepts both, consolidates, exports the .docx and submits upward', async () => {
      await loginAs(page, 'tinh.thuongtruc');
      for (const unit of ['Sở Nội vụ', 'Sở Y tế']) {
        await page.goto(scheduleUrl);
        const row = page.getByTestId('matrix-table').locator('tr', { hasText: unit });
        await row.locator(`[data-testid$="-${period.id}-link"]`).click();
        await confirmAction(page, 'report-accept', {});
        await expect(page.getByTestId('report-status')).toContainText('Đã chấp nhận');
      }
      await page.goto(scheduleUrl);
      await page.getByTestId(`consolidate-${period.id}`).click();
      await expect(page.getByTestId('consolidate-included')).toContainText(/Sở Y tế[^—]* — đã chấp nhận/);
      await expect(page.getByTestId('consolidate-included')).toContainText(/Sở Nội vụ[^—]* — đã chấp nhận/);
      await expect(page.getByTestId('consolidate-left-out')).toHaveCount(0);
      await page.getByTestId('consolidate-confirm').click();
      await expect(page.getByTestId('report-form')).toBeVisible({ timeout: 20_000 });
      consolidatedUrl = page.url();
      await expect(page.getByTestId('report-cell-victims_received-received-total')).toHaveValue('5');
      await expect(page.getByTestId('report-cell-communication-sessions-total')).toHaveValue('3');
      await page.getByTestId('report-cell-victims_received-received-total').click();
      await expect(page.getByTestId('cell-contributions')).toContainText('Sở Nội vụ');
      await page.keyboard.press('Escape');
      const download = page.waitForEvent('download');
      await page.getByTestId('report-export-docx').click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);
      await page.getByTestId('report-submit').click();
      await expect(page.getByTestId('report-status')).toContainText('Đã gửi');
      await logout(page);
    });

    await test.step('the national standing office finds the province report among those addressed to it and accepts it', async () => {
      await loginAs(page, 'tw.thuongtruc');
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('report-view-addressed').click();
      const row = page.getByTestId('report-inbox').locator('tr', { hasText: scheduleName });
      await expect(row).toBeVisible();
      await row.locator('[data-testid^="report-link-"]').first().click();
      expect(page.url()).toBe(consolidatedUrl);
      await confirmAction(page, 'report-accept', {});
      await expect(page.getByTestId('report-status')).toContainText('Đã chấp nhận');
    });
  });

  test('a national administrator adds a row to the programme template and publishes it as a new version', async ({ page }) => {
    await test.step('a department officer reads templates but cannot edit them', async () => {
      await loginAs(page, 'so.yte');
      await page.goto('/reports/templates');
      await expect(page.getByTestId('template-row-programme_report')).toBeVisible();
      await expect(page.getByTestId('template-edit-programme_report')).toHaveCount(0);
      await logout(page);
    });

    await test.step('the administrator adds "certified officers" to the training table and publishes', async () => {
      await loginAs(page, 'admin');
      await page.goto('/reports/templates');
      const versionBefore = Number(
        ((await page.getByTestId('template-version-count-programme_report').textContent()) ?? '').match(/\d+/)?.[0],
      );
      await page.getByTestId('template-edit-programme_report').click();
      await expect(page.getByTestId('template-editor')).toBeVisible();
      // Section VIII (capacity building) shows the training table first.
      const rows = 'template-table-7-0-rows';
      const count = await page.getByTestId(rows).locator('li').count();
      await page.getByTestId(`${rows}-add`).click();
      await page.getByTestId(`${rows}-${count}-label`).fill('Số cán bộ được cấp chứng chỉ');
      await expect(page.getByTestId(`${rows}-${count}-key`)).toHaveValue(/^so_can_bo/);
      await page.getByTestId('template-publish').click();
      await page.getByTestId('template-publish-confirm').click();
      await page.goto('/reports/templates');
      await expect(page.getByTestId('template-version-count-programme_report')).toContainText(`phiên bản ${versionBefore + 1}`);
    });
  });
});
