// Accounts for the journeys that are not about signing in: a demo account's first sign-in in the
// browser (printed password, forced change, TOTP enrolment where the role requires it, recovery
// codes) and the first administrator's session over the API. The flow itself is tested step by
// step in first-sign-in.test.ts. On a server that several journeys share (shared-server.ts) each
// account's first sign-in happens once: its session is kept in the server's data directory and
// later journeys start from it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { demoPasswords, type TestServer } from './server.js';

type Cookie = Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>[number];
interface KeptSessions {
  browser: Record<string, Cookie[]>;
  api: Record<string, { cookie: string; csrf: string }>;
}
const keptFile = (server: Pick<TestServer, 'dataDir'>) => join(server.dataDir, 'e2e-sessions.json');
function keptSessions(server: Pick<TestServer, 'dataDir'>): KeptSessions {
  return existsSync(keptFile(server)) ? (JSON.parse(readFileSync(keptFile(server), 'utf8')) as KeptSessions) : { browser: {}, api: {} };
}
function keepSessions(server: Pick<TestServer, 'dataDir'>, update: (kept: KeptSessions) => void) {
  const kept = keptSessions(server);
  update(kept);
  writeFileSync(keptFile(server), JSON.stringify(kept));
}

/** The current TOTP code for a base32 secret, as an authenticator app would show it. */
export const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

/**
 * Signs a demo account in to the admin app in `page`. The first time on this server: the one-time password the
 * first start wrote, the forced change to `newPassword`, then (with `twoFactor`, for roles that
 * require it) TOTP enrolment with the secret shown on the page and the recovery codes
 * acknowledged. Later (another journey on a shared server): the session that first sign-in made.
 * Returns on the home page ("Xin chào, …").
 */
export async function signInDemoAccount(
  page: Page,
  server: Pick<TestServer, 'adminUrl' | 'dataDir'>,
  username: string,
  newPassword: string,
  { twoFactor }: { twoFactor: boolean },
): Promise<void> {
  const session = keptSessions(server).browser[username];
  if (session) {
    await page.context().addCookies(session);
    await page.goto(server.adminUrl);
    await page.getByRole('heading', { name: /^Xin chào, /, level: 1 }).waitFor();
    return;
  }
  const initial = demoPasswords(server).get(username);
  if (!initial) throw new Error(`no demo password for ${username}`);
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  await page.goto(server.adminUrl);
  await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
  await field('Email hoặc tên đăng nhập').fill(username);
  await field('Mật khẩu').fill(initial);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
  await field('Mật khẩu hiện tại').fill(initial);
  await field('Mật khẩu mới').fill(newPassword);
  await field('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  if (twoFactor) {
    await page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp', level: 1 }).waitFor();
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await field('Mã xác thực').fill(totp(secret));
    await page.getByRole('button', { name: 'Kích hoạt' }).click();
    await page.getByRole('heading', { name: 'Mã khôi phục', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu các mã khôi phục' }).click();
  }
  await page.getByRole('heading', { name: /^Xin chào, /, level: 1 }).waitFor();
  const cookies = await page.context().cookies(server.adminUrl);
  keepSessions(server, (kept) => (kept.browser[username] = cookies));
}

/** A JSON call in an API session: throws on an error status, returns the body. */
export type ApiCall = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/**
 * The first administrator over the API, as a script would: sign-in with the printed password,
 * new password, TOTP enrolment and confirmation (once per server; later calls reuse that session).
 * Returns a call that carries the session cookie and the CSRF token.
 */
export async function adminSession(
  server: Pick<TestServer, 'origin' | 'adminUsername' | 'adminPassword' | 'dataDir'>,
  newPassword = 'Chùa Thiên Mụ bên dòng sông Hương 1601',
): Promise<ApiCall> {
  const kept = keptSessions(server).api[server.adminUsername];
  if (kept) return sessionCall(server.origin, kept);
  const state = { cookie: '', csrf: '' };
  const call = sessionCall(server.origin, state);
  await call('POST', '/api/v1/auth/sign-in', { login: server.adminUsername, password: server.adminPassword });
  await call('POST', '/api/v1/auth/password', { currentPassword: server.adminPassword, newPassword });
  const { secret } = (await call('POST', '/api/v1/auth/mfa/enrolment')) as { secret: string };
  await call('POST', '/api/v1/auth/mfa/confirm', { code: totp(secret) });
  keepSessions(server, (k) => (k.api[server.adminUsername] = state));
  return call;
}

/** A JSON caller that keeps the session cookie and CSRF token the server hands out (in `state`). */
function sessionCall(origin: string, state = { cookie: '', csrf: '' }): ApiCall {
  return async (method, path, body) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(state.cookie ? { cookie: state.cookie } : {}),
        ...(state.csrf ? { 'x-csrf-token': state.csrf } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) state.cookie = set.split(';')[0];
    const json = (await res.json()) as Record<string, unknown>;
    if (typeof json.csrfToken === 'string') state.csrf = json.csrfToken;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** A person's API session with a password (no second factor: a contributor). */
export async function personSession(server: Pick<TestServer, 'origin'>, login: string, password: string): Promise<ApiCall> {
  const call = sessionCall(server.origin);
  await call('POST', '/api/v1/auth/sign-in', { login, password });
  return call;
}
