import { expect, test, type Page } from '@playwright/test';
import { chooseOption, loginAs, logout } from '../support/session.ts';

/**
 * Victims (issue 5): a returning woman and her child are received by a commune, verified by the
 * commune's social-affairs officer, identified by the police, given a support plan, referred with
 * consent to the provincial support centre which admits her and records services, and followed up
 * at home. Then what another commune, a court and the audit trail see.
 */

/** A name word of letters unique to this run (names are checked as names; duplicates are checked by name). */
function uniqueWord(): string {
  return `K${Date.now()
    .toString(36)
    .replace(/\d/g, (digit) => 'abcdefghij'.charAt(Number(digit)))}`;
}

/** dd/MM/yyyy of a day `offset` days from today in Vietnam. */
function vietnamDate(offset = 0): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** A valid 12-digit citizen ID of a woman born in 1998 registered in Hải Phòng (031). */
function citizenId(): string {
  return `031198${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`victim-tab-${tab}`).click();
}

async function openFileFromList(page: Page, search: string, reference: string): Promise<void> {
  await page.getByTestId('nav-victims').click();
  await page.getByTestId('victim-search').locator('input').fill(search);
  await page.getByTestId('victim-search').locator('input').press('Enter');
  await page.getByTestId('victim-list').getByText(reference).click();
  await expect(page.getByTestId('victim-file-reference')).toContainText(reference);
}

/** The woman and her child as the commune officer types them at reception. */
async function fillReception(page: Page, person: { fullName: string; citizenId: string; childName?: string }): Promise<void> {
  await typeDate(page, 'reception-received-on', vietnamDate(-2));
  await chooseOption(page, 'reception-way', 'trao tra', /trao trả/);
  await chooseOption(page, 'reception-from-country', 'Trung', /Trung Quốc/);
  await page.getByTestId('reception-border-gate').fill('Cửa khẩu quốc tế Móng Cái');
  await page.getByTestId('reception-received-by-name').fill('Đồn Biên phòng cửa khẩu quốc tế Móng Cái');
  await page.getByTestId('reception-initial-support').fill('Cấp quần áo, suất ăn và tiền tàu xe về địa phương.');
  await page.getByTestId('reception-need-medical').check();
  await page.getByTestId('reception-need-psychological').check();

  await page.getByTestId('person-full-name').fill(person.fullName);
  await page.getByTestId('person-sex-female').check();
  await typeDate(page, 'person-date-of-birth', '14/03/1998');
  await page.getByTestId('person-citizen-id').fill(person.citizenId);
  await page.getByTestId('person-phone').fill('091 234 5678');
  await chooseOption(page, 'person-home-unit', 'Thanh Dong', /Thành Đông/);
  await page.getByTestId('person-home-address').fill('Số nhà 17, tổ dân phố Đông');

  if (person.childName) {
    await page.getByTestId('companion-add').click();
    await chooseOption(page, 'companion-0-role', 'tre em', /Trẻ em đi cùng/);
    await page.getByTestId('companion-0-relationship').fill('Con');
    await page.getByTestId('companion-0-full-name').fill(person.childName);
    await page.getByTestId('companion-0-sex-male').check();
    await page.getByTestId('companion-0-estimated-age').locator('input').fill('9');
    await page.getByTestId('companion-0-age-uncertain').check();
    // Age uncertain and possibly under 18: treated as a child before anything is saved.
    await expect(page.getByTestId('companion-0-treated-as-child')).toBeVisible();
  }
}

test.describe('victims', () => {
  // One file goes through the three tests in order: a failure skips the ones that depend on it.
  test.describe.configure({ mode: 'serial' });
  const word = uniqueWord();
  const fullName = `Nguyễn Thị Hoà ${word}`;
  const id = citizenId();
  let reference = '';
  let fileUrl = '';

  test('reception → verification → identification → support plan → referral with consent → admission and services → follow-up', async ({
    page,
  }) => {
    test.setTimeout(360_000);

    await test.step('the commune officer records the reception of a woman and her child; the child is treated as a child', async () => {
      await loginAs(page, 'xa.a');
      await page.getByTestId('nav-victims').click();
      await page.getByTestId('victim-new-button').click();
      await expect(page.getByTestId('victim-reception-form')).toBeVisible();

      // A wrong citizen ID is refused in Vietnamese, and nothing typed is lost.
      await fillReception(page, { fullName, citizenId: '12345', childName: `Nguyễn Văn Bé ${word}` });
      await page.getByTestId('reception-submit').click();
      await expect(page.getByTestId('victim-reception-form')).toContainText('12 chữ số');
      await expect(page.getByTestId('person-full-name')).toHaveValue(fullName);

      await page.getByTestId('person-citizen-id').fill(id);
      await page.getByTestId('reception-submit').click();
      await expect(page.getByTestId('victim-file-page')).toBeVisible();
      reference = (await page.getByTestId('victim-file-reference').innerText()).match(/NN-\d{4}-[A-Z0-9]{6}/)![0];
      fileUrl = new URL(page.url()).pathname;

      // Identity is masked: initials only; the child is flagged as treated as a child.
      await expect(page.getByTestId('person-masked-name-0')).toHaveText(/^N\.T\.H\.K\.$/);
      await expect(page.getByTestId('victim-file-page')).not.toContainText(fullName);
      await expect(page.getByTestId('person-child-1')).toBeVisible();
      await expect(page.getByTestId('person-child-0')).toHaveCount(0);
      await expect(page.getByTestId('deadline-initial_verification')).toBeVisible();

      // Revealing the name needs a reason, and shows it.
      await page.getByTestId('reveal-button').click();
      await page.getByTestId('reveal-field-fullName').check();
      await page.getByTestId('reveal-reason').fill('Đối chiếu với danh sách công dân trở về');
      await page.getByTestId('reveal-submit').click();
      await expect(page.getByTestId('revealed-fullName-0')).toHaveText(fullName);
      await page.getByTestId('reveal-hide').click();
      await expect(page.getByTestId('victim-file-page')).not.toContainText(fullName);
      await logout(page);
    });

    await test.step("the commune's social-affairs officer starts the verification", async () => {
      await loginAs(page, 'xa.a.vhxh');
      await openFileFromList(page, `nguyen hoa ${word.toLowerCase()}`, reference);
      await openTab(page, 'identification');
      await page.getByTestId('identification-action-start_verification-0').click();
      await page.getByTestId('indicator-documents_withheld').check();
      await page.getByTestId('identification-submit').click();
      await expect(page.getByTestId('identification-status-0')).toContainText('Đang xác minh');
      await logout(page);
    });

    await test.step('the police identify her as a victim, with the evidence and the decision', async () => {
      await loginAs(page, 'congan');
      await openFileFromList(page, id, reference);
      await openTab(page, 'identification');
      await page.getByTestId('identification-action-decide_victim-0').click();
      await page.getByTestId('identification-deciding-agency').fill('Công an thành phố Hải Phòng');
      await page.getByTestId('identification-decision-number').fill('15/QĐ-CAT-PV01');
      await typeDate(page, 'identification-decision-date', vietnamDate(0));
      await page.getByTestId('evidence-rescuing_agency').check();
      await page.getByTestId('evidence-person_statement').check();
      await page.getByTestId('identification-submit').click();
      await expect(page.getByTestId('identification-status-0')).toContainText('Đã xác định là nạn nhân');
      // The police hold no support permission: no support tab.
      await expect(page.getByTestId('victim-tab-support')).toHaveCount(0);
      await logout(page);
    });

    await test.step('the commune makes a support plan, records her consent and refers her to the provincial support centre', async () => {
      await loginAs(page, 'xa.a');
      await page.goto(fileUrl);
      await openTab(page, 'support');
      await page.getByTestId('support-add').click();
      await chooseOption(page, 'support-person', 'N.T.H', /N\.T\.H\.K\./);
      await chooseOption(page, 'support-type', 'tam ly', /tâm lý/i);
      await page.getByTestId('support-submit').click();
      await expect(page.getByTestId('support-table')).toContainText('Đã lập kế hoạch');

      await openTab(page, 'referrals');
      await page.getByTestId('referral-add').click();
      await chooseOption(page, 'referral-person', 'N.T.H', /N\.T\.H\.K\./);
      // Without her consent the referral needs a legal basis: say so before sending.
      await expect(page.getByTestId('referral-legal-basis')).toBeVisible();
      await page.locator('.ant-modal:visible').getByRole('button', { name: 'Hủy' }).click();
      await expect(page.getByTestId('referral-legal-basis')).toBeHidden();

      await openTab(page, 'consents');
      await page.getByTestId('consent-add').click();
      await chooseOption(page, 'consent-person', 'N.T.H', /N\.T\.H\.K\./);
      await chooseOption(page, 'consent-purpose', 'chuyen tuyen', /Chuyển tuyến/);
      await chooseOption(page, 'consent-given-by', 'duoc ho tro', /Người được hỗ trợ/);
      await page.getByTestId('consent-submit').click();
      await expect(page.getByTestId('consent-table')).toContainText('Chuyển tuyến');

      await openTab(page, 'referrals');
      await page.getByTestId('referral-add').click();
      await chooseOption(page, 'referral-person', 'N.T.H', /N\.T\.H\.K\./);
      await chooseOption(page, 'referral-agency', 'cong tac xa hoi hai phong', /Trung tâm Công tác xã hội/);
      await page.getByTestId('referral-reason').fill('Đề nghị tiếp nhận, chăm sóc tại cơ sở và hỗ trợ tâm lý');
      await page.getByTestId('referral-submit').click();
      await expect(page.getByTestId('referral-table')).toContainText('Trung tâm Công tác xã hội');
      await expect(page.getByTestId('referral-table')).toContainText('Đã gửi');
      await logout(page);
    });

    await test.step('the support centre accepts, admits her to its shelter and records the services', async () => {
      await loginAs(page, 'ttctxh');
      await page.getByTestId('nav-support').click();
      const inbox = page.getByTestId('referral-inbox');
      const row = inbox.locator('tr', { hasText: reference });
      await expect(row).toBeVisible();
      await row.locator('[data-testid^="referral-accept-"]').click();
      await page.getByTestId('referral-action-ok').click();
      await expect(row).toContainText('Đã tiếp nhận');
      await row.locator('[data-testid^="referral-file-link-"]').click();
      await expect(page.getByTestId('victim-file-reference')).toContainText(reference);

      await openTab(page, 'support');
      await page.getByTestId('stay-admit').click();
      await chooseOption(page, 'stay-person', 'N.T.H', /N\.T\.H\.K\./);
      await chooseOption(page, 'stay-facility', 'tam lanh', /Nhà tạm lánh/);
      await typeDate(page, 'stay-admitted-on', vietnamDate(0));
      await page.getByTestId('stay-submit').click();
      await expect(page.getByTestId('stays-table')).toContainText('Nhà tạm lánh');

      await page.getByTestId('support-add').click();
      await chooseOption(page, 'support-person', 'N.T.H', /N\.T\.H\.K\./);
      await chooseOption(page, 'support-type', 'thiet yeu', /thiết yếu/i);
      await chooseOption(page, 'support-status', 'dang ho tro', /Đang hỗ trợ/);
      await typeDate(page, 'support-started-on', vietnamDate(0));
      await page.getByTestId('support-amount').locator('input').fill('1500000');
      await page.getByTestId('support-submit').click();
      await expect(page.getByTestId('support-table')).toContainText('Đang hỗ trợ');
      await expect(page.getByTestId('support-table')).toContainText('1.500.000');
      await logout(page);
    });

    await test.step('back home, the commune logs a follow-up visit', async () => {
      await loginAs(page, 'xa.a');
      await page.goto(fileUrl);
      await openTab(page, 'follow-up');
      await page.getByTestId('follow-up-add').click();
      await typeDate(page, 'follow-up-visited-on', vietnamDate(0));
      await chooseOption(page, 'follow-up-situation', 'on dinh', /Ổn định/);
      await page.getByTestId('follow-up-notes').fill('Đã về sống cùng gia đình, con đi học trở lại.');
      await page.getByTestId('follow-up-submit').click();
      await expect(page.getByTestId('follow-ups-table')).toContainText('Ổn định');
      // The support the centre recorded is on the commune's file too.
      await openTab(page, 'support');
      await expect(page.getByTestId('support-table')).toContainText('Đang hỗ trợ');
      await logout(page);
    });
  });

  test('another commune sees nothing of the file, finds nothing, and a new reception of her says only where a match is; the court sees no victims; the reveal is in the audit trail', async ({
    page,
  }) => {
    test.setTimeout(180_000);

    await test.step('a second commune: 404 on the file, nothing found by name or citizen ID', async () => {
      await loginAs(page, 'xa.b');
      await page.goto(fileUrl);
      await expect(page.getByTestId('victim-file-not-found')).toBeVisible();
      await page.getByTestId('nav-victims').click();
      for (const search of [`nguyen hoa ${word.toLowerCase()}`, id]) {
        await page.getByTestId('victim-search').locator('input').fill(search);
        await page.getByTestId('victim-search').locator('input').press('Enter');
        await expect(page.getByTestId('victim-list')).not.toContainText(reference);
        await expect(page.getByTestId('victim-list').locator('tr[data-testid^="victim-row-"]')).toHaveCount(0);
      }
    });

    await test.step('receiving the same woman there: only "possible match at unit X", no link, no detail', async () => {
      await page.getByTestId('victim-new-button').click();
      await fillReception(page, { fullName, citizenId: id });
      await page.getByTestId('reception-submit').click();
      const alert = page.getByTestId('duplicate-alert');
      await expect(alert).toContainText('Có thể trùng với hồ sơ tại đơn vị');
      await expect(alert).toContainText('Thành Đông');
      await expect(alert).not.toContainText(reference);
      await expect(page.locator('[data-testid^="duplicate-link-"]')).toHaveCount(0);
      // Leaving with what was typed asks first.
      await page.getByTestId('nav-victims').click();
      await page.getByTestId('reception-leave-confirm').click();
      await expect(page.getByTestId('victim-list')).toBeVisible();
      await logout(page);
    });

    await test.step('the court has no victims or support entry, and the file is refused', async () => {
      await loginAs(page, 'toaan');
      await expect(page.getByTestId('nav-victims')).toHaveCount(0);
      await expect(page.getByTestId('nav-support')).toHaveCount(0);
      await page.goto(fileUrl);
      await expect(page.getByTestId('page-forbidden')).toBeVisible();
      await logout(page);
    });

    await test.step('the administrator finds the reveal in the audit trail with its reason', async () => {
      await loginAs(page, 'admin');
      await page.getByTestId('nav-audit').click();
      await chooseOption(page, 'audit-filter-action', 'victim.reveal', 'Xem thông tin nhận dạng nạn nhân');
      const row = page.getByTestId('audit-table').locator('tr', { hasText: 'Xem thông tin nhận dạng nạn nhân' }).first();
      await expect(row).toContainText('xa.a');
      await row.locator('.ant-table-row-expand-icon').click();
      await expect(page.getByTestId('audit-table')).toContainText('Đối chiếu với danh sách công dân trở về');
      await expect(page.getByTestId('audit-table')).not.toContainText(fullName);
    });
  });

  test('the provincial standing office keeps the file: documents checked by content, a correction with its history, statistics, an identified export with a reason, the deadline rules, closing the file', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await loginAs(page, 'tinh.thuongtruc');
    await openFileFromList(page, `hoa ${word.toLowerCase()} nguyen`, reference);

    await test.step('a PNG named .pdf is refused at once; a real PDF is kept and downloaded', async () => {
      await openTab(page, 'documents');
      await page.getByTestId('attachment-add').click();
      const input = page.getByTestId('attachment-upload').locator('input[type=file]');
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      await input.setInputFiles({ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: png });
      await expect(page.getByTestId('attachment-modal')).toContainText('không khớp với nội dung');
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
      await input.setInputFiles({ name: 'quyet-dinh-xac-dinh-nan-nhan.pdf', mimeType: 'application/pdf', buffer: pdf });
      await chooseOption(page, 'attachment-kind', 'quyet dinh', /Quyết định/);
      await page.getByTestId('attachment-submit').click();
      const table = page.getByTestId('attachments-table');
      await expect(table).toContainText('quyet-dinh-xac-dinh-nan-nhan.pdf');
      const download = page.waitForEvent('download');
      await table.locator('[data-testid^="attachment-download-"]').first().click();
      expect((await download).suggestedFilename()).toBe('quyet-dinh-xac-dinh-nan-nhan.pdf');
    });

    await test.step('a correction of the reception keeps what it replaced, who, when and why', async () => {
      await openTab(page, 'overview');
      await page.getByTestId('reception-correct').click();
      await page.getByTestId('reception-border-gate').fill('Cửa khẩu quốc tế Bắc Luân II');
      await page.getByTestId('reception-correct-reason').fill('Biên bản bàn giao ghi cửa khẩu Bắc Luân II');
      await page.getByTestId('reception-correct-submit').click();
      await expect(page.getByTestId('reception-correct-modal')).toBeHidden();
      await openTab(page, 'history');
      const corrections = page.getByTestId('corrections-table');
      await expect(corrections).toContainText('Cửa khẩu');
      await expect(corrections).toContainText('Biên bản bàn giao ghi cửa khẩu Bắc Luân II');
      await expect(corrections).toContainText('Nguyễn Văn Thường Trực');
    });

    await test.step("the province's statistics hide her: one received and identified person is a small cell at every level", async () => {
      await page.getByTestId('nav-victims').click();
      await page.getByTestId('victim-statistics-link').click();
      await expect(page.getByTestId('stats-suppressed')).toBeVisible();
      await expect(page.getByTestId('stats-received-total')).toHaveAttribute('data-suppressed', 'true');
      await expect(page.getByTestId('stats-identified-total')).toHaveAttribute('data-suppressed', 'true');
    });

    await test.step('an identified export needs a reason and downloads a workbook', async () => {
      await page.getByTestId('nav-victims').click();
      await page.getByTestId('victim-export-identified').click();
      await page.getByTestId('identified-export-submit').click();
      await expect(page.getByTestId('identified-export-form')).toContainText('lý do');
      await page.getByTestId('identified-export-reason').fill('Cung cấp cho Công an tỉnh phục vụ điều tra vụ án');
      const download = page.waitForEvent('download');
      await page.getByTestId('identified-export-submit').click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    });

    await test.step('the deadline rules are read with their legal basis; a provincial officer cannot change them', async () => {
      await page.getByTestId('victim-settings-link').click();
      await expect(page.getByTestId('deadline-row-initial_verification')).toContainText('Điều 27');
      await expect(page.getByTestId('deadline-edit-initial_verification')).toHaveCount(0);
    });

    await test.step('closing waits for the referral to end; then the file closes and takes no new record', async () => {
      await openFileFromList(page, id, reference);
      await page.getByTestId('file-close').click();
      await expect(page.getByTestId('file-close-blocker')).toContainText('chuyển tuyến');
      await page.locator('.ant-modal:visible').getByRole('button', { name: 'Hủy' }).click();
      await logout(page);

      await loginAs(page, 'ttctxh');
      await page.getByTestId('nav-support').click();
      const row = page.getByTestId('referral-inbox').locator('tr', { hasText: reference });
      await row.locator('[data-testid^="referral-file-link-"]').click();
      await openTab(page, 'support');
      await page.locator('[data-testid^="stay-discharge-"]').first().click();
      // The day of discharge defaults to today.
      await expect(page.getByTestId('stay-discharged-on')).toHaveValue(vietnamDate(0));
      await page.getByTestId('stay-discharge-submit').click();
      await expect(page.getByTestId('stays-table')).toContainText(vietnamDate(0));
      await openTab(page, 'referrals');
      await page.locator('[data-testid^="referral-complete-"]').first().click();
      await page.getByTestId('referral-action-ok').click();
      // The centre no longer reaches the file: back in its inbox, the referral is completed.
      await expect(page.getByTestId('referral-inbox').locator('tr', { hasText: reference })).toContainText('Đã hoàn thành');
      await logout(page);

      await loginAs(page, 'tinh.thuongtruc');
      await openFileFromList(page, id, reference);
      await page.getByTestId('file-close').click();
      await typeDate(page, 'file-close-date', vietnamDate(0));
      await chooseOption(page, 'file-close-reason', 'tai hoa nhap', /tái hòa nhập/);
      await page.getByTestId('file-close-submit').click();
      await expect(page.getByTestId('victim-file-status')).toContainText('Đã đóng');
      await expect(page.getByTestId('file-reopen')).toBeVisible();
      await openTab(page, 'follow-up');
      await expect(page.getByTestId('follow-up-add')).toHaveCount(0);
    });
  });
});
