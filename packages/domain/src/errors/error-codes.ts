/**
 * Every error the API can return has a stable code, an HTTP status and a message in each locale.
 * Messages may use {placeholders} filled from the error's params.
 */
export const ERROR_CATALOGUE = {
  'auth.unauthenticated': { status: 401, vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to sign in to continue.' },
  'auth.invalid_credentials': { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  'auth.account_locked': {
    status: 429,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'The account is temporarily locked after repeated failed sign-ins. Try again in {minutes} minutes.',
  },
  'auth.account_disabled': { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  'auth.too_many_requests': {
    status: 429,
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
    en: 'Too many requests. Please try again later.',
  },
  'auth.csrf_invalid': {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang.',
    en: 'Invalid session token (CSRF). Please reload the page.',
  },
  'auth.forbidden': { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.second_factor_required': { status: 401, vi: 'Cần nhập mã xác thực hai lớp.', en: 'A second-factor code is required.' },
  'auth.second_factor_invalid': {
    status: 401,
    vi: 'Mã xác thực không đúng hoặc đã hết hạn.',
    en: 'The verification code is wrong or expired.',
  },
  'auth.second_factor_setup_required': {
    status: 403,
    vi: 'Vai trò của bạn yêu cầu xác thực hai lớp. Vui lòng thiết lập trước khi tiếp tục.',
    en: 'Your role requires two-factor authentication. Please set it up first.',
  },
  'auth.password_change_required': {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password first.',
  },
  'auth.password_wrong': { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'auth.password_weak': { status: 400, vi: 'Mật khẩu chưa đạt yêu cầu: {reasons}.', en: 'The password is too weak: {reasons}.' },
  'access.escalation': {
    status: 403,
    vi: 'Không thể cấp quyền vượt quá phạm vi của bạn ({detail}).',
    en: 'You cannot grant more than you hold ({detail}).',
  },
  'resource.not_found': { status: 404, vi: 'Không tìm thấy dữ liệu yêu cầu.', en: 'The requested record was not found.' },
  'resource.conflict': { status: 409, vi: 'Dữ liệu bị trùng hoặc mâu thuẫn: {detail}.', en: 'Conflict: {detail}.' },
  'resource.version_conflict': {
    status: 409,
    vi: 'Dữ liệu đã được người khác cập nhật. Vui lòng tải lại và thử lại.',
    en: 'Someone else changed this record. Reload and try again.',
  },
  'validation.failed': { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  'request.malformed': { status: 400, vi: 'Yêu cầu không đúng định dạng.', en: 'The request is malformed.' },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  'request.file_too_large': {
    status: 413,
    vi: 'Tệp gửi lên quá lớn (tối đa {limit} MB). Chưa có gì được lưu.',
    en: 'The uploaded file is too large (at most {limit} MB). Nothing was saved.',
  },
  'request.unsupported_media_type': {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  'request.header_too_large': { status: 431, vi: 'Địa chỉ hoặc tiêu đề yêu cầu quá dài.', en: 'The request line or headers are too long.' },
  'request.route_not_found': { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such address.' },
  'request.method_not_allowed': { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  'plan_import.unreadable': {
    status: 400,
    vi: 'Không đọc được tệp kế hoạch: {detail}',
    en: 'The plan file cannot be read: {detail}',
  },
  'plan_import.too_large': {
    status: 400,
    vi: 'Tệp kế hoạch quá lớn (tối đa {limit} MB). Hãy bỏ phụ lục, hình ảnh rồi thử lại.',
    en: 'The plan file is too large (at most {limit} MB). Remove annexes and images and try again.',
  },
  'plan_import.not_a_plan': {
    status: 400,
    vi: 'Nội dung tệp không phải một kế hoạch (không tìm thấy mục, nhiệm vụ hay phân công cơ quan chủ trì). Hãy kiểm tra lại tệp.',
    en: 'The file does not look like a plan (no sections, tasks or lead agencies found). Check the file.',
  },
  'plan_import.not_pending': {
    status: 409,
    vi: 'Bản nhập kế hoạch này đã được xác nhận hoặc hủy, không thể sửa tiếp.',
    en: 'This plan import was already confirmed or discarded.',
  },
  'plan.not_draft': {
    status: 409,
    vi: 'Chỉ ban hành hoặc sửa được kế hoạch đang ở trạng thái dự thảo.',
    en: 'Only a draft plan can be issued or edited this way.',
  },
  'plan.tasks_without_lead': {
    status: 409,
    vi: 'Chưa thể ban hành: {count} nhiệm vụ chưa có cơ quan chủ trì ({tasks}). Giao cơ quan chủ trì cho từng nhiệm vụ rồi ban hành.',
    en: 'Not issued yet: {count} task(s) have no lead agency ({tasks}). Give each task its lead agency, then issue.',
  },
  'plan.superseded': {
    status: 409,
    vi: 'Kế hoạch đã được thay thế, không thể thêm hoặc sửa nội dung.',
    en: 'The plan has been superseded and can no longer be changed.',
  },
  'task.action_not_allowed': {
    status: 409,
    vi: 'Không thể thực hiện thao tác "{action}" khi nhiệm vụ đang ở trạng thái "{status}".',
    en: 'The action "{action}" is not possible while the task is "{status}".',
  },
  'report_template.duplicate_code': {
    status: 409,
    vi: 'Mã mẫu báo cáo "{code}" đã có. Để sửa mẫu này, hãy phát hành phiên bản mới của nó.',
    en: 'The report template code "{code}" already exists. Publish a new version of it instead.',
  },
  'report_template.not_active': {
    status: 409,
    vi: 'Phiên bản {version} của mẫu "{name}" đã được thay thế; chỉ phát hành phiên bản mới từ phiên bản đang dùng.',
    en: 'Version {version} of the template "{name}" has been replaced; publish from the version in use.',
  },
  'report.invalid_content': {
    status: 400,
    vi: 'Số liệu báo cáo chưa hợp lệ, chưa lưu. Vui lòng sửa các ô được đánh dấu.',
    en: 'The report contains invalid figures and was not saved. Correct the marked cells.',
  },
  'report.stale': {
    status: 409,
    vi: 'Báo cáo đã được {actor} lưu lúc {time}, sau khi bạn mở. Những gì bạn đã nhập vẫn được giữ trên màn hình: hãy tải bản mới nhất, đối chiếu rồi lưu lại.',
    en: 'The report was saved by {actor} at {time}, after you opened it. Your entries are kept on screen: load the latest version, compare and save again.',
  },
  'task.stale': {
    status: 409,
    vi: 'Nhiệm vụ đã được cập nhật lúc {time} (phiên bản {version}), sau khi bạn mở. Chưa lưu thay đổi của bạn: tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'The task was updated at {time} (version {version}) after you opened it. Your change was not saved: reload to see the latest version and edit again.',
  },
  'victim.stale': {
    status: 409,
    vi: 'Hồ sơ đã được cập nhật lúc {time} (phiên bản {version}), sau khi bạn mở. Chưa lưu thay đổi của bạn: tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'The file was updated at {time} (version {version}) after you opened it. Your change was not saved: reload to see the latest version and edit again.',
  },
  'plan.stale': {
    status: 409,
    vi: 'Kế hoạch đã được cập nhật lúc {time} (phiên bản {version}), sau khi bạn mở. Chưa lưu thay đổi của bạn: tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'The plan was updated at {time} (version {version}) after you opened it. Your change was not saved: reload to see the latest version and edit again.',
  },
  'report.not_editable': {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái "{status}", không thể sửa nội dung.',
    en: 'The report is "{status}" and can no longer be edited.',
  },
  'report.submission_blocked': {
    status: 422,
    vi: 'Chưa thể gửi báo cáo: còn {count} vấn đề cần xử lý (số liệu mâu thuẫn hoặc cảnh báo chưa có giải trình).',
    en: 'The report cannot be submitted yet: {count} issues remain (inconsistent figures or warnings without a note).',
  },
  'report.transition_not_allowed': {
    status: 409,
    vi: 'Không thể "{action}" khi báo cáo đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the report is "{status}".',
  },
  'report.no_parent_unit': {
    status: 409,
    vi: '{unit} là cấp cao nhất, không có cấp trên để gửi báo cáo tổng hợp.',
    en: '{unit} is the top level: there is no higher level to send a consolidated report to.',
  },
  'file.invalid': {
    status: 400,
    vi: 'Tệp đính kèm không hợp lệ: {detail}',
    en: 'Invalid attachment: {detail}',
  },
  'file.too_large': {
    status: 400,
    vi: 'Tệp đính kèm quá lớn (tối đa {limit} MB).',
    en: 'The attachment is too large (at most {limit} MB).',
  },
  // ── Uploaded documents: allowed types and the zip bomb guard (platform/documents) ──
  'file.unsupported_type': {
    status: 415,
    vi: 'Loại tệp không được chấp nhận: chỉ nhận {allowed} (kiểm tra theo nội dung tệp, không theo tên). Chưa có gì được lưu.',
    en: 'This type of file is not accepted: only {allowed} (checked by content, not by name). Nothing was saved.',
  },
  'document.zip_too_large': {
    status: 413,
    vi: 'Tài liệu giải nén ra quá lớn (trên {limit} MB), có thể là "bom nén"; tệp không được xử lý và chưa có gì được lưu.',
    en: 'The document inflates to more than {limit} MB (a possible zip bomb); it was not processed and nothing was saved.',
  },
  'document.zip_xml_too_large': {
    status: 413,
    vi: 'Phần nội dung văn bản của tài liệu giải nén ra quá lớn (trên {limit} MB); tệp không được xử lý và chưa có gì được lưu. Hãy tách tài liệu thành nhiều tệp nhỏ hơn.',
    en: 'The text of the document inflates to more than {limit} MB; it was not processed and nothing was saved. Split the document into smaller files.',
  },
  'document.zip_too_many_entries': {
    status: 413,
    vi: 'Tài liệu có quá nhiều thành phần (trên {limit}); tệp không được xử lý và chưa có gì được lưu.',
    en: 'The document has too many parts (more than {limit}); it was not processed and nothing was saved.',
  },
  'document.zip_invalid': {
    status: 400,
    vi: 'Tài liệu không phải tệp Office (ZIP) hợp lệ: {detail} Chưa có gì được lưu.',
    en: 'The document is not a valid Office (ZIP) file: {detail} Nothing was saved.',
  },
  'victim.possible_duplicate': {
    status: 409,
    vi: 'Có thể trùng với {count} hồ sơ đã có trong phạm vi của bạn. Hãy mở hồ sơ đó để đối chiếu, hoặc xác nhận đây không phải cùng một người để tạo hồ sơ mới.',
    en: 'This may be the same person as {count} existing file(s) you can see. Open it to compare, or confirm it is not the same person to create a new file.',
  },
  'victim.possible_duplicate_elsewhere': {
    status: 409,
    vi: 'Có thể trùng với hồ sơ tại đơn vị {unitName}. Hãy liên hệ đơn vị này để xác minh, hoặc xác nhận đây không phải cùng một người để tạo hồ sơ mới.',
    en: 'This may be the same person as a file held by {unitName}. Contact that unit to check, or confirm it is not the same person to create a new file.',
  },
  'victim.duplicate_probe_limit': {
    status: 429,
    vi: 'Bạn đã kiểm tra trùng với hồ sơ của đơn vị khác {limit} lần trong 24 giờ qua. Việc kiểm tra trùng tạm dừng; vui lòng liên hệ đơn vị cấp trên hoặc thử lại sau.',
    en: 'You have matched files of other units {limit} times in the last 24 hours. Duplicate checks are paused; contact your superior unit or try again later.',
  },
  'victim.identification_not_allowed': {
    status: 409,
    vi: 'Không thể "{action}" khi việc xác định nạn nhân đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the identification is "{status}".',
  },
  'victim.referral_not_allowed': {
    status: 409,
    vi: 'Không thể "{action}" khi chuyển tuyến đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the referral is "{status}".',
  },
  'victim.referral_basis_missing': {
    status: 409,
    vi: '{detail}',
    en: 'The referral cannot be sent: no consent in force and no legal basis recorded ({detail}).',
  },
  'victim.referral_already_active': {
    status: 409,
    vi: 'Người này đang có một chuyển tuyến chưa kết thúc tới {agency}.',
    en: 'This person already has an open referral to {agency}.',
  },
  'victim.consent_already_withdrawn': {
    status: 409,
    vi: 'Sự đồng ý này đã được rút lại ngày {date}.',
    en: 'This consent was already withdrawn on {date}.',
  },
  'victim.support_status_not_allowed': {
    status: 409,
    vi: 'Không thể chuyển khoản hỗ trợ từ trạng thái "{from}" sang "{to}".',
    en: 'The support cannot go from "{from}" to "{to}".',
  },
  'victim.facility_full': {
    status: 409,
    vi: '{facility} đã đủ {capacity} chỗ, không thể tiếp nhận thêm.',
    en: '{facility} is full ({capacity} places).',
  },
  'victim.stay_open': {
    status: 409,
    vi: 'Người này đang ở {facility} (từ {date}); cần cho ra cơ sở trước khi tiếp nhận vào nơi khác.',
    en: 'This person is still staying at {facility} (since {date}); discharge them first.',
  },
  'victim.file_closed': {
    status: 409,
    vi: 'Hồ sơ đã đóng ngày {date}: mở lại hồ sơ (nêu lý do) trước khi ghi nhận thêm.',
    en: 'The file was closed on {date}: reopen it (with a reason) before recording anything.',
  },
  'victim.file_status': {
    status: 409,
    vi: '{detail}',
    en: 'The file cannot change state: {detail}',
  },
  'victim.repatriation_status_not_allowed': {
    status: 409,
    vi: 'Không thể chuyển việc hồi hương từ trạng thái "{from}" sang "{to}".',
    en: 'The repatriation cannot go from "{from}" to "{to}".',
  },
  'victim.attachment_invalid': {
    status: 400,
    vi: '{detail}',
    en: 'The document was refused: {detail}',
  },
  'victim.facility_below_occupancy': {
    status: 409,
    vi: 'Không thể giảm số chỗ của {facility} xuống {capacity}: đang có {occupied} người ở.',
    en: '{facility} cannot go down to {capacity} places: {occupied} people are staying there.',
  },
  'server.internal': { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
  'server.unavailable': { status: 503, vi: 'Hệ thống tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type Locale = 'vi' | 'en';

export function formatErrorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = ERROR_CATALOGUE[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the locale from an Accept-Language header: Vietnamese unless English is preferred. */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const quality = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: quality ? Number(quality.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
