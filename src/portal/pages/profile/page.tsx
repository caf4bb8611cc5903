// The province's profile: its published profile pages, grouped by topic in the taxonomy's order.
import * as content from '../../../modules/content/service.js';
import { breadcrumbLd, type Crumb } from '../../components.js';
import { cardViews } from '../../data.js';
import { found, type FramedPage } from '../../page.js';
import { absolute, homeCrumb, inEveryLanguage, type Site } from '../../site.js';
import { paths } from '../../urls.js';
import { ProfilePage, type ProfileProps } from './view.js';

const trailOf = (site: Site): Crumb[] => [homeCrumb(site), { name: site.words.t('profile') }];

export const profilePage: FramedPage<object, ProfileProps['groups']> = {
  languages: 'open',
  address: ({ lang }) => ({ key: `/${lang}/profile`, input: {} }),
  load: async (site) => {
    const r = await content.listPublishedCards(site.ctx, { language: site.language, kind: 'profile_page', pageSize: 100 });
    const cards = await cardViews(site.ctx, r.items, site.agencies.byId, site.language);
    const groups: ProfileProps['groups'] = [];
    for (const tp of site.topics.all.values()) {
      const inTopic = cards.filter((_, i) => r.items[i].topicIds[0] === tp.id);
      if (inTopic.length) groups.push({ id: tp.id, name: tp.name, cards: inTopic });
    }
    return found(groups);
  },
  meta: (site) => ({
    title: site.words.t('profileHeading', { place: site.info.place }),
    description: site.words.t('profileIntro', { place: site.info.place }),
    canonical: absolute(site, paths.profile(site.language)),
    alternates: inEveryLanguage(site, paths.profile),
    jsonLd: [breadcrumbLd(trailOf(site), site.info.origin)],
  }),
  view: (site, groups) => <ProfilePage language={site.language} words={site.words} place={site.info.place} trail={trailOf(site)} groups={groups} />,
  current: () => 'profile',
};
