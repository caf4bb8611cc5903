// What an item's page, print view and saved copy show: the published form in the page's language
// (404 with the languages it exists in, 410 once withdrawn), its topics, files, agency and trail.
import * as content from '../../../modules/content/service.js';
import type { Crumb } from '../../components.js';
import { mediaViews, type AgencyLink, type MediaView, type TopicLink } from '../../data.js';
import { found, gone, notFound, type PageOutcome } from '../../page.js';
import { absolute, homeCrumb, type Site } from '../../site.js';
import { paths } from '../../urls.js';

export interface ItemData {
  itemId: string;
  form: content.PublishedForm;
  topics: TopicLink[];
  files: MediaView[];
  agency: AgencyLink | null;
  trail: Crumb[];
  /** the page's absolute address */
  url: string;
}

export async function loadItem(site: Site, itemId: string): Promise<PageOutcome<ItemData>> {
  const { ctx, language } = site;
  const published = await content.publishedPage(ctx, itemId, language);
  if (published.status === 'missing') return notFound((published.languages ?? []).map((l) => ({ language: l, href: paths.item(l, itemId) })));
  if (published.status !== 'ok') return gone;
  const { form } = published;
  const topics = (form.metadata.topicIds ?? []).map((t) => site.topics.all.get(t)).filter((t) => t !== undefined);
  const files = await mediaViews(
    ctx,
    [...(form.metadata.media ?? []), ...(form.metadata.document?.fileId ? [{ mediaId: form.metadata.document.fileId }] : [])],
    language,
  );
  const trail: Crumb[] = [homeCrumb(site), ...(topics[0] ? [{ name: topics[0].name, href: paths.topic(language, topics[0].slug) }] : []), { name: form.title }];
  return found({
    itemId,
    form,
    topics,
    files,
    agency: site.agencies.byId.get(form.agencyId) ?? null,
    trail,
    url: absolute(site, paths.item(language, itemId)),
  });
}

/** The item view's props both the page and the print view pass. */
export function itemProps(site: Site, item: ItemData) {
  const { form } = item;
  return {
    itemId: item.itemId,
    language: site.language,
    words: site.words,
    kind: form.kind,
    text: { title: form.title, summary: form.summary, body: form.body },
    metadata: form.metadata,
    publishedAt: new Date(form.publishedAt),
    contentHash: form.contentHash,
    agency: item.agency,
    topics: item.topics,
    media: item.files,
    trail: item.trail,
    url: item.url,
  };
}
