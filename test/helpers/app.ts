// A real app on a real database, driven through HTTP (app.inject), with a clock tests can move.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { systemActor, type Role } from '../../src/core/actor.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Context } from '../../src/core/context.js';
import * as accounts from '../../src/modules/accounts/service.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { describe as describeDrift, installContractCheck } from './openapi-contract.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock;
  config: Config;
  /** A system actor's context, for fixtures made through the use cases. */
  system: Context;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // Tests fire many requests at once from one address: limits high unless a test sets its own.
  const limits = { RATE_LIMIT_ANONYMOUS: '1000000', RATE_LIMIT_CLIENT: '1000000', RATE_LIMIT_USER: '1000000' };
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/ttdn-test-unused', ...limits, ...env });
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  const app = await buildApp({ config, database: db.handle, clock, logger: false });
  // Every /api/v1 response is checked against the served OpenAPI document (test only).
  const contract = installContractCheck(app);
  await app.ready();
  const system: Context = {
    actor: systemActor('system:test'),
    db: db.handle.db,
    clock,
    log: console,
    locale: 'en',
    requestId: 'test',
    ip: null,
    config,
  };
  const close = async () => {
    await app.close();
    await db.close();
    const drifts = contract.unreported();
    if (drifts.length) throw new Error(drifts.map(describeDrift).join('\n'));
  };
  return { app, db, clock, config, system, close };
}

export const STRONG_PASSWORD = 'Sông Hương chảy qua Huế 2026!';

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(
    readonly t: TestApp,
    readonly ip = '127.0.0.1',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { 'accept-language': 'en', ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    const res = await this.t.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name.endsWith('ttdn_session')) this.cookie = value ? `${name}=${value}` : null;
    }
    if (res.statusCode === 200 && res.headers['content-type']?.toString().startsWith('application/json')) {
      const json = res.json() as { csrfToken?: string };
      if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    }
    return res;
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

/** The TOTP code an authenticator app would show now, on the test's clock. */
export function totpCode(secret: string, clock: ManualClock): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: clock.now().getTime() });
}

let counter = 0;

export interface SignedIn {
  client: Client;
  user: { id: string; agencyId: string; username: string; role: Role };
  mfaSecret: string | null;
}

/** Finds or creates an agency for fixtures (operator agency for appraisers). */
export async function fixtureAgency(t: TestApp, opts: { operator?: boolean; slug?: string } = {}): Promise<string> {
  const slug = opts.slug ?? (opts.operator ? 'so-van-hoa-the-thao' : `agency-${++counter}`);
  const existing = (await accounts.listAgencies(t.system, { includeArchived: true })).find((a) => a.slug === slug);
  if (existing) return existing.id;
  const row = await accounts.createAgency(t.system, {
    slug,
    nameVi: `Cơ quan ${slug}`,
    nameEn: `Agency ${slug}`,
    type: 'department',
    isOperator: opts.operator ?? false,
  });
  return row.id;
}

/**
 * Creates an account through the use case, then signs in over HTTP the way a person would:
 * password, forced change, and TOTP enrolment where the role requires it.
 */
export async function signedIn(t: TestApp, role: Role, opts: { agencyId?: string; ip?: string } = {}): Promise<SignedIn> {
  const agencyId = opts.agencyId ?? (await fixtureAgency(t, { operator: ['admin', 'appraiser', 'security'].includes(role) }));
  const username = `${role}-${++counter}`;
  const { user, password } = await accounts.createUser(t.system, {
    agencyId,
    email: `${username}@example.test`,
    username,
    displayName: `Người dùng ${username}`,
    role,
  });
  const client = new Client(t, opts.ip);
  const first = await client.post('/api/v1/auth/sign-in', { login: username, password });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.body}`);
  const changed = await client.post('/api/v1/auth/password', { currentPassword: password, newPassword: STRONG_PASSWORD });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  let mfaSecret: string | null = null;
  if ((changed.json() as { pending: string | null }).pending === 'mfa_enrolment') {
    const enrol = await client.post('/api/v1/auth/mfa/enrolment');
    mfaSecret = (enrol.json() as { secret: string }).secret;
    const confirm = await client.post('/api/v1/auth/mfa/confirm', { code: totpCode(mfaSecret, t.clock) });
    if (confirm.statusCode !== 200) throw new Error(`mfa confirm failed: ${confirm.body}`);
    t.clock.advance(30_000); // the next code must come from a later time step
  }
  const state = await client.get('/api/v1/auth/session');
  if ((state.json() as { pending: unknown }).pending !== null) throw new Error(`still pending: ${state.body}`);
  return { client, user: { id: user.id, agencyId, username, role }, mfaSecret };
}
