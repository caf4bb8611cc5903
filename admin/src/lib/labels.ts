// Option lists for selects, labelled in the UI language.
import type { Agency } from '../api/client';
import { AGENCY_TYPES, ROLE_LIST } from '../api/enums';
import type { Lang, MessageKey, TFunction } from '../i18n';

export { AGENCY_FUNCTIONS, AGENCY_TYPES, CLIENT_SCOPES, ROLE_LIST } from '../api/enums';
export type { AgencyFunction, AgencyType, RoleName, TokenScope as ScopeName } from '../api/enums';

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
