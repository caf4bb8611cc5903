// The OpenAPI document is the contract, and every test keeps it true: each /api/v1 response a test
// app produces is checked against the served document — its status must be documented for the
// route's operation, and a JSON body (problem+json too) must have a documented content type and
// validate against that response's schema (Ajv, JSON Schema 2020-12). A drift fails the request
// that showed it (the app.inject call throws, naming the route, status and Ajv errors); drifts seen
// outside app.inject (a listening server) fail the test app's close().
//
// Test only: installed by createTestApp. Validators are compiled lazily and cached per process.
// OPENAPI_CONTRACT=report only collects: every drift is appended as a JSON line to
// OPENAPI_CONTRACT_LOG (default dist/openapi-drift.jsonl) and nothing fails — for surveying.
// In the default, strict mode OPENAPI_CONTRACT_LOG, when set, also receives each drift.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expect } from 'vitest';

interface MediaObject {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
}

/** One drift between behaviour and document. */
export interface Drift {
  method: string;
  path: string;
  status: number;
  problem: string;
  requestId: string;
  url: string;
}

const REPORT_ONLY = process.env.OPENAPI_CONTRACT === 'report';
// Where drifts are also written as JSON lines: always in report mode, and in strict mode when set.
const LOG = process.env.OPENAPI_CONTRACT_LOG ?? (REPORT_ONLY ? 'dist/openapi-drift.jsonl' : null);

/** Ajv over one document (documents differ only by configuration, e.g. the server URL). */
class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction | null>();
  constructor(readonly doc: OpenApiDoc) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(doc as object, 'openapi');
  }

  validator(path: string, method: string, status: string, media: string): ValidateFunction | null {
    const key = `${method} ${path} ${status} ${media}`;
    let v = this.validators.get(key);
    if (v === undefined) {
      const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
      v = this.doc.paths[path]?.[method]?.responses?.[status]?.content?.[media]?.schema
        ? (this.ajv.getSchema(`openapi#/paths/${esc(path)}/${method}/responses/${status}/content/${esc(media)}/schema`) ?? null)
        : null;
      this.validators.set(key, v);
    }
    return v;
  }

  errorsText(v: ValidateFunction): string {
    return this.ajv.errorsText(v.errors, { separator: '; ' });
  }
}

const contracts = new Map<string, Contract>();

function contractFor(app: FastifyInstance): Contract {
  // The served document is app.swagger() as JSON: validate against exactly that.
  const json = JSON.stringify(app.swagger());
  let c = contracts.get(json);
  if (!c) {
    c = new Contract(JSON.parse(json) as OpenApiDoc);
    contracts.set(json, c);
  }
  return c;
}

/** Fastify's /a/:id(^\d+) → the document's /a/{id}. */
export function documentedPath(routeUrl: string): string {
  return routeUrl.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
}

const isJson = (media: string) => media === 'application/json' || /\+json$/.test(media);

/** The problem with this response, or null when it matches its documented response. */
export function checkResponse(
  contract: Contract,
  method: string,
  path: string,
  status: number,
  contentType: string | undefined,
  payload: unknown,
): string | null {
  const op = contract.doc.paths[path]?.[method];
  if (!op) return 'operation not in the document';
  const responses = op.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (!key) return `status ${status} not documented (documented: ${Object.keys(responses).join(', ')})`;
  const media = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  if (!isJson(media) || method === 'head' || status === 204 || status === 304) return null; // files, HTML, text: status only
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (body === null) return null; // a stream: not inspected
  const content = responses[key].content;
  if (!content || !(media in content))
    return `content type ${media} not documented for ${status} (documented: ${Object.keys(content ?? {}).join(', ') || 'no body'})`;
  const v = contract.validator(path, method, key, media);
  if (!v) return null; // documented without a schema
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return `body is not JSON although ${media}`;
  }
  return v(data) ? null : `body does not match the schema: ${contract.errorsText(v)}`;
}

/**
 * Checks every /api/v1 response of this (test) app against its OpenAPI document. Call before
 * ready(). Returns the drifts seen so far that no app.inject call has reported.
 */
export function installContractCheck(app: FastifyInstance): { unreported(): Drift[] } {
  const pending = new Map<string, Drift>();
  let contract: Contract | null = null;
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const routeUrl = req.routeOptions.url;
    // Unknown URLs (the not-found handler) and hidden routes (openapi.json, tus) are no operations.
    if (!routeUrl || !routeUrl.startsWith('/api/v1/') || (req.routeOptions.schema as { hide?: boolean } | undefined)?.hide) return payload;
    contract ??= contractFor(app);
    const method = req.method.toLowerCase();
    const path = documentedPath(routeUrl);
    const problem = checkResponse(contract, method, path, reply.statusCode, reply.getHeader('content-type') as string | undefined, payload);
    if (problem) {
      const drift: Drift = { method: req.method, path, status: reply.statusCode, problem, requestId: req.id, url: req.url };
      if (LOG) {
        mkdirSync(dirname(LOG), { recursive: true });
        appendFileSync(LOG, `${JSON.stringify({ ...drift, test: testName() })}\n`);
      }
      if (!REPORT_ONLY) pending.set(req.id, drift);
    }
    return payload;
  });

  // app.inject (promise form) throws when its own response drifted: the test that made it fails there.
  const inject = app.inject.bind(app) as (...args: unknown[]) => unknown;
  (app as unknown as { inject: unknown }).inject = (...args: unknown[]) => {
    const result = inject(...args) as { then?: unknown };
    // The promise form only (light-my-request's answer is a thenable); chains and callbacks are left alone.
    if (args.length !== 1 || (typeof args[0] !== 'object' && typeof args[0] !== 'string') || typeof result?.then !== 'function') return result;
    return (result as Promise<{ headers: Record<string, unknown> }>).then((res) => {
      const id = res.headers['x-request-id'];
      const drift = typeof id === 'string' ? pending.get(id) : undefined;
      if (drift) {
        pending.delete(id as string);
        throw new Error(describe(drift));
      }
      return res;
    });
  };
  return { unreported: () => [...pending.values()] };
}

export function describe(d: Drift): string {
  return `OpenAPI drift: ${d.method} ${d.path} → ${d.status}: ${d.problem} (request ${d.url})`;
}

/** The running test's name, for the survey log. */
function testName(): string | undefined {
  try {
    const s = expect.getState();
    return `${s.testPath?.replace(/.*\/(src|test)\//, '$1/')} › ${s.currentTestName}`;
  } catch {
    return undefined;
  }
}
