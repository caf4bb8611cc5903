// How fresh and complete each agency's data is (Art. 6.7, 8.2): last update, versions by state,
// missing translations, incomplete drafts, and a stale flag after STALE_AFTER_DAYS.
import type { Context } from '../../../../core/context.js';
import { Forbidden } from '../../../../core/errors.js';
import * as accounts from '../../../accounts/service.js';
import { notifyUsers } from '../../../notifications/service.js';
import { missingForSubmission, type Kind, type Snapshot } from '../../model.js';
import { readableWorkingAgencies } from '../../policy.js';
import * as repo from '../repo.js';

export interface AgencyFreshness {
  agencyId: string;
  lastUpdateAt: string | null;
  daysSinceUpdate: number | null;
  stale: boolean;
  byState: Record<string, number>;
  online: number;
  missingTranslations: Record<string, number>;
  incompleteDrafts: number;
}

export async function agencyFreshness(ctx: Context, f: { agencyId?: string } = {}): Promise<AgencyFreshness[]> {
  const scope = readableWorkingAgencies(ctx.actor);
  if (!scope) throw new Forbidden();
  const only = scope === 'all' ? f.agencyId : scope;
  const now = ctx.clock.now();
  const agencies = (await accounts.listAgencies({ ...ctx }, {})).filter((a) => !only || a.id === only).filter((a) => a.functions.includes('contribute'));
  const activity = new Map((await repo.activityByAgency(ctx.db, only)).map((r) => [r.agency_id, r]));
  const foreign = ctx.config.contentLanguages.slice(1);
  const missing = await repo.missingTranslationCounts(ctx.db, ctx.config.contentLanguages, only);
  const incomplete = new Map<string, number>();
  for (const s of await repo.openSourceSnapshots(ctx.db, only, 20_000)) {
    const snap = s.snapshot as unknown as Snapshot;
    if (missingForSubmission(s.kind as Kind, snap.text, snap.metadata ?? {}).length) incomplete.set(s.agencyId, (incomplete.get(s.agencyId) ?? 0) + 1);
  }
  return agencies.map((a) => {
    const act = activity.get(a.id);
    const last = act?.last_update ? new Date(act.last_update) : null;
    const days = last ? Math.floor((now.getTime() - last.getTime()) / 86_400_000) : null;
    return {
      agencyId: a.id,
      lastUpdateAt: last?.toISOString() ?? null,
      daysSinceUpdate: days,
      stale: days === null || days > ctx.config.staleAfterDays,
      byState: act
        ? {
            draft: act.draft,
            submitted: act.submitted,
            returned: act.returned,
            approved: act.approved,
            published: act.published,
            unpublished: act.unpublished,
            archived: act.archived,
          }
        : { draft: 0, submitted: 0, returned: 0, approved: 0, published: 0, unpublished: 0, archived: 0 },
      online: act?.online ?? 0,
      missingTranslations: Object.fromEntries(foreign.map((l) => [l, missing.find((m) => m.agency_id === a.id && m.language === l)?.count ?? 0])),
      incompleteDrafts: incomplete.get(a.id) ?? 0,
    };
  });
}

export async function missingTranslations(ctx: Context, agencyId: string, language: string) {
  const scope = readableWorkingAgencies(ctx.actor);
  if (!scope || (scope !== 'all' && scope !== agencyId)) throw new Forbidden();
  return repo.missingTranslationList(ctx.db, agencyId, language, 500);
}

/**
 * Reminds the accounts of stale agencies (R3.3), at most once per STALE_AFTER_DAYS per agency.
 * Run by the job runner as system:scheduler.
 */
export async function remindStaleAgencies(ctx: Context, alreadyReminded: (agencyId: string) => Promise<boolean>): Promise<number> {
  let n = 0;
  for (const a of await agencyFreshness(ctx)) {
    if (!a.stale || (await alreadyReminded(a.agencyId))) continue;
    const users = await accounts.activeUserIdsOfAgency(ctx, a.agencyId);
    const days = a.daysSinceUpdate;
    await notifyUsers(ctx, users, {
      kind: 'freshness.reminder',
      title:
        days === null
          ? { vi: 'Cơ quan chưa cập nhật thông tin nào lên cơ sở dữ liệu', en: 'Your agency has not contributed any information yet' }
          : { vi: `Cơ quan chưa cập nhật thông tin ${days} ngày`, en: `Your agency has not updated its information for ${days} days` },
      link: '/admin/freshness',
      data: { agencyId: a.agencyId, days },
    });
    n++;
  }
  return n;
}
