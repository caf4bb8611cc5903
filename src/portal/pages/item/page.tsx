// One item in one language: the article with its attribution and files, other languages, related
// items; NewsArticle/Article (with its images and videos), BreadcrumbList and, for a clarification,
// ClaimReview.
import * as content from '../../../modules/content/service.js';
import { claimStatement } from '../../claim.js';
import { breadcrumbLd } from '../../components.js';
import { cardViews, type CardView } from '../../data.js';
import type { PageMeta } from '../../layout.js';
import { found, type FramedPage } from '../../page.js';
import { absolute, type Site } from '../../site.js';
import { articleLd, claimReviewLd } from '../../structured-data.js';
import { paths } from '../../urls.js';
import { itemProps, loadItem, type ItemData } from './load.js';
import { ItemPage } from './view.js';

export const itemPage: FramedPage<{ itemId: string }, ItemData & { related: CardView[] }> = {
  languages: 'configured',
  address: ({ lang, id }) => ({ key: `/${lang}/items/${id}#page`, input: { itemId: id } }),
  load: async (site, { itemId }) => {
    const item = await loadItem(site, itemId);
    if (item.status !== 200) return item;
    const related = await content.relatedPublished(site.ctx, itemId, site.language, item.data.form.metadata.topicIds ?? []);
    return found({ ...item.data, related: await cardViews(site.ctx, related, site.agencies.byId, site.language) });
  },
  meta: (site, item) => {
    const { form, url, agency } = item;
    const { language, info } = site;
    const image = item.files.find((f) => f.card);
    const meta: PageMeta = {
      title: form.title,
      description: form.summary,
      canonical: url,
      alternates: [
        { language, href: url },
        ...form.translations.map((tr) => ({ language: tr.language, href: absolute(site, paths.item(tr.language, item.itemId)) })),
      ],
      image: image?.card ? absolute(site, image.card) : undefined,
      ogType: 'article',
      jsonLd: [articleLd(form, language, url, info, agency?.name ?? '', item.files), breadcrumbLd(item.trail, info.origin)],
    };
    const review = claimReview(site, item);
    if (review) meta.jsonLd!.push(review);
    return meta;
  },
  view: (site, item) => (
    <ItemPage
      {...itemProps(site, item)}
      translations={item.form.translations.map((tr) => ({ language: tr.language, href: paths.item(tr.language, item.itemId) }))}
      related={item.related}
    />
  ),
};

/** A clarification's ClaimReview: the claim in the page's language, its rating, the agency as author. */
function claimReview(site: Site, { form, url, agency }: ItemData) {
  const claim = form.kind === 'clarification' ? form.metadata.claim : undefined;
  const statement = claim ? claimStatement(claim, site.language) : null;
  if (!claim?.rating || !statement) return null;
  return claimReviewLd({
    url,
    language: site.language,
    statement,
    rating: claim.rating,
    ratingName: site.words.ratings[claim.rating] ?? claim.rating,
    claim,
    datePublished: new Date(form.firstPublishedAt),
    author: { name: agency?.name || site.info.operator, url: agency ? absolute(site, paths.agency(site.language, agency.slug)) : null },
  });
}
