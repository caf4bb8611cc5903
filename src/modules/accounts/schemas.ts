// Request and response schemas of the accounts area; they validate, serialise and are the OpenAPI document.
import { Type } from 'typebox';
import { ROLES, SCOPES } from '../../core/actor.js';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';
import { AGENCY_FUNCTIONS, AGENCY_TYPES } from './use-cases/agencies.js';

const str = (min: number, max: number, extra: Record<string, unknown> = {}) => Type.String({ minLength: min, maxLength: max, ...extra });
const Email = Type.String({ format: 'email', maxLength: 254, description: 'E-mail address' });
const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Letters, digits, dot, dash, underscore' });
const Slug = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Stable code in the URL, e.g. so-du-lich' });
export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'admin | appraiser | security | contributor | reader' });
export const Scope = Type.Union(SCOPES.map((s) => Type.Literal(s)));
const AgencyType = Type.Union(AGENCY_TYPES.map((t) => Type.Literal(t)));
const AgencyFunction = Type.Union(AGENCY_FUNCTIONS.map((f) => Type.Literal(f)));
const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en')]);
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });

export const Contact = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 64 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    website: Type.Optional(Type.String({ maxLength: 500, pattern: '^(https?://\\S+)?$', description: 'http(s) address, or empty' })),
  },
  { additionalProperties: false },
);

// ----- agencies -----
export const Agency = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    nameVi: Type.String(),
    nameEn: Type.String(),
    type: AgencyType,
    parentId: Nullable(Uuid),
    contact: Contact,
    descriptionVi: Type.String(),
    descriptionEn: Type.String(),
    isOperator: Type.Optional(Type.Boolean()),
    functions: Type.Optional(Type.Array(AgencyFunction)),
    archivedAt: Type.Optional(Nullable(IsoDateTime)),
    version: Type.Optional(Type.Integer()),
    createdAt: Type.Optional(IsoDateTime),
    updatedAt: Type.Optional(IsoDateTime),
  },
  { $id: 'Agency', description: 'An agency (cơ quan, đơn vị, địa phương). Staff fields only for signed-in users.' },
);

const agencyFields = {
  slug: Slug,
  nameVi: str(2, 300),
  nameEn: str(2, 300),
  type: AgencyType,
  parentId: Type.Optional(Nullable(Uuid)),
  contact: Type.Optional(Contact),
  descriptionVi: Type.Optional(Type.String({ maxLength: 5000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 5000 })),
  isOperator: Type.Optional(Type.Boolean()),
  functions: Type.Optional(Type.Array(AgencyFunction, { maxItems: 3, uniqueItems: true })),
};
export const CreateAgencyBody = Type.Object(agencyFields, { additionalProperties: false });
export const UpdateAgencyBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version this edit is based on; a stale one is a 409' }),
    slug: Type.Optional(Slug),
    nameVi: Type.Optional(str(2, 300)),
    nameEn: Type.Optional(str(2, 300)),
    type: Type.Optional(AgencyType),
    parentId: agencyFields.parentId,
    contact: agencyFields.contact,
    descriptionVi: agencyFields.descriptionVi,
    descriptionEn: agencyFields.descriptionEn,
    isOperator: agencyFields.isOperator,
    functions: agencyFields.functions,
  },
  { additionalProperties: false },
);
export const AgencyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    type: Type.Optional(AgencyType),
    parentId: Type.Optional(Uuid),
    includeArchived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

// ----- users -----
export const User = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    email: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: Role,
    locale: Type.Union([Type.Literal('vi'), Type.Literal('en')]),
    scopes: Type.Array(Scope, { description: 'The scopes this role can hold (what a personal token may be granted)' }),
    mfaEnabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    locked: Type.Boolean(),
    lockedUntil: Nullable(IsoDateTime),
    failedLogins: Type.Integer(),
    disabled: Type.Boolean(),
    lastLoginAt: Nullable(IsoDateTime),
    version: Type.Integer(),
    createdAt: IsoDateTime,
  },
  { $id: 'User' },
);

