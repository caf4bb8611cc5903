// Menu entries per role: only what the role can actually use.
import {
  IconBuilding,
  IconCalendarStats,
  IconFileText,
  IconFiles,
  IconGavel,
  IconHome,
  IconKey,
  IconPhoto,
  IconPlugConnected,
  IconSearch,
  IconStar,
  IconTable,
  IconTags,
  IconUserCircle,
  IconUsers,
  IconDevices,
  IconChartBar,
  IconWebhook,
  IconMessageReport,
} from '@tabler/icons-react';
import type { MessageKey } from '../i18n';
import type { Role } from '../auth/session';

export interface NavEntry {
  to: string;
  label: MessageKey;
  icon: typeof IconHome;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'appraiser', 'security', 'contributor', 'reader'];

export const NAV: NavEntry[] = [
  { to: '/', label: 'nav.home', icon: IconHome, roles: ALL },
  { to: '/items', label: 'nav.items', icon: IconFiles, roles: ['contributor', 'appraiser', 'admin', 'security'] },
  { to: '/appraisal', label: 'nav.appraisal', icon: IconGavel, roles: ['appraiser', 'admin', 'security'] },
  { to: '/cases', label: 'nav.cases', icon: IconMessageReport, roles: ['contributor', 'appraiser', 'admin', 'security'] },
  { to: '/media', label: 'nav.media', icon: IconPhoto, roles: ['contributor', 'appraiser', 'admin', 'security'] },
  { to: '/search', label: 'nav.search', icon: IconSearch, roles: ALL },
  { to: '/import', label: 'nav.import', icon: IconTable, roles: ['contributor', 'appraiser'] },
  { to: '/freshness', label: 'nav.freshness', icon: IconCalendarStats, roles: ['contributor', 'appraiser', 'admin', 'security'] },
  { to: '/topics', label: 'nav.topics', icon: IconTags, roles: ['appraiser', 'admin'] },
  { to: '/highlights', label: 'nav.highlights', icon: IconStar, roles: ['appraiser', 'admin', 'security'] },
  { to: '/agencies', label: 'nav.agencies', icon: IconBuilding, roles: ['admin', 'appraiser', 'security'] },
  { to: '/users', label: 'nav.users', icon: IconUsers, roles: ['admin', 'appraiser', 'security'] },
  { to: '/users', label: 'nav.agencyUsers', icon: IconUsers, roles: ['contributor', 'reader'] },
  { to: '/sessions', label: 'nav.sessions', icon: IconDevices, roles: ALL },
  { to: '/api-clients', label: 'nav.apiClients', icon: IconPlugConnected, roles: ['admin', 'security'] },
  { to: '/tokens', label: 'nav.tokens', icon: IconKey, roles: ALL },
  { to: '/usage', label: 'nav.usage', icon: IconChartBar, roles: ALL },
  { to: '/webhooks', label: 'nav.webhooks', icon: IconWebhook, roles: ALL },
  { to: '/audit', label: 'nav.audit', icon: IconFileText, roles: ['admin', 'security'] },
  { to: '/profile', label: 'nav.profile', icon: IconUserCircle, roles: ALL },
];

export const navFor = (role: Role) => NAV.filter((e) => e.roles.includes(role));
