// Shared HTTP schemas: the problem document, pagination, common parameters.
import { Type, type TSchema } from 'typebox';
import { t, type MessageCode } from '../core/i18n.js';

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URI of the problem type: urn:ttdn:problem:<code>' }),
    title: Type.String({ description: 'Short summary, in the language chosen by Accept-Language (vi or en)' }),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'Request id, to quote when reporting a problem' })),
    retryAfter: Type.Optional(Type.Integer({ description: 'Seconds to wait, for 429' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Path of the field, e.g. "email" or "contact/phone"' }),
          code: Type.String(),
          message: Type.String(),
        }),
      ),
    ),
  },
  {
    $id: 'Problem',
    description: 'RFC 9457 problem details, served as application/problem+json',
    examples: [
      {
        type: 'urn:ttdn:problem:invalid',
        title: 'Dữ liệu không hợp lệ.',
        status: 400,
        code: 'invalid',
        instance: '5d0c8a8e-3f4b-4f7e-9a51-2c6e1b7d9f30',
        errors: [{ field: 'email', code: 'field_format', message: 'Sai định dạng.' }],
      },
    ],
  },
);

/** A problem response: application/problem+json (as sendProblem serves it), the Problem schema, with an example of its status. */
export const problem = (description: string, example?: Record<string, unknown>) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref('Problem'), ...(example ? { example } : {}) } },
});

/** An example problem in Vietnamese (the default language), with the message the server really gives for the code. */
const problemExample = (status: number, code: MessageCode, params: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
  type: `urn:ttdn:problem:${code}`,
  title: t(code, params).vi,
  status,
  code,
  instance: '5d0c8a8e-3f4b-4f7e-9a51-2c6e1b7d9f30',
  ...extra,
});

/** Standard error responses for a route. */
export const errors = {
  400: problem(
    'Invalid input; `errors` lists each field',
    problemExample(400, 'invalid', {}, { errors: [{ field: 'email', code: 'field_format', message: t('field_format').vi }] }),
  ),
  401: problem('Not signed in, or the credential is invalid', problemExample(401, 'token_invalid')),
  403: problem('Not allowed, or a sign-in step (password change, second factor) is pending', problemExample(403, 'scope_missing', { scope: 'read:shared' })),
  404: problem('Not found', problemExample(404, 'not_found')),
  409: problem('Conflict with existing data', problemExample(409, 'stale_revision')),
  413: problem('Request body too large', problemExample(413, 'too_large')),
  415: problem('Unsupported content type of the request body', problemExample(415, 'unsupported_media_type')),
  429: problem('Too many requests; see Retry-After', problemExample(429, 'rate_limited', {}, { retryAfter: 30 })),
};

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
export const Ok = Type.Object({ ok: Type.Literal(true) }, { examples: [{ ok: true }] });
/** A schema's first example: the components' examples, reused in the examples of lists of them. */
export const exampleOf = (s: TSchema): unknown => (s as { examples?: unknown[] }).examples?.[0];
export const List = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
