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
export const Role = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'admin | appraiser | security | contributor | reader' },
);
export const Scope = Type.Union(SCOPES.map((s) => Type.Literal(s)));
const AgencyType = Type.Union(AGENCY_TYPES.map((t) => Type.Literal(t)));
const AgencyFunction = Type.Union(AGENCY_FUNCTIONS.map((f) => Type.Literal(f)));
const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en')]);
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });

// ----- examples of the OpenAPI document (Redocly checks them against these schemas) -----
const AGENCY_ID = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const USER_ID = '3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d';
const agencyExample = {
  id: AGENCY_ID,
  slug: 'so-ngoai-vu',
  nameVi: 'Sở Ngoại vụ thành phố Huế',
  nameEn: 'Department of Foreign Affairs of Huế City',
  type: 'department',
  parentId: null,
  contact: { email: 'songoaivu@hue.gov.vn', phone: '0234 3822 000', address: '01 Lê Lai, phường Thuận Hóa, Huế', website: 'https://songoaivu.hue.gov.vn' },
  descriptionVi: 'Cơ quan tham mưu về công tác đối ngoại của thành phố.',
  descriptionEn: "The city's advisory body for foreign affairs.",
  isOperator: false,
  functions: ['contribute', 'exploit'],
  archivedAt: null,
  version: 3,
  createdAt: '2026-01-15T02:00:00.000Z',
  updatedAt: '2026-03-02T03:15:00.000Z',
};
const userExample = {
  id: USER_ID,
  agencyId: AGENCY_ID,
  email: 'nguyen.van.an@hue.gov.vn',
  username: 'nguyenvanan',
  displayName: 'Nguyễn Văn An',
  role: 'contributor',
  locale: 'vi',
  scopes: ['read:public', 'read:shared', 'write:own'],
  mfaEnabled: false,
  mustChangePassword: false,
  locked: false,
  lockedUntil: null,
  failedLogins: 0,
  disabled: false,
  lastLoginAt: '2026-03-02T01:30:00.000Z',
  version: 2,
  createdAt: '2026-01-20T02:00:00.000Z',
};
const sessionExample = {
  id: '7c1e9a2b4d6f8a0c2e4b6d8f0a1c3e5b',
  userId: USER_ID,
  username: 'nguyenvanan',
  ip: '203.113.130.10',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0',
  createdAt: '2026-03-02T01:30:00.000Z',
  lastSeenAt: '2026-03-02T02:10:00.000Z',
  expiresAt: '2026-03-02T13:30:00.000Z',
  idleExpiresAt: '2026-03-02T02:40:00.000Z',
  current: true,
};
const apiClientExample = {
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  clientId: 'ttdn_c_4f2a9c1e7b3d',
  name: 'Cổng thông tin điện tử Sở Du lịch',
  description: 'Đồng bộ tin bài đối ngoại lên cổng du lịch',
  agencyId: AGENCY_ID,
  scopes: ['read:public', 'read:shared'],
  termsVersion: '2026-11',
  termsAcceptedAt: '2026-03-01T08:00:00.000Z',
  termsAcceptedBy: 'nguyenvanan',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: '2026-03-02T01:00:00.000Z',
  createdAt: '2026-03-01T08:00:00.000Z',
};
const personalTokenExample = {
  id: '6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a',
  userId: USER_ID,
  name: 'Báo cáo hằng tháng',
  prefix: 'ttdn_pat_8Kq2',
  scopes: ['read:public'],
  termsVersion: '2026-11',
  termsAcceptedAt: '2026-03-01T09:00:00.000Z',
  expiresAt: '2026-12-31T16:59:59.000Z',
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
};

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
  { $id: 'Agency', description: 'An agency (cơ quan, đơn vị, địa phương). Staff fields only for signed-in users.', examples: [agencyExample] },
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
export const CreateAgencyBody = Type.Object(agencyFields, {
  additionalProperties: false,
  examples: [
    {
      slug: 'so-ngoai-vu',
      nameVi: 'Sở Ngoại vụ thành phố Huế',
      nameEn: 'Department of Foreign Affairs of Huế City',
      type: 'department',
      contact: { email: 'songoaivu@hue.gov.vn', phone: '0234 3822 000' },
      functions: ['contribute', 'exploit'],
    },
  ],
});
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
  {
    additionalProperties: false,
    examples: [{ version: 3, nameEn: 'Department of Foreign Affairs, Huế', contact: { website: 'https://songoaivu.hue.gov.vn' } }],
  },
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
  { $id: 'User', examples: [userExample] },
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
  {
    additionalProperties: false,
    examples: [
      { agencyId: AGENCY_ID, email: 'nguyen.van.an@hue.gov.vn', username: 'nguyenvanan', displayName: 'Nguyễn Văn An', role: 'contributor', locale: 'vi' },
    ],
  },
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
  { additionalProperties: false, examples: [{ version: 2, displayName: 'Nguyễn Văn An (Sở Ngoại vụ)', role: 'appraiser' }] },
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
export const UserWithPassword = Type.Object(
  {
    user: Type.Ref('User'),
    password: Type.String({ description: 'The initial password, shown only in this response' }),
  },
  { examples: [{ user: { ...userExample, mustChangePassword: true, lastLoginAt: null, version: 1 }, password: 'Hương-Giang-7391-Ngự-Bình' }] },
);
export const PasswordResetBody = Type.Object({ password: Type.Optional(Password) }, { additionalProperties: false, examples: [{}] });
export const PasswordOnce = Type.Object(
  { password: Type.String({ description: 'Shown only in this response' }) },
  { examples: [{ password: 'Thiên-Mụ-5820-Vỹ-Dạ' }] },
);
export const UpdateProfileBody = Type.Object(
  { displayName: Type.Optional(str(1, 200)), locale: Type.Optional(Locale) },
  { additionalProperties: false, examples: [{ displayName: 'Nguyễn Văn An', locale: 'en' }] },
);

