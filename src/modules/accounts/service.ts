// The accounts area's use cases: routes, the CLI, jobs and other areas call these, nothing else.
export * from './use-cases/sign-in.js';
export * from './use-cases/mfa.js';
export * from './use-cases/passwords.js';
export * from './use-cases/agencies.js';
export * from './use-cases/users.js';
export * from './use-cases/sessions.js';
export * from './use-cases/api-credentials.js';
export { MFA_REQUIRED_ROLES } from './policy.js';
