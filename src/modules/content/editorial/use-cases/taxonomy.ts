// The DIC's taxonomy of promotional topics (Circular 22/2016/TT-BTTTT Art. 5), editable, with
// vi/en names and stable slugs.
import type { Context } from '../../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../../core/errors.js';
import { t } from '../../../../core/i18n.js';
import { withTransaction } from '../../../../db/transaction.js';
import { recordAuditEvent } from '../../../audit/service.js';
import { contentPolicy } from '../../policy.js';
import * as repo from '../repo.js';
import { bumpPublicGeneration } from '../../../../db/public-generation.js';

export const DEFAULT_TOPICS: Array<{ slug: string; nameVi: string; nameEn: string }> = [
  { slug: 'tong-quan', nameVi: 'Tổng quan: lịch sử, địa lý, văn hóa, con người', nameEn: 'Overview: history, geography, culture and people' },
  { slug: 'kinh-te-xa-hoi', nameVi: 'Tình hình kinh tế – xã hội', nameEn: 'Socio-economic situation' },
  { slug: 'tiem-nang-dau-tu', nameVi: 'Tiềm năng, cơ hội và dự án đầu tư', nameEn: 'Investment potential, opportunities and projects' },
  { slug: 'du-lich-di-san-le-hoi', nameVi: 'Du lịch, di sản và lễ hội', nameEn: 'Tourism, heritage and festivals' },
  { slug: 'doi-ngoai-hop-tac-quoc-te', nameVi: 'Hoạt động đối ngoại và hợp tác quốc tế', nameEn: 'Foreign affairs and international cooperation' },
  { slug: 'nguoi-viet-nam-o-nuoc-ngoai', nameVi: 'Người Việt Nam ở nước ngoài', nameEn: 'Overseas Vietnamese' },
  { slug: 'giao-duc-khoa-hoc-cong-nghe', nameVi: 'Giáo dục, khoa học và công nghệ', nameEn: 'Education, science and technology' },
  { slug: 'chinh-sach-phap-luat', nameVi: 'Chủ trương, chính sách, pháp luật', nameEn: 'Policies and legislation' },
];

export interface TopicInput {
  slug: string;
  nameVi: string;
  nameEn: string;
  descriptionVi?: string;
  descriptionEn?: string;
  parentId?: string | null;
  position?: number;
}

export async function listTopics(ctx: Context, f: { includeArchived?: boolean } = {}) {
  return repo.listTopics(ctx.db, !!f.includeArchived && contentPolicy.manageTaxonomy(ctx.actor));
}

export async function createTopic(ctx: Context, input: TopicInput) {
  if (!contentPolicy.manageTaxonomy(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    if (await repo.findTopicBySlug(tx.db, input.slug)) throw new Conflict('slug_taken', [{ field: 'slug', code: 'slug_taken', message: t('slug_taken') }]);
    if (input.parentId && !(await repo.findTopic(tx.db, input.parentId))) throw Invalid.field('parentId', 'topic_not_found');
    const now = ctx.clock.now();
    const row = await repo.insertTopic(tx.db, { ...input, parentId: input.parentId ?? null, createdAt: now, updatedAt: now });
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, {
      action: 'topic.create',
      targetType: 'topic',
      targetId: row.id,
      data: { after: { slug: row.slug, nameVi: row.nameVi, nameEn: row.nameEn } },
    });
    return row;
  });
}

export async function updateTopic(ctx: Context, id: string, version: number, patch: Partial<TopicInput> & { archived?: boolean }) {
  if (!contentPolicy.manageTaxonomy(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findTopic(tx.db, id);
    if (!before) throw new NotFound();
    // Slugs are stable: they are in URLs and feeds.
    if (patch.slug && patch.slug !== before.slug) throw Invalid.field('slug', 'field_format');
    if (patch.parentId === id) throw Invalid.field('parentId', 'field_format');
    const { archived, ...rest } = patch;
    const after = await repo.updateTopic(tx.db, id, version, {
      ...rest,
      ...(archived === undefined ? {} : { archivedAt: archived ? ctx.clock.now() : null }),
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw new Conflict('stale_revision');
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, {
      action: 'topic.update',
      targetType: 'topic',
      targetId: id,
      data: {
        before: { nameVi: before.nameVi, nameEn: before.nameEn, archivedAt: before.archivedAt },
        after: { nameVi: after.nameVi, nameEn: after.nameEn, archivedAt: after.archivedAt },
      },
    });
    return after;
  });
}

/** On an empty taxonomy, the default topics. Idempotent. */
export async function ensureDefaultTopics(ctx: Context): Promise<number> {
  const existing = await repo.listTopics(ctx.db, true);
  if (existing.length) return 0;
  let n = 0;
  for (const [i, topic] of DEFAULT_TOPICS.entries()) {
    await createTopic(ctx, { ...topic, position: i });
    n++;
  }
  return n;
}
