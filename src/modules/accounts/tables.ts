// Tables of the accounts area: agencies, users, sessions, sign-in throttles, API credentials.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface AgencyContact {
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
}

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    slug: text('slug').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    type: text('type').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    contact: jsonb('contact').$type<AgencyContact>().notNull().default({}),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** The operator of the system (the DIC's role): its staff may hold the appraiser role. */
    isOperator: boolean('is_operator').notNull().default(false),
    /** media storage quota in bytes; null = the configured default (MEDIA_AGENCY_QUOTA_MB) */
    storageQuotaBytes: bigint('storage_quota_bytes', { mode: 'number' }),
    /** Functions the DIC assigns to the agency (Art. 6.6): contribute, exploit, answer_cases. */
    functions: text('functions')
      .array()
      .notNull()
      .default(sql`ARRAY['contribute','exploit','answer_cases']::text[]`),
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('agencies_slug_key').on(t.slug), index('agencies_parent_idx').on(t.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    email: text('email').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    locale: text('locale').notNull().default('vi'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: ts('password_changed_at').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    mfaSecret: text('mfa_secret'),
    mfaPendingSecret: text('mfa_pending_secret'),
    mfaEnabledAt: ts('mfa_enabled_at'),
    mfaLastCounter: bigint('mfa_last_counter', { mode: 'number' }),
    recoveryCodeHashes: text('recovery_code_hashes')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    failedLogins: integer('failed_logins').notNull().default(0),
    lastFailedLoginAt: ts('last_failed_login_at'),
    lockedAt: ts('locked_at'),
    disabledAt: ts('disabled_at'),
    lastLoginAt: ts('last_login_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_agency_idx').on(t.agencyId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    mfaVerified: boolean('mfa_verified').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-in counters per IP address (per-account counters live on the user). */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: ts('first_failure_at').notNull(),
  lastFailureAt: ts('last_failure_at').notNull(),
  blockedUntil: ts('blocked_until'),
});

export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    clientId: text('client_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    scopes: text('scopes').array().notNull(),
    termsVersion: text('terms_version').notNull(),
    termsAcceptedAt: ts('terms_accepted_at').notNull(),
    termsAcceptedBy: text('terms_accepted_by').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('api_clients_client_id_key').on(t.clientId), index('api_clients_agency_idx').on(t.agencyId)],
);

/** Access tokens issued by POST /api/v1/oauth/token (client credentials), stored hashed. */
export const oauthAccessTokens = pgTable(
  'oauth_access_tokens',
  {
    id: text('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id, { onDelete: 'cascade' }),
    scopes: text('scopes').array().notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('oauth_access_tokens_client_idx').on(t.clientId)],
);

export const personalTokens = pgTable(
  'personal_tokens',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    termsVersion: text('terms_version').notNull(),
    termsAcceptedAt: ts('terms_accepted_at').notNull(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('personal_tokens_hash_key').on(t.tokenHash), index('personal_tokens_user_idx').on(t.userId)],
);
