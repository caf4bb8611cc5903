// The typed API client (openapi-fetch over the generated OpenAPI types). Every request carries the
// UI language; writes carry the session's CSRF token; cookies stay same-origin.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentLang } from '../i18n';

export type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Agency = Schemas['Agency'];
export type Session = Schemas['Session'];
export type SessionState = Schemas['SessionState'];
export type ApiClient = Schemas['ApiClient'];
export type PersonalToken = Schemas['PersonalToken'];
export type AuditEvent = Schemas['AuditEvent'];
export type Problem = Schemas['Problem'];
export type Pending = SessionState['pending'];
/** The JSON content of a generated request body or response. */
export type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** An API refusal: the problem document, in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title);
    this.name = 'ApiError';
  }
  get code() {
    return this.problem.code;
  }
}

/** The fetch itself failed (offline, server down). */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** The session's CSRF token, for requests made outside this client (resumable uploads). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

type Listener = (status: number, problem: Problem) => void;
let onAuthProblem: Listener = () => {};
/** Called for 401 (signed out) and for 403 codes that mean a sign-in step is pending. */
export function setAuthProblemListener(l: Listener) {
  onAuthProblem = l;
}

const PENDING_CODES = new Set(['mfa_required', 'password_change_required', 'mfa_enrolment_required']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The sign-in form's own 401 ("wrong password") is not a lost session.
const QUIET_PATHS = ['/api/v1/auth/sign-in', '/api/v1/auth/session'];

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLang());
    request.headers.set('Accept', 'application/json');
    if (csrfToken && WRITE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ response, request }) {
    if (response.ok) return response;
    const path = new URL(request.url, location.origin).pathname;
    if (QUIET_PATHS.includes(path)) return response;
    if (response.status === 401 || response.status === 403) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as Problem | null;
      if (body && (response.status === 401 || PENDING_CODES.has(body.code))) onAuthProblem(response.status, body);
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(middleware);

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem document. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch (e) {
    if (e instanceof TypeError) throw new NetworkError();
    throw e;
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const p = error as Partial<Problem> | undefined;
    throw new ApiError(response.status, {
      type: p?.type ?? 'about:blank',
      title: p?.title ?? response.statusText,
      status: p?.status ?? response.status,
      code: p?.code ?? 'unknown',
      instance: p?.instance,
      retryAfter: p?.retryAfter ?? (Number(response.headers.get('retry-after')) || undefined),
      errors: p?.errors,
    });
  }
  return data as T;
}
