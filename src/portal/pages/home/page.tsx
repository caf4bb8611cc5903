// Home: the DIC's highlights, the latest items, photos and videos, the latest of each topic; a
// WebSite with its SearchAction for search engines.
import { homeSections, type HomeSections } from '../../data.js';
import { found, type FramedPage } from '../../page.js';
import { absolute, inEveryLanguage } from '../../site.js';
import { paths } from '../../urls.js';
import { HomePage } from './view.js';

export const homePage: FramedPage<object, HomeSections> = {
  languages: 'open',
  address: ({ lang }) => ({ key: `/${lang}/`, input: {} }),
  load: async (site) => found(await homeSections(site.ctx, site.agencies.byId, site.language, site.topics.menu)),
  meta: (site) => {
    const { info, words, language } = site;
    const home = absolute(site, paths.home(language));
    return {
      title: info.name,
      description: words.t('tagline', { place: info.place }),
      canonical: home,
      alternates: [...inEveryLanguage(site, paths.home), { language: 'x-default', href: absolute(site, '/') }],
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: info.name,
          url: home,
          inLanguage: language,
          potentialAction: { '@type': 'SearchAction', target: `${absolute(site, paths.search(language))}?q={q}`, 'query-input': 'required name=q' },
        },
      ],
    };
  },
  view: (site, sections) => <HomePage language={site.language} words={site.words} siteName={site.info.name} place={site.info.place} {...sections} />,
  current: () => 'home',
};
