// The portal's own words (menus, labels, messages) in Vietnamese and English. Pages in other
// content languages (fr, ja, …) show the content in that language and these words in English,
// marked with lang="en" so screen readers pronounce each part right.
import type { Locale } from '../core/i18n.js';

const vi = {
  siteName: 'Thông tin đối ngoại {place}',
  tagline: 'Cơ sở dữ liệu thông tin đối ngoại chính thức: tin tức, hình ảnh, video, văn bản và hồ sơ về {place}, được thẩm định trước khi công bố.',
  skip: 'Bỏ qua, đến nội dung chính',
  home: 'Trang chủ',
  topics: 'Chủ đề',
  search: 'Tìm kiếm',
  searchLabel: 'Tìm trong cơ sở dữ liệu',
  searchPlaceholder: 'Ví dụ: Festival Huế, đầu tư, di sản',
  searchButton: 'Tìm',
  latest: 'Mới công bố',
  albumsAndVideos: 'Ảnh và video',
  more: 'Xem tất cả',
  published: 'Công bố',
  activityDate: 'Ngày diễn ra',
  authors: 'Tác giả',
  agency: 'Cơ quan',
  place: 'Địa điểm',
  source: 'Nguồn',
  sourceOwn: 'Tin của cơ quan',
  licence: 'Giấy phép',
  tags: 'Từ khóa',
  contentHash: 'Mã băm SHA-256 để kiểm chứng nội dung',
  alsoIn: 'Đọc bằng ngôn ngữ khác',
  related: 'Bài liên quan',
  share: 'Chia sẻ',
  shareEmail: 'Gửi thư điện tử',
  photos: 'Ảnh',
  video: 'Video',
  documentFile: 'Tệp văn bản',
  download: 'Tải về',
  documentNumber: 'Số, ký hiệu',
  issuingBody: 'Cơ quan ban hành',
  issueDate: 'Ngày ban hành',
  effectiveDate: 'Ngày hiệu lực',
  signer: 'Người ký',
  documentType: 'Loại văn bản',
  results: '{n} kết quả cho “{q}”',
  resultsAll: '{n} bài',
  noResults: 'Không tìm thấy kết quả phù hợp.',
  didYouMean: 'Có phải bạn muốn tìm:',
  filterKind: 'Loại',
  filterTopic: 'Chủ đề',
  filterAgency: 'Cơ quan',
  filterLanguage: 'Ngôn ngữ',
  filterYear: 'Năm',
  clearFilters: 'Bỏ lọc',
  page: 'Trang {n}',
  prev: 'Trang trước',
  next: 'Trang sau',
  pagination: 'Phân trang',
  breadcrumb: 'Vị trí',
  languages: 'Ngôn ngữ',
  notFoundTitle: 'Không tìm thấy trang',
  notFoundBody: 'Trang bạn tìm không có hoặc chưa được công bố.',
  goneTitle: 'Nội dung đã được gỡ',
  goneBody: 'Nội dung này đã từng được công bố và nay đã được gỡ xuống.',
  errorTitle: 'Đã xảy ra lỗi',
  errorBody: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.',
  backHome: 'Về trang chủ',
  footerOperator: 'Đơn vị vận hành: {operator}. Thông tin được các cơ quan cung cấp và thẩm định theo Quyết định 69/2021/QĐ-UBND.',
  footerApi: 'API mở cho nhà phát triển',
  footerAdmin: 'Đăng nhập cho cơ quan, đơn vị',
  empty: 'Chưa có nội dung.',
} as const;

export type PortalWords = { [K in keyof typeof vi]: string };

const en: PortalWords = {
  siteName: '{place} foreign information',
  tagline: 'The official foreign-information database: news, photos, videos, documents and profiles of {place}, appraised before publication.',
  skip: 'Skip to main content',
  home: 'Home',
  topics: 'Topics',
  search: 'Search',
  searchLabel: 'Search the database',
  searchPlaceholder: 'e.g. Hue Festival, investment, heritage',
  searchButton: 'Search',
  latest: 'Latest',
  albumsAndVideos: 'Photos and videos',
  more: 'See all',
  published: 'Published',
  activityDate: 'Date of the event',
  authors: 'Authors',
  agency: 'Agency',
  place: 'Place',
  source: 'Source',
  sourceOwn: 'The agency’s own',
  licence: 'Licence',
  tags: 'Tags',
  contentHash: 'SHA-256 hash to verify the content',
  alsoIn: 'Read in another language',
  related: 'Related',
  share: 'Share',
  shareEmail: 'E-mail',
  photos: 'Photos',
  video: 'Video',
  documentFile: 'Document file',
  download: 'Download',
  documentNumber: 'Number',
  issuingBody: 'Issued by',
  issueDate: 'Issued on',
  effectiveDate: 'In force from',
  signer: 'Signed by',
  documentType: 'Type',
  results: '{n} results for “{q}”',
  resultsAll: '{n} items',
  noResults: 'Nothing matches your search.',
  didYouMean: 'Did you mean:',
  filterKind: 'Kind',
  filterTopic: 'Topic',
  filterAgency: 'Agency',
  filterLanguage: 'Language',
  filterYear: 'Year',
  clearFilters: 'Clear filters',
  page: 'Page {n}',
  prev: 'Previous page',
  next: 'Next page',
  pagination: 'Pagination',
  breadcrumb: 'Breadcrumb',
  languages: 'Languages',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you are looking for does not exist or has not been published.',
  goneTitle: 'This content has been withdrawn',
  goneBody: 'This content was published and has since been taken down.',
  errorTitle: 'Something went wrong',
  errorBody: 'The system has a problem. Please try again later.',
  backHome: 'Back to the home page',
  footerOperator: 'Operated by {operator}. Information provided by the agencies and appraised under Decision 69/2021/QĐ-UBND.',
  footerApi: 'Open API for developers',
  footerAdmin: 'Sign-in for agencies',
  empty: 'Nothing here yet.',
};

export const KIND_NAMES: Record<Locale, Record<string, string>> = {
  vi: { news: 'Tin tức', photo_album: 'Ảnh', video: 'Video, phóng sự', document: 'Văn bản', publication: 'Ấn phẩm', profile_page: 'Giới thiệu', clarification: 'Thông tin làm rõ' },
  en: { news: 'News', photo_album: 'Photos', video: 'Videos', document: 'Documents', publication: 'Publications', profile_page: 'Profile', clarification: 'Clarifications' },
};

export const LICENCE_NAMES: Record<string, string> = {
  'CC-BY-4.0': 'CC BY 4.0',
  'CC-BY-SA-4.0': 'CC BY-SA 4.0',
  'CC-BY-NC-4.0': 'CC BY-NC 4.0',
  'CC0-1.0': 'CC0 1.0',
  'all-rights-reserved': '©',
};

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<string, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  fr: 'Français',
  zh: '中文',
  ja: '日本語',
  ko: '한국어',
  ru: 'Русский',
  de: 'Deutsch',
};

export interface Words {
  /** the language of the portal's own words on this page */
  lang: Locale;
  w: PortalWords;
  kinds: Record<string, string>;
  t(key: keyof PortalWords, params?: Record<string, string | number>): string;
}

export function wordsFor(contentLanguage: string): Words {
  const lang: Locale = contentLanguage === 'vi' ? 'vi' : 'en';
  const w = lang === 'vi' ? vi : en;
  return {
    lang,
    w,
    kinds: KIND_NAMES[lang],
    t: (key, params = {}) => w[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)),
  };
}