// ----- sign-in and sessions -----
export const SignInBody = Type.Object(
  { login: str(1, 254, { description: 'E-mail or user name' }), password: Password },
  { additionalProperties: false, examples: [{ login: 'nguyenvanan', password: 'Sông Hương chảy qua Huế 2026!' }] },
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
  { $id: 'Session', examples: [sessionExample] },
);
export const SessionState = Type.Object(
  { user: Type.Ref('User'), pending: Pending, csrfToken: Type.String(), session: Type.Ref('Session') },
  {
    $id: 'SessionState',
    description: 'The signed-in user, what step is pending, and the CSRF token for writes',
    examples: [{ user: userExample, pending: null, csrfToken: 'q3T9vW2xY5zA8bC1dE4fG7hJ0kL3mN6p', session: sessionExample }],
  },
);
export const CodeBody = Type.Object(
  { code: str(6, 32, { description: 'Six-digit TOTP code or a recovery code' }) },
  { additionalProperties: false, examples: [{ code: '492817' }] },
);
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false, examples: [{ currentPassword: 'Hương-Giang-7391-Ngự-Bình', newPassword: 'Sông Hương chảy qua Huế 2026!' }] },
);
export const MfaEnrolment = Type.Object(
  {
    secret: Type.String({ description: 'Base32 secret, for typing into an authenticator app' }),
    otpauthUri: Type.String(),
    qrSvg: Type.String({ description: 'QR code of otpauthUri as an SVG document' }),
  },
  {
    examples: [
      {
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/TTDN%20Hu%E1%BA%BF:nguyenvanan?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TTDN%20Hu%E1%BA%BF&digits=6&period=30',
        qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41">…</svg>',
      },
    ],
  },
);
export const RecoveryCodes = Type.Object(
  { recoveryCodes: Type.Array(Type.String(), { description: 'Shown only once' }) },
  { examples: [{ recoveryCodes: ['k7m2-p9x4', 'r3t8-w6z1', 'b5n1-q8v3', 'h2j6-c4d9', 'f8g3-s1y7', 'e6u4-a2l5', 'x9w7-m3k8', 'p1z5-t6r2'] }] },
);
export const SessionListQuery = Type.Object({ userId: Type.Optional(Uuid), all: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
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
  { $id: 'ApiClient', examples: [apiClientExample] },
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
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Cổng thông tin điện tử Sở Du lịch',
        description: 'Đồng bộ tin bài đối ngoại lên cổng du lịch',
        agencyId: AGENCY_ID,
        scopes: ['read:public', 'read:shared'],
        acceptTerms: true,
      },
    ],
  },
);
export const ApiClientWithSecret = Type.Object(
  {
    client: Type.Ref('ApiClient'),
    clientSecret: Type.String({ description: 'Shown only in this response' }),
  },
  { examples: [{ client: { ...apiClientExample, lastUsedAt: null }, clientSecret: 'ttdn_cs_Vb7Qk2Lx9Rm4Tz8Wn3Hp6Jd1Fs5Gc0Ya' }] },
);
export const TokenRequestBody = Type.Object(
  {
    grant_type: Type.String({ maxLength: 64 }),
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    client_secret: Type.Optional(Type.String({ maxLength: 200 })),
    scope: Type.Optional(Type.String({ maxLength: 200 })),
  },
  {
    additionalProperties: false,
    examples: [
      { grant_type: 'client_credentials', client_id: 'ttdn_c_4f2a9c1e7b3d', client_secret: 'ttdn_cs_Vb7Qk2Lx9Rm4Tz8Wn3Hp6Jd1Fs5Gc0Ya', scope: 'read:public' },
    ],
  },
);
export const TokenResponse = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    scope: Type.String(),
  },
  { examples: [{ access_token: 'ttdn_at_3Jk8Qw2Er5Ty9Ui1Op4As7Df0Gh6Lz', token_type: 'Bearer', expires_in: 3600, scope: 'read:public' }] },
);
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
  { $id: 'PersonalToken', examples: [personalTokenExample] },
);
export const CreatePersonalTokenBody = Type.Object(
  {
    name: str(1, 200),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 4, uniqueItems: true }),
    expiresAt: Type.Optional(Nullable(IsoDateTime)),
    acceptTerms: Type.Boolean(),
  },
  {
    additionalProperties: false,
    examples: [{ name: 'Báo cáo hằng tháng', scopes: ['read:public'], expiresAt: '2026-12-31T16:59:59.000Z', acceptTerms: true }],
  },
);
export const PersonalTokenWithSecret = Type.Object(
  {
    token: Type.Ref('PersonalToken'),
    secret: Type.String({ description: 'Shown only in this response' }),
  },
  { examples: [{ token: personalTokenExample, secret: 'ttdn_pat_8Kq2Xm5Vn9Bc3Lz7Wr1Ty4Pu6Hd0Sa' }] },
);
export const TokenListQuery = Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const sharedSchemas = [Agency, User, Session, SessionState, ApiClient, PersonalToken];
