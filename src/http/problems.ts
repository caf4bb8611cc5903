// Maps errors to application/problem+json (RFC 9457), once, by class. Messages in the request's
// language (Accept-Language: vi or en). No stack trace or SQL ever reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimited, type FieldError } from '../core/errors.js';
import { pickLocale, t, type Locale, type MessageCode, type Text } from '../core/i18n.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const KEYWORD_CODES: Record<string, MessageCode> = {
  type: 'field_type',
  maxLength: 'field_too_long',
  minLength: 'field_too_short',
  format: 'field_format',
  pattern: 'field_format',
  const: 'field_enum',
  anyOf: 'field_enum',
  enum: 'field_enum',
  minimum: 'field_range',
  maximum: 'field_range',
  exclusiveMinimum: 'field_range',
  exclusiveMaximum: 'field_range',
  maxItems: 'field_too_many',
  minItems: 'field_too_short',
  uniqueItems: 'field_format',
};

export function fieldErrorsFromSchema(errors: SchemaError[], context: string | undefined): FieldError[] {
  const prefix = context && context !== 'body' ? `${context}/` : '';
  const out = new Map<string, FieldError>();
  const add = (path: string, code: MessageCode, params: Record<string, string | number> = {}) => {
    const field = prefix + path.replace(/^\//, '');
    if (!out.has(field)) out.set(field, { field: field || '(body)', code, message: t(code, params) });
  };
  for (const e of errors) {
    if (e.keyword === 'required') {
      for (const p of (e.params.requiredProperties as string[] | undefined) ?? [String(e.params.missingProperty ?? '')]) {
        add(`${e.instancePath}/${p}`, 'field_required');
      }
    } else if (e.keyword === 'additionalProperties') {
      for (const p of (e.params.additionalProperties as string[] | undefined) ?? [String(e.params.additionalProperty ?? '')]) {
        add(`${e.instancePath}/${p}`, 'field_unknown');
      }
    } else if (e.keyword === 'boolean') {
      continue; // "schema is false": the additionalProperties error above names the field
    } else {
      const code = KEYWORD_CODES[e.keyword] ?? 'invalid';
      const limit = e.params.limit as number | undefined;
      add(e.instancePath, code, { max: limit ?? '', min: limit ?? '' });
    }
  }
  return [...out.values()];
}

function pick(text: Text, locale: Locale) {
  return text[locale];
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  text: Text,
  fields: FieldError[] = [],
  extra: Record<string, unknown> = {},
) {
  const locale = pickLocale(req.headers['accept-language']);
  const body: Record<string, unknown> = {
    type: `urn:ttdn:problem:${code}`,
    title: pick(text, locale),
    status,
    code,
    instance: req.id,
    ...extra,
  };
  if (fields.length) body.errors = fields.map((f) => ({ field: f.field, code: f.code, message: pick(f.message, locale) }));
  return reply.code(status).header('content-type', 'application/problem+json; charset=utf-8').header('content-language', locale).send(JSON.stringify(body));
}

const FASTIFY_CODES: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'unsupported_media_type' },
};

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, req, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
      const extra = error instanceof RateLimited ? { retryAfter: error.retryAfterSeconds } : {};
      if (error.status >= 400 && error.status !== 404) req.log.info({ code: error.code }, 'request refused');
      return sendProblem(req, reply, error.status, error.code, error.text, error.fields, extra);
    }
    if (error.validation) {
      const fields = fieldErrorsFromSchema(error.validation as unknown as SchemaError[], error.validationContext);
      return sendProblem(req, reply, 400, 'invalid', t('invalid'), fields);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(req, reply, known.status, known.code, t(known.code));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(req, reply, error.statusCode, 'invalid', t('invalid'));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 500, 'internal', t('internal'));
  });
}
