// Use cases of the audit log: record (inside the caller's transaction), list, verify the chain.
import { actorAgencyId, actorId, type Actor } from '../../core/actor.js';
import type { Context } from '../../core/context.js';
import { canonicalJson, sha256Hex } from '../../core/crypto.js';
import { Forbidden } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { eventsAfter, insertEvent, lastHash, listEvents, lockChain, type AuditFilter, type AuditRow } from './repo.js';

export type { AuditFilter, AuditRow };

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  outcome?: 'success' | 'failure';
  targetType?: string;
  targetId?: string | null;
  /** Agency the event concerns; defaults to the actor's agency. */
  agencyId?: string | null;
  /** before/after and details; never secrets */
  data?: Record<string, unknown>;
  /** Overrides the actor recorded (e.g. a failed sign-in names the account tried). */
  actor?: { type: string; id: string | null; label: string };
}

interface HashedFields {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  agencyId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
}

/** The hash of one event: sha256(prev_hash + canonical JSON of its fields). Documented in docs/audit.md. */
export function eventHash(prevHash: string, e: HashedFields): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        occurredAt: e.occurredAt.toISOString(),
        actorType: e.actorType,
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        agencyId: e.agencyId,
        action: e.action,
        outcome: e.outcome,
        targetType: e.targetType,
        targetId: e.targetId,
        ip: e.ip,
        requestId: e.requestId,
        data: e.data,
      }),
  );
}

function describeActor(actor: Actor): { type: string; id: string | null; label: string } {
  return { type: actor.kind, id: actorId(actor), label: actor.label };
}

/** Appends an event. Call it inside the transaction of the change it records. */
export async function recordAuditEvent(ctx: Context, input: AuditInput): Promise<void> {
  const who = input.actor ?? describeActor(ctx.actor);
  const fields: HashedFields = {
    occurredAt: ctx.clock.now(),
    actorType: who.type,
    actorId: who.id,
    actorLabel: who.label,
    agencyId: input.agencyId === undefined ? actorAgencyId(ctx.actor) : input.agencyId,
    action: input.action,
    outcome: input.outcome ?? 'success',
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    // What jsonb gives back must hash the same as what we hash now.
    data: JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>,
  };
  await lockChain(ctx.db);
  const prevHash = (await lastHash(ctx.db)) ?? GENESIS_HASH;
  await insertEvent(ctx.db, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
}

export function canReadAudit(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'security'));
}

export async function listAuditEvents(ctx: Context, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  if (!canReadAudit(ctx.actor)) throw new Forbidden();
  return listEvents(ctx.db, filter, limit);
}

export type VerifyResult =
  { ok: true; checked: number; head: string } | { ok: false; checked: number; brokenAt: number; reason: 'hash_mismatch' | 'chain_break' };

/** Walks the whole chain in order and reports the first event whose hash or link is wrong. */
export async function verifyAuditChain(db: Database): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const page = await eventsAfter(db, after, 1000);
    if (page.length === 0) break;
    for (const e of page) {
      if (e.prevHash !== prev) return { ok: false, checked, brokenAt: e.seq, reason: 'chain_break' };
      if (eventHash(prev, e) !== e.hash) return { ok: false, checked, brokenAt: e.seq, reason: 'hash_mismatch' };
      prev = e.hash;
      after = e.seq;
      checked++;
    }
  }
  return { ok: true, checked, head: prev };
}
