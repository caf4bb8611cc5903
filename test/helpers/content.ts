// Fixtures for content tests: a complete item body, and the taxonomy.
import * as content from '../../src/modules/content/service.js';
import type { TestApp } from './app.js';

export async function topicIds(t: TestApp): Promise<Record<string, string>> {
  await content.ensureDefaultTopics(t.system);
  const rows = await content.listTopics(t.system);
  return Object.fromEntries(rows.map((r) => [r.slug, r.id]));
}

export function completeItem(
  topicId: string,
  over: { title?: string; summary?: string; body?: string; visibility?: string; kind?: string; agencyId?: string; tags?: string[] } = {},
) {
  return {
    ...(over.agencyId ? { agencyId: over.agencyId } : {}),
    kind: over.kind ?? 'news',
    text: {
      title: over.title ?? 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
      summary: over.summary ?? 'Festival Huế 2026 mở đầu với chương trình nghệ thuật trên sông Hương.',
      body: over.body ?? '<p>Tối 4/6, tại Ngọ Môn, Festival Huế 2026 chính thức khai mạc với sự tham gia của nghệ sĩ từ nhiều quốc gia.</p>',
    },
    metadata: {
      activityDate: '2026-06-04',
      authors: ['Nguyễn Văn An'],
      topicIds: [topicId],
      tags: over.tags ?? ['festival', 'di sản'],
      place: 'Đại Nội, thành phố Huế',
      source: { type: 'own' as const },
      copyrightHolder: 'Sở Văn hóa và Thể thao',
      licence: 'CC-BY-4.0' as const,
      visibility: (over.visibility ?? 'public') as 'public',
    },
  };
}

export const ALL_CHECKS = { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true };
export const DECLARE = { declaration: { noStateSecrets: true } };
