// One photo of an album, large, with previous/next links; an ImageObject for search engines.
import * as content from '../../../modules/content/service.js';
import { breadcrumbLd, type Crumb } from '../../components.js';
import { mediaViews, type MediaView } from '../../data.js';
import { found, gone, notFound, type FramedPage } from '../../page.js';
import { absolute, homeCrumb, type Site } from '../../site.js';
import { paths } from '../../urls.js';
import { PhotoPage } from './view.js';

interface PhotoData {
  itemId: string;
  form: content.PublishedForm;
  photo: MediaView;
  /** 1-based */
  index: number;
  count: number;
}

const trailOf = (site: Site, { itemId, form, index, count }: PhotoData): Crumb[] => [
  homeCrumb(site),
  { name: form.title, href: paths.item(site.language, itemId) },
  { name: site.words.t('photoOf', { n: index, count }) },
];

export const photoPage: FramedPage<{ itemId: string; index: number }, PhotoData> = {
  languages: 'configured',
  address: ({ lang, id, n }) => ({ key: `/${lang}/items/${id}/photos/${n}`, input: /^\d{1,4}$/.test(n) ? { itemId: id, index: Number(n) } : null }),
  load: async (site, { itemId, index }) => {
    const published = await content.publishedPage(site.ctx, itemId, site.language);
    if (published.status !== 'ok') return published.status === 'gone' ? gone : notFound();
    const { form } = published;
    const photos = (await mediaViews(site.ctx, form.metadata.media ?? [], site.language)).filter((m) => m.kind === 'image' && m.picture);
    const photo = photos[index - 1];
    if (!photo) return notFound();
    return found({ itemId, form, photo, index, count: photos.length });
  },
  meta: (site, data) => {
    const { itemId, form, photo, index, count } = data;
    const url = absolute(site, paths.photo(site.language, itemId, index));
    return {
      title: `${form.title} (${index}/${count})`,
      description: photo.caption || form.summary,
      canonical: url,
      alternates: [
        { language: site.language, href: url },
        ...form.translations.map((tr) => ({ language: tr.language, href: absolute(site, paths.photo(tr.language, itemId, index)) })),
      ],
      image: photo.card ? absolute(site, photo.card) : undefined,
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'ImageObject',
          contentUrl: absolute(site, photo.picture!.src),
          caption: photo.caption || undefined,
          width: photo.picture!.width,
          height: photo.picture!.height,
        },
        breadcrumbLd(trailOf(site, data), site.info.origin),
      ],
    };
  },
  view: (site, data) => {
    const { itemId, form, photo, index, count } = data;
    const { language } = site;
    return (
      <PhotoPage
        language={language}
        words={site.words}
        title={form.title}
        photo={photo}
        index={index}
        count={count}
        prev={index > 1 ? paths.photo(language, itemId, index - 1) : null}
        next={index < count ? paths.photo(language, itemId, index + 1) : null}
        album={paths.item(language, itemId)}
        trail={trailOf(site, data)}
      />
    );
  },
};
