// Environment -> one typed, validated configuration object.
// A wrong value stops the process with one line naming the variable and what is expected.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  /** Calendar days (Asia/Ho_Chi_Minh) a notified agency has to answer a clarification case (Art. 4.5). */
  caseResponseDays: number;
  /** E-mail delivery of notifications; null = in the app only. */
  mail: { smtpUrl: string; from: string } | null;
  media: MediaConfig;
  /** Requests per window on /api/v1, per principal kind; 0 = no limit for that kind. */
  rateLimit: { windowMs: number; anonymous: number; client: number; user: number };
  /** Redis shared by the app processes (rate limits); null = each process keeps its own counters. */
  redis: { url: string; keyPrefix: string } | null;
  /** API usage counters are buffered in memory and written to the database this often. */
  usage: { flushMs: number };
  /** How often the background jobs run (scheduled publishing, reminders, webhook deliveries…). */
  jobs: { intervalMs: number };
  /** Answers of public API reads kept per public generation in each process (http/response-cache.ts); 0 MB = none. */
  apiCache: { maxEntries: number; maxBytes: number };
  /** Rendered portal pages kept per public generation, and searches (a cache of their own). */
  portalCache: { pages: number; searches: number };
  /**
   * Webhook targets on loopback, private or link-local networks are refused unless allowed (SSRF).
   * A subscription is disabled once `disableAfterFailures` deliveries in a row were given up and its
   * receiver has not succeeded for `disableAfterHours` (0 failures = never disable).
   */
  webhooks: { allowPrivateTargets: boolean; disableAfterFailures: number; disableAfterHours: number };
}

export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      /** null = AWS itself; otherwise an S3-compatible endpoint such as http://127.0.0.1:9000 */
      endpoint: string | null;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
      /** key prefix inside the bucket, '' or ending with '/' */
      prefix: string;
    };

export interface MediaConfig {
  storage: MediaStorageConfig;
  /** one-request (multipart) uploads */
  maxUploadBytes: number;
  /** resumable (tus) uploads, e.g. videos */
  maxResumableBytes: number;
  /** decoded size limit of an image (pixel bombs) */
  maxImagePixels: number;
  variantWidths: number[];
  variantFormats: Array<'webp' | 'avif'>;
  /** per agency, unless the agency has its own */
  agencyQuotaBytes: number;
  /** clamd to scan every upload, e.g. tcp://127.0.0.1:3310; null = no scanning */
  clamdUrl: string | null;
  /** ffprobe for video facts; null = not installed (skipped) */
  ffprobePath: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string,
  ) {
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
  const list = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
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

function mediaConfig(env: Env, dataDir: string): MediaConfig {
  const mb = 1024 * 1024;
  const bucket = env.S3_BUCKET?.trim();
  let storage: MediaStorageConfig;
  const kind = env.MEDIA_STORAGE?.trim() || (bucket ? 's3' : 'local');
  if (kind === 'local') {
    storage = { kind: 'local', dir: resolve(env.MEDIA_DIR?.trim() || join(dataDir, 'media')) };
  } else if (kind === 's3') {
    if (!bucket) throw new ConfigError('S3_BUCKET', 'a bucket name when MEDIA_STORAGE=s3', '');
    const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? '';
    const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() ?? '';
    if (!accessKeyId) throw new ConfigError('S3_ACCESS_KEY_ID', 'an access key id', '');
    if (!secretAccessKey) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'a secret access key', '');
    const prefix = env.S3_PREFIX?.trim() ?? '';
    if (prefix && !/^[A-Za-z0-9._\-/]+\/$/.test(prefix)) throw new ConfigError('S3_PREFIX', 'a key prefix ending with "/"', prefix);
    storage = {
      kind: 's3',
      endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
      region: env.S3_REGION?.trim() || 'us-east-1',
      bucket,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', Boolean(env.S3_ENDPOINT)),
      prefix,
    };
  } else throw new ConfigError('MEDIA_STORAGE', 'local or s3', kind);
  const widths = (env.MEDIA_VARIANT_WIDTHS?.trim() || '320,640,1024,2048').split(',').map((w) => Number(w.trim()));
  if (!widths.length || widths.some((w) => !Number.isInteger(w) || w < 16 || w > 8192)) {
    throw new ConfigError('MEDIA_VARIANT_WIDTHS', 'a comma-separated list of widths from 16 to 8192', env.MEDIA_VARIANT_WIDTHS ?? '');
  }
  const formats = (env.MEDIA_VARIANT_FORMATS?.trim() || 'webp,avif').split(',').map((f) => f.trim().toLowerCase());
  if (!formats.length || formats.some((f) => f !== 'webp' && f !== 'avif')) {
    throw new ConfigError('MEDIA_VARIANT_FORMATS', 'webp, avif or both, comma-separated', env.MEDIA_VARIANT_FORMATS ?? '');
  }
  const clamdUrl = url(env, 'CLAMD_URL', ['tcp:', 'unix:']);
  const ffprobe = env.FFPROBE_PATH?.trim();
  return {
    storage,
    maxUploadBytes: int(env, 'MEDIA_MAX_UPLOAD_MB', 100, 1, 4096) * mb,
    maxResumableBytes: int(env, 'MEDIA_MAX_RESUMABLE_MB', 2048, 1, 1024 * 1024) * mb,
    maxImagePixels: int(env, 'MEDIA_MAX_IMAGE_MEGAPIXELS', 100, 1, 1000) * 1_000_000,
    variantWidths: [...new Set(widths)].sort((a, b) => a - b),
    variantFormats: [...new Set(formats)] as Array<'webp' | 'avif'>,
    agencyQuotaBytes: int(env, 'MEDIA_AGENCY_QUOTA_MB', 50 * 1024, 1, 1024 * 1024 * 1024) * mb,
    clamdUrl,
    ffprobePath: ffprobe === 'none' ? null : ffprobe || findOnPath('ffprobe'),
  };
}

