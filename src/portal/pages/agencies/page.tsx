// The agencies' directory: each agency under its parent.
import { breadcrumbLd, type Crumb } from '../../components.js';
import { agencyEntries, type AgencyEntry } from '../../data.js';
import { found, type FramedPage } from '../../page.js';
import { absolute, homeCrumb, inEveryLanguage, type Site } from '../../site.js';
import { paths } from '../../urls.js';
import { AgencyDirectoryPage } from './view.js';

type AgencyTree = Array<AgencyEntry & { units: AgencyEntry[] }>;

const trailOf = (site: Site): Crumb[] => [homeCrumb(site), { name: site.words.t('agencies') }];

export const agenciesPage: FramedPage<object, AgencyTree> = {
  languages: 'open',
  address: ({ lang }) => ({ key: `/${lang}/agencies`, input: {} }),
  load: async (site) => {
    const entries = [...(await agencyEntries(site.ctx, site.words)).values()];
    return found(entries.filter((a) => !a.parent).map((a) => ({ ...a, units: entries.filter((u) => u.parent?.slug === a.slug) })));
  },
  meta: (site) => ({
    title: site.words.t('agencies'),
    canonical: absolute(site, paths.agencies(site.language)),
    alternates: inEveryLanguage(site, paths.agencies),
    jsonLd: [breadcrumbLd(trailOf(site), site.info.origin)],
  }),
  view: (site, roots) => <AgencyDirectoryPage language={site.language} words={site.words} roots={roots} trail={trailOf(site)} />,
  current: () => 'agencies',
};
