// Environment -> one typed, validated configuration object.
// A wrong value stops the process with one line naming the variable and what is expected.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string | null;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  seedDemo: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxAccountFailures: number; maxIpFailures: number; lockMinutes: number; slowAfterFailures: number };
  jurisdiction: { nameVi: string; nameEn: string };
  /** Languages content may be written in; the first is the default source language. */
  contentLanguages: string[];
  /** Days without an update after which an agency is flagged as stale. */
  staleAfterDays: number;
  /** E-mail delivery of notifications; null = in the app only. */
  mail: { smtpUrl: string; from: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, expected: string, got: string) {
    super(`${variable}: expected ${expected}, got "${got}"`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
  return raw.replace(/\/+$/, '');
}

function languages(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const list = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!list.length || list.some((l) => !/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(l)) || new Set(list).size !== list.length) {
    throw new ConfigError(name, 'a comma-separated list of distinct language codes such as vi,en,fr', raw);
  }
  return list;
}

function mailConfig(env: Env): Config['mail'] {
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  if (!smtpUrl) return null;
  const from = env.MAIL_FROM?.trim() || 'TTDN <no-reply@localhost>';
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) throw new ConfigError('MAIL_FROM', 'an address such as "TTDN <ttdn@hue.gov.vn>"', from);
  return { smtpUrl, from };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError('HOST', 'a host name or IP address (e.g. 127.0.0.1, ::)', host);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', LOG_LEVELS.join(' | '), logLevel);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    logLevel,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    seedDemo: bool(env, 'SEED_DEMO', true),
    session: {
      idleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    },
    login: {
      slowAfterFailures: int(env, 'LOGIN_SLOW_AFTER_FAILURES', 3, 1, 100),
      maxAccountFailures: int(env, 'LOGIN_MAX_ACCOUNT_FAILURES', 10, 1, 1000),
      maxIpFailures: int(env, 'LOGIN_MAX_IP_FAILURES', 50, 1, 100000),
      lockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 30, 1, 7 * 24 * 60),
    },
    contentLanguages: languages(env, 'CONTENT_LANGUAGES', ['vi', 'en', 'fr', 'zh', 'ja', 'ko', 'ru', 'de']),
    staleAfterDays: int(env, 'STALE_AFTER_DAYS', 30, 1, 3650),
    mail: mailConfig(env),
    jurisdiction: {
      nameVi: env.JURISDICTION_NAME_VI?.trim() || 'Thành phố Huế',
      nameEn: env.JURISDICTION_NAME_EN?.trim() || 'Hue City',
    },
  };
}