function findOnPath(bin: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  }
  return null;
}

function redisConfig(env: Env): Config['redis'] {
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (!redisUrl) return null;
  const keyPrefix = env.REDIS_KEY_PREFIX?.trim() || 'ttdn:';
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(keyPrefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'letters, digits and : . _ - (at most 100)', keyPrefix);
  return { url: redisUrl, keyPrefix };
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
    caseResponseDays: int(env, 'CASE_RESPONSE_DAYS', 7, 1, 365),
    mail: mailConfig(env),
    media: mediaConfig(env, resolve(env.DATA_DIR?.trim() || './data')),
    rateLimit: {
      windowMs: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600) * 1000,
      anonymous: int(env, 'RATE_LIMIT_ANONYMOUS', 120, 0, 1_000_000_000),
      client: int(env, 'RATE_LIMIT_CLIENT', 1200, 0, 1_000_000_000),
      user: int(env, 'RATE_LIMIT_USER', 1200, 0, 1_000_000_000),
    },
    redis: redisConfig(env),
    usage: { flushMs: int(env, 'USAGE_FLUSH_SECONDS', 5, 1, 3600) * 1000 },
    jobs: { intervalMs: int(env, 'JOBS_INTERVAL_SECONDS', 30, 1, 3600) * 1000 },
    portalCache: { pages: int(env, 'PORTAL_CACHE_PAGES', 1000, 1, 1_000_000), searches: int(env, 'PORTAL_CACHE_SEARCHES', 500, 1, 1_000_000) },
    apiCache: { maxEntries: int(env, 'API_CACHE_ENTRIES', 5000, 1, 1_000_000), maxBytes: int(env, 'API_CACHE_MB', 64, 0, 16_384) * 1024 * 1024 },
    webhooks: {
      allowPrivateTargets: bool(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
      disableAfterFailures: int(env, 'WEBHOOK_DISABLE_AFTER_FAILURES', 5, 0, 1000),
      disableAfterHours: int(env, 'WEBHOOK_DISABLE_AFTER_HOURS', 24, 0, 24 * 90),
    },
    jurisdiction: {
      nameVi: env.JURISDICTION_NAME_VI?.trim() || 'Thành phố Huế',
      nameEn: env.JURISDICTION_NAME_EN?.trim() || 'Hue City',
    },
  };
}

/** Where the app is reached from outside: PUBLIC_URL (no trailing slash), else the address it listens on. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
}