export const CreateUserBody = Type.Object(
  {
    agencyId: Uuid,
    email: Email,
    username: Username,
    displayName: str(1, 200),
    role: Role,
    locale: Type.Optional(Locale),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export const UpdateUserBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    agencyId: Type.Optional(Uuid),
    email: Type.Optional(Email),
    username: Type.Optional(Username),
    displayName: Type.Optional(str(1, 200)),
    role: Type.Optional(Role),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export const UserListQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    role: Type.Optional(Role),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    locked: Type.Optional(Type.Boolean()),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const UserWithPassword = Type.Object({
  user: Type.Ref('User'),
  password: Type.String({ description: 'The initial password, shown only in this response' }),
});
export const PasswordResetBody = Type.Object({ password: Type.Optional(Password) }, { additionalProperties: false });
export const PasswordOnce = Type.Object({ password: Type.String({ description: 'Shown only in this response' }) });
export const UpdateProfileBody = Type.Object(
  { displayName: Type.Optional(str(1, 200)), locale: Type.Optional(Locale) },
  { additionalProperties: false },
);

// ----- sign-in and sessions -----
export const SignInBody = Type.Object(
  { login: str(1, 254, { description: 'E-mail or user name' }), password: Password },
  { additionalProperties: false },
);
export const Pending = Nullable(
  Type.Union([Type.Literal('mfa'), Type.Literal('password_change'), Type.Literal('mfa_enrolment')], {
    description: 'The sign-in step still to do before the account can be used',
  }),
);
export const Session = Type.Object(
  {
    id: Type.String({ description: 'Public id of the session (not the cookie)' }),
    userId: Uuid,
    username: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
    createdAt: IsoDateTime,
    lastSeenAt: IsoDateTime,
    expiresAt: IsoDateTime,
    idleExpiresAt: IsoDateTime,
    current: Type.Boolean(),
  },
  { $id: 'Session' },
);
export const SessionState = Type.Object(
  { user: Type.Ref('User'), pending: Pending, csrfToken: Type.String(), session: Type.Ref('Session') },
  { $id: 'SessionState', description: 'The signed-in user, what step is pending, and the CSRF token for writes' },
);
export const CodeBody = Type.Object({ code: str(6, 32, { description: 'Six-digit TOTP code or a recovery code' }) }, { additionalProperties: false });
export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const MfaEnrolment = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for typing into an authenticator app' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'QR code of otpauthUri as an SVG document' }),
});
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String(), { description: 'Shown only once' }) });
export const SessionListQuery = Type.Object(
  { userId: Type.Optional(Uuid), all: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const SessionIdParams = Type.Object({ id: Type.String({ minLength: 16, maxLength: 64, pattern: '^[0-9a-f]+$' }) }, { additionalProperties: false });

// ----- API credentials -----
export const ApiClient = Type.Object(
  {
    id: Uuid,
    clientId: Type.String(),
    name: Type.String(),
    description: Type.String(),
    agencyId: Uuid,
    scopes: Type.Array(Type.String()),
    termsVersion: Type.String(),
    termsAcceptedAt: IsoDateTime,
    termsAcceptedBy: Type.String(),
    expiresAt: Nullable(IsoDateTime),
    revokedAt: Nullable(IsoDateTime),
    lastUsedAt: Nullable(IsoDateTime),
    createdAt: IsoDateTime,
  },
  { $id: 'ApiClient' },
);
export const CreateApiClientBody = Type.Object(
  {
    name: str(2, 200),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    agencyId: Uuid,
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 4, uniqueItems: true }),
    acceptTerms: Type.Boolean({ description: 'Must be true: the client accepts the terms of use (no commercial use of shared data)' }),
    expiresAt: Type.Optional(Nullable(IsoDateTime)),
  },
  { additionalProperties: false },
);
export const ApiClientWithSecret = Type.Object({
  client: Type.Ref('ApiClient'),
  clientSecret: Type.String({ description: 'Shown only in this response' }),
});
export const TokenRequestBody = Type.Object(
  {
    grant_type: Type.String({ maxLength: 64 }),
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    client_secret: Type.Optional(Type.String({ maxLength: 200 })),
    scope: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
});
export const PersonalToken = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.String()),
    termsVersion: Type.String(),
    termsAcceptedAt: IsoDateTime,
    expiresAt: Nullable(IsoDateTime),
    revokedAt: Nullable(IsoDateTime),
    lastUsedAt: Nullable(IsoDateTime),
    createdAt: IsoDateTime,
  },
  { $id: 'PersonalToken' },
);
export const CreatePersonalTokenBody = Type.Object(
  {
    name: str(1, 200),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 4, uniqueItems: true }),
    expiresAt: Type.Optional(Nullable(IsoDateTime)),
    acceptTerms: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const PersonalTokenWithSecret = Type.Object({
  token: Type.Ref('PersonalToken'),
  secret: Type.String({ description: 'Shown only in this response' }),
});
export const TokenListQuery = Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const sharedSchemas = [Agency, User, Session, SessionState, ApiClient, PersonalToken];
