// The vi/en message catalogue for everything the server says to people.
// Vietnamese is the default; English is chosen from Accept-Language.
export type Locale = 'vi' | 'en';
export type Text = { vi: string; en: string };

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'vi'): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) if (tag === 'vi' || tag === 'en') return tag;
  return fallback;
}

export const messages = {
  // generic
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  unauthenticated: { vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
  invalid: { vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  conflict: { vi: 'Xung đột với dữ liệu hiện có.', en: 'Conflicts with existing data.' },
  too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  rate_limited: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests, please try again later.' },
  internal: { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
  unsupported_media_type: { vi: 'Định dạng dữ liệu không được hỗ trợ.', en: 'Unsupported content type.' },
  bad_encoding: { vi: 'Dữ liệu không phải UTF-8 hợp lệ.', en: 'The body is not valid UTF-8.' },
  bad_json: { vi: 'JSON không hợp lệ.', en: 'The body is not valid JSON.' },
  // field validation
  field_required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  field_unknown: { vi: 'Trường không được chấp nhận.', en: 'Unknown field.' },
  field_type: { vi: 'Sai kiểu dữ liệu.', en: 'Wrong type.' },
  field_too_long: { vi: 'Quá dài (tối đa {max} ký tự).', en: 'Too long (at most {max} characters).' },
  field_too_short: { vi: 'Quá ngắn (tối thiểu {min} ký tự).', en: 'Too short (at least {min} characters).' },
  field_format: { vi: 'Sai định dạng.', en: 'Wrong format.' },
  webhook_paused: { vi: 'Webhook đang tạm dừng: hãy tiếp tục (bật lại) trước khi gửi lại.', en: 'The webhook is paused: resume it before redelivering.' },
  webhook_delivery_pending: { vi: 'Lần gửi này vẫn đang chờ gửi: chưa thể gửi lại.', en: 'This delivery is still pending: it cannot be redelivered yet.' },
  webhook_target_private: {
    vi: 'Địa chỉ nhận phải nằm trên Internet công cộng (không phải mạng nội bộ, loopback).',
    en: 'The address must be on the public internet (not a private or loopback network).',
  },
  field_enum: { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  field_range: { vi: 'Giá trị nằm ngoài khoảng cho phép.', en: 'Value out of range.' },
  field_too_many: { vi: 'Quá nhiều phần tử.', en: 'Too many items.' },
  // auth
  login_failed: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong user name or password.' },
  login_slowed: {
    vi: 'Đăng nhập sai nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại.',
    en: 'Too many failed sign-ins. Please wait {seconds} seconds and try again.',
  },
  account_locked: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Liên hệ quản trị viên để mở khóa.',
    en: 'The account is locked after too many failed sign-ins. Ask an administrator to unlock it.',
  },
  ip_blocked: {
    vi: 'Địa chỉ IP này tạm bị chặn do đăng nhập sai nhiều lần.',
    en: 'This IP address is temporarily blocked after too many failed sign-ins.',
  },
  account_disabled: { vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  https_required: { vi: 'Cần kết nối HTTPS để đăng nhập.', en: 'Sign-in requires HTTPS.' },
  csrf_failed: { vi: 'Thiếu hoặc sai mã chống giả mạo (CSRF).', en: 'Missing or wrong CSRF token.' },
  session_expired: { vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.', en: 'The session has expired. Please sign in again.' },
  password_change_required: { vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.', en: 'You must change your password first.' },
  mfa_required: { vi: 'Cần nhập mã xác thực hai lớp.', en: 'The second-factor code is required.' },
  mfa_enrolment_required: {
    vi: 'Vai trò của bạn bắt buộc bật xác thực hai lớp.',
    en: 'Your role requires two-factor authentication to be set up.',
  },
  mfa_code_wrong: { vi: 'Mã xác thực không đúng.', en: 'Wrong verification code.' },
  mfa_already_enabled: { vi: 'Xác thực hai lớp đã được bật.', en: 'Two-factor authentication is already on.' },
  mfa_not_started: { vi: 'Chưa bắt đầu thiết lập xác thực hai lớp.', en: 'Two-factor setup was not started.' },
  mfa_cannot_disable: {
    vi: 'Vai trò này bắt buộc xác thực hai lớp, không thể tắt.',
    en: 'This role requires two-factor authentication; it cannot be turned off.',
  },
  password_wrong: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  password_weak: {
    vi: 'Mật khẩu quá yếu: cần ít nhất {min} ký tự và khó đoán hơn (không dùng từ phổ biến, tên, ngày tháng).',
    en: 'The password is too weak: use at least {min} characters and make it harder to guess (no common words, names or dates).',
  },
  password_reused: { vi: 'Mật khẩu mới phải khác mật khẩu cũ.', en: 'The new password must differ from the old one.' },
  token_invalid: { vi: 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.', en: 'The access token is invalid, expired or revoked.' },
  scope_missing: { vi: 'Mã truy cập thiếu quyền (scope) "{scope}".', en: 'The access token lacks the "{scope}" scope.' },
  client_invalid: { vi: 'Sai mã định danh hoặc khóa bí mật của ứng dụng.', en: 'Wrong client id or client secret.' },
  grant_unsupported: { vi: 'Chỉ hỗ trợ grant_type=client_credentials.', en: 'Only grant_type=client_credentials is supported.' },
  terms_not_accepted: {
    vi: 'Ứng dụng phải chấp nhận điều khoản sử dụng (không dùng dữ liệu chia sẻ vào mục đích thương mại).',
    en: 'The client must accept the terms of use (no commercial use of shared data).',
  },
  scope_not_allowed: { vi: 'Không được cấp quyền (scope) "{scope}".', en: 'The "{scope}" scope cannot be granted.' },
  // accounts
  email_taken: { vi: 'Email đã được dùng cho tài khoản khác.', en: 'The e-mail is already used by another account.' },
  username_taken: { vi: 'Tên đăng nhập đã được dùng.', en: 'The user name is already taken.' },
  slug_taken: { vi: 'Mã cơ quan đã tồn tại.', en: 'The agency code already exists.' },
  agency_not_found: { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' },
  agency_parent_cycle: { vi: 'Cơ quan cấp trên không hợp lệ (tạo vòng lặp).', en: 'Invalid parent agency (it would create a cycle).' },
  agency_has_users: {
    vi: 'Cơ quan còn tài khoản đang hoạt động, không thể lưu trữ.',
    en: 'The agency still has active accounts; it cannot be archived.',
  },
  role_agency_mismatch: {
    vi: 'Vai trò {role} chỉ dành cho tài khoản thuộc {agency}.',
    en: 'The {role} role is only for accounts of {agency}.',
  },
  last_admin: { vi: 'Không thể khóa hoặc hạ quyền quản trị viên cuối cùng.', en: 'The last active administrator cannot be disabled or demoted.' },
  stale_revision: {
    vi: 'Dữ liệu đã được người khác sửa. Tải lại rồi thử lại.',
    en: 'Someone else changed this record. Reload and try again.',
  },
  // content
  state_secret_mark: {
    vi: 'Nội dung có dấu mức độ mật ("{mark}"). Không được lưu thông tin bí mật nhà nước trên hệ thống kết nối Internet (Điều 4.6).',
    en: 'The text bears a state-secret classification mark ("{mark}"). State secrets must never be stored on this internet-connected system (Art. 4.6).',
  },
  declaration_required: {
    vi: 'Cần cam đoan nội dung không chứa bí mật nhà nước trước khi gửi.',
    en: 'You must declare that the content holds no state secrets before submitting.',
  },
  transition_not_allowed: { vi: 'Không thể "{transition}" khi ở trạng thái "{state}".', en: 'Cannot "{transition}" in state "{state}".' },
  version_not_editable: {
    vi: 'Phiên bản đang chờ thẩm định hoặc đã lưu trữ, không sửa được.',
    en: 'This version is under appraisal or archived and cannot be edited.',
  },
  source_not_published: { vi: 'Chỉ công bố bản dịch khi bản gốc đã được công bố.', en: 'A translation can be published only when its source is published.' },
  unpublish_first: {
    vi: 'Phiên bản đang được công bố; cần gỡ xuống (thẩm định viên) trước khi lưu trữ.',
    en: 'This version is online; an appraiser must unpublish it before it can be archived.',
  },
  not_online: { vi: 'Phiên bản này chưa được công bố.', en: 'This version is not published.' },
  language_not_configured: { vi: 'Ngôn ngữ không nằm trong danh sách cấu hình.', en: 'The language is not configured.' },
  translation_exists: { vi: 'Đã có phiên bản ngôn ngữ này.', en: 'This language version already exists.' },
  topic_not_found: { vi: 'Không tìm thấy chủ đề.', en: 'Topic not found.' },
  checklist_incomplete: { vi: 'Cần xác nhận mục kiểm tra này trước khi duyệt.', en: 'This check must be confirmed before approving.' },
  import_file_invalid: { vi: 'Không đọc được tệp nhập: {reason}.', en: 'The import file cannot be read: {reason}.' },
  metadata_on_translation: {
    vi: 'Thông tin chung (metadata) chỉ sửa trên bản ngôn ngữ gốc.',
    en: 'Shared metadata is edited on the source language version only.',
  },
  // media
  media_empty: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
  media_too_large: { vi: 'Tệp quá lớn (tối đa {max}).', en: 'The file is too large (at most {max}).' },
  media_type_unknown: {
    vi: 'Không nhận ra loại tệp từ nội dung. Chỉ nhận ảnh (JPEG, PNG, WebP, AVIF, GIF, TIFF), video (MP4/H.264, WebM) và tài liệu (PDF, DOCX, XLSX, PPTX, ODT).',
    en: 'The file type cannot be recognised from its content. Accepted: images (JPEG, PNG, WebP, AVIF, GIF, TIFF), videos (MP4/H.264, WebM) and documents (PDF, DOCX, XLSX, PPTX, ODT).',
  },
  media_type_not_allowed: {
    vi: 'Loại tệp "{type}" không được phép. Chỉ nhận ảnh (JPEG, PNG, WebP, AVIF, GIF, TIFF), video (MP4/H.264, WebM) và tài liệu (PDF, DOCX, XLSX, PPTX, ODT).',
    en: 'Files of type "{type}" are not allowed. Accepted: images (JPEG, PNG, WebP, AVIF, GIF, TIFF), videos (MP4/H.264, WebM) and documents (PDF, DOCX, XLSX, PPTX, ODT).',
  },
  media_extension_mismatch: {
    vi: 'Tên tệp có đuôi ".{ext}" nhưng nội dung là {type}. Hãy kiểm tra lại tệp.',
    en: 'The file name ends in ".{ext}" but the content is {type}. Please check the file.',
  },
  media_image_unreadable: {
    vi: 'Không đọc được ảnh ({type}): tệp hỏng, bị cắt cụt hoặc định dạng chưa được hỗ trợ.',
    en: 'The image ({type}) cannot be read: the file is damaged, truncated or in an unsupported variant.',
  },
  media_too_many_pixels: {
    vi: 'Ảnh quá lớn: {pixels} megapixel (tối đa {max}).',
    en: 'The image is too large: {pixels} megapixels (at most {max}).',
  },
  media_video_unreadable: { vi: 'Không đọc được video: tệp hỏng hoặc bị cắt cụt.', en: 'The video cannot be read: the file is damaged or truncated.' },
  media_video_codec: {
    vi: 'Video phải mã hóa H.264 (MP4) hoặc VP8/VP9/AV1 (WebM); tệp này dùng "{codec}".',
    en: 'Videos must be H.264 (MP4) or VP8/VP9/AV1 (WebM); this file uses "{codec}".',
  },
  media_document_unreadable: { vi: 'Không đọc được tài liệu: tệp hỏng hoặc bị cắt cụt.', en: 'The document cannot be read: the file is damaged or truncated.' },
  media_archive_bomb: {
    vi: 'Tài liệu bị từ chối: khi giải nén quá lớn hoặc có quá nhiều thành phần (nghi là "bom nén").',
    en: 'The document is refused: it expands to too much data or too many parts (a suspected decompression bomb).',
  },
  media_infected: { vi: 'Tệp bị từ chối: phát hiện mã độc ({signature}).', en: 'The file is refused: malware detected ({signature}).' },
  media_scan_unavailable: { vi: 'Chưa quét được virus cho tệp; vui lòng thử lại sau.', en: 'The virus scanner is unavailable; please try again later.' },
  media_quota_exceeded: {
    vi: 'Vượt hạn mức lưu trữ của cơ quan: đã dùng {used} trên {quota}.',
    en: "The agency's storage quota is exceeded: {used} of {quota} used.",
  },
  media_in_use: {
    vi: 'Tệp đang được dùng trong bài đã công bố ({title}); không thể xóa.',
    en: 'The file is used by a published item ({title}); it cannot be deleted.',
  },
  media_not_found: { vi: 'Không tìm thấy tệp trong thư viện.', en: 'Media not found in the library.' },
  media_multipart_required: {
    vi: 'Gửi tệp bằng multipart/form-data với một trường "file".',
    en: 'Send the file as multipart/form-data with one "file" field.',
  },
  media_one_file: { vi: 'Mỗi lần chỉ gửi một tệp.', en: 'Send one file per request.' },
  media_alt_required: { vi: 'Ảnh cần có mô tả thay thế (alt) bằng ngôn ngữ "{language}".', en: 'The image needs alternative text in "{language}".' },
  media_kind_expected: { vi: 'Cần một tệp loại {kind}.', en: 'A file of kind {kind} is needed.' },
  media_visibility_narrower: {
    vi: 'Tệp chỉ ở mức {mediaVi}, hẹp hơn bài viết ({itemVi}).',
    en: 'The file is {mediaEn} only, narrower than the item ({itemEn}).',
  },
  upload_not_found: { vi: 'Không tìm thấy phiên tải lên.', en: 'Upload not found.' },
  // clarification cases (Art. 4)
  case_transition_not_allowed: {
    vi: 'Không thể thực hiện "{action}" khi hồ sơ đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" a case whose status is "{status}".',
  },
  case_not_active: { vi: 'Hồ sơ đã kết thúc; mở lại hồ sơ trước khi cập nhật.', en: 'The case is closed; reopen it before updating it.' },
  case_duplicate_sighting: { vi: 'Đường dẫn này đã được ghi nhận trong hồ sơ.', en: 'This URL is already recorded as a sighting of the case.' },
  case_agency_already_notified: { vi: 'Cơ quan này đã được thông báo về hồ sơ.', en: 'This agency has already been notified of the case.' },
  case_agency_cannot_answer: {
    vi: 'Cơ quan này không được giao chức năng trả lời hồ sơ giải thích, làm rõ.',
    en: 'This agency has not been assigned the function of answering clarification cases.',
  },
  case_agency_not_notified: { vi: 'Cơ quan này chưa được thông báo về hồ sơ.', en: 'This agency has not been notified of the case.' },
  case_material_already_received: { vi: 'Đã ghi nhận tư liệu của cơ quan này.', en: 'The material of this agency has already been received.' },
  case_due_date_not_later: { vi: 'Hạn mới phải sau hạn hiện tại ({dueDate}).', en: 'The new due date must be after the current one ({dueDate}).' },
  case_has_clarification: { vi: 'Hồ sơ đã có tin giải thích, làm rõ.', en: 'The case already has a clarification item.' },
  case_no_clarification: { vi: 'Hồ sơ chưa có tin giải thích, làm rõ.', en: 'The case has no clarification item yet.' },
  case_clarification_not_published: { vi: 'Tin giải thích, làm rõ chưa được công bố.', en: 'The clarification item is not published yet.' },
} satisfies Record<string, Text>;

export type MessageCode = keyof typeof messages;

const VISIBILITY_NAMES: Record<string, Text> = {
  public: { vi: 'công khai', en: 'public' },
  shared: { vi: 'dùng chung', en: 'shared' },
  internal: { vi: 'nội bộ', en: 'internal' },
};

/** Parameters of media_visibility_narrower: each visibility named in each language. */
export function visibilityParams(media: string, item: string): Record<string, string> {
  const n = (v: string) => VISIBILITY_NAMES[v] ?? { vi: v, en: v };
  return { mediaVi: n(media).vi, mediaEn: n(media).en, itemVi: n(item).vi, itemEn: n(item).en };
}

export function t(code: MessageCode, params: Record<string, string | number> = {}): Text {
  const m = messages[code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { vi: fill(m.vi), en: fill(m.en) };
}
