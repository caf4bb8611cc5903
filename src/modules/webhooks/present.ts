// Rows -> API shapes. The secret never leaves except at creation and rotation.
import type { DeliveryRow, SubscriptionRow } from './repo.js';

export function presentSubscription(r: SubscriptionRow) {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    description: r.description,
    active: r.active,
    disabledReason: r.disabledReason,
    owner: r.clientId ? { type: 'client' as const, id: r.clientId } : { type: 'user' as const, id: r.userId! },
    agencyId: r.agencyId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

interface StoredPayload {
  body?: unknown;
  attempts?: Array<{ at: string; status: number | null; error: string | null }>;
}

export function presentDelivery(r: DeliveryRow) {
  const p = (r.payload ?? {}) as StoredPayload;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    changeSeq: r.changeSeq,
    event: r.event,
    status: r.status as 'pending' | 'delivered' | 'failed',
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
    lastAttemptAt: iso(r.lastAttemptAt),
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: iso(r.deliveredAt),
    body: (p.body ?? {}) as Record<string, unknown>,
    attemptLog: p.attempts ?? [],
  };
}
