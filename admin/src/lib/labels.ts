// Option lists for selects, labelled in the UI language.
import type { Agency } from '../api/client';
import type { Lang, MessageKey, TFunction } from '../i18n';

// Districts were abolished in July 2025: still a valid type for older records, listed last.
export const AGENCY_TYPES = ['department', 'commune', 'public_service_unit', 'central_agency', 'press', 'other', 'district'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const AGENCY_FUNCTIONS = ['contribute', 'exploit', 'answer_cases'] as const;
export type AgencyFunction = (typeof AGENCY_FUNCTIONS)[number];
export const ROLE_LIST = ['admin', 'appraiser', 'security', 'contributor', 'reader'] as const;
export type RoleName = (typeof ROLE_LIST)[number];
export const CLIENT_SCOPES = ['read:public', 'read:shared', 'write:own'] as const;
export type ScopeName = 'read:public' | 'read:shared' | 'write:own' | 'admin';

export const agencyName = (a: Pick<Agency, 'nameVi' | 'nameEn'>, lang: Lang) => (lang === 'en' && a.nameEn ? a.nameEn : a.nameVi);

export const agencyTypeOptions = (t: TFunction) => AGENCY_TYPES.map((v) => ({ value: v, label: t(`agencyType.${v}` as MessageKey) }));
export const roleOptions = (t: TFunction) => ROLE_LIST.map((v) => ({ value: v, label: t(`role.${v}` as MessageKey) }));
export const scopeLabel = (t: TFunction, s: string) => t(`scope.${s}` as MessageKey);
/** What a scope lets a token or client do, in one line. */
export const scopeHelp = (t: TFunction, s: string) => t(`scope.help.${s}` as MessageKey);
export const agencyTypeLabel = (t: TFunction, s: string) => t(`agencyType.${s}` as MessageKey);
export const languageOptions = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
];
