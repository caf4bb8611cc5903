// schema.org JSON-LD for the portal's pages: articles with their images and videos, agencies as
// GovernmentOrganization, clarifications as ClaimReview (https://schema.org/ClaimReview).
import type * as content from '../modules/content/service.js';
import type { MediaView, SiteInfo } from './data.js';
import { isoLocal } from './format.js';
import { paths } from './urls.js';

const LICENCE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-NC-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
};

export function organizationLd(
  a: {
    slug: string;
    name: string;
    otherName: string;
    description: string;
    contact: { address?: string; phone?: string; email?: string; website?: string };
    parent: { slug: string; name: string } | null;
  },
  origin: string,
  lang: string,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: a.name,
    alternateName: a.otherName,
    url: `${origin}${paths.agency(lang, a.slug)}`,
    ...(a.description ? { description: a.description } : {}),
    ...(a.contact.website ? { sameAs: [a.contact.website] } : {}),
    ...(a.contact.email ? { email: a.contact.email } : {}),
    ...(a.contact.phone ? { telephone: a.contact.phone } : {}),
    ...(a.contact.address ? { address: a.contact.address } : {}),
    ...(a.parent
      ? { parentOrganization: { '@type': 'GovernmentOrganization', name: a.parent.name, url: `${origin}${paths.agency(lang, a.parent.slug)}` } }
      : {}),
  };
}

export function articleLd(form: content.PublishedForm, lang: string, url: string, site: SiteInfo, agencyName: string, files: MediaView[]) {
  const publishedAt = new Date(form.publishedAt);
  const images = files.filter((f) => f.picture);
  const videos = files.filter((f) => f.kind === 'video');
  return {
    '@context': 'https://schema.org',
    '@type': form.kind === 'news' ? 'NewsArticle' : 'Article',
    headline: form.title.slice(0, 110),
    description: form.summary,
    inLanguage: lang,
    url,
    mainEntityOfPage: url,
    datePublished: isoLocal(new Date(form.firstPublishedAt)),
    dateModified: isoLocal(publishedAt),
    author: (form.metadata.authors ?? []).map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'GovernmentOrganization', name: agencyName || site.operator },
    ...(form.metadata.place ? { contentLocation: { '@type': 'Place', name: form.metadata.place } } : {}),
    ...(images.length
      ? {
          image: images.map((i) => ({
            '@type': 'ImageObject',
            url: `${site.origin}${i.picture!.src}`,
            width: i.picture!.width,
            height: i.picture!.height,
            caption: i.caption || undefined,
            ...(i.credit.authors.length ? { creator: i.credit.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
            ...(i.credit.copyrightHolder ? { copyrightHolder: { '@type': 'Organization', name: i.credit.copyrightHolder } } : {}),
            ...(i.credit.licence && LICENCE_URLS[i.credit.licence] ? { license: LICENCE_URLS[i.credit.licence] } : {}),
          })),
        }
      : {}),
    ...(videos.length
      ? {
          video: videos.map((v) => ({
            '@type': 'VideoObject',
            name: v.caption || form.title,
            description: form.summary,
            contentUrl: `${site.origin}${v.fileUrl}`,
            uploadDate: isoLocal(publishedAt),
            ...(images[0] ? { thumbnailUrl: `${site.origin}${images[0].picture!.src}` } : {}),
          })),
        }
      : {}),
    ...(form.contentHash ? { identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: form.contentHash } } : {}),
  };
}

/** Where each rating sits on a 1 (false) to 5 (true) scale, for ClaimReview's reviewRating. */
const RATING_VALUES: Record<string, number> = { false: 1, distorted: 1, misleading: 2, partly_false: 2, missing_context: 3 };

export interface ClaimReviewInput {
  url: string;
  language: string;
  /** the statement in the page's language (or the closest one there is) */
  statement: { text: string; language: string };
  rating: string;
  ratingName: string;
  claim: content.ClaimFields;
  datePublished: Date;
  author: { name: string; url: string | null };
}

/** A clarification as schema.org ClaimReview: the claim reviewed, where it appeared, the rating, who reviewed it and when. */
export function claimReviewLd(c: ClaimReviewInput) {
  const appearances = (c.claim.appearances ?? []).map((a) => ({
    '@type': 'CreativeWork',
    url: a.url,
    ...(a.platform ? { publisher: { '@type': 'Organization', name: a.platform } } : {}),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: c.url,
    inLanguage: c.language,
    datePublished: isoLocal(c.datePublished),
    claimReviewed: c.statement.text,
    author: { '@type': 'GovernmentOrganization', name: c.author.name, ...(c.author.url ? { url: c.author.url } : {}) },
    reviewRating: { '@type': 'Rating', ratingValue: RATING_VALUES[c.rating] ?? 1, bestRating: 5, worstRating: 1, alternateName: c.ratingName },
    itemReviewed: {
      '@type': 'Claim',
      inLanguage: c.statement.language,
      ...(c.claim.claimant ? { author: { '@type': 'Organization', name: c.claim.claimant } } : {}),
      ...(c.claim.firstSeen ? { datePublished: c.claim.firstSeen } : {}),
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    },
  };
}
