// One agency's page: its functions, contacts, parent and units, portal link and published items
// (Decree 42/2022 Art. 7).
import { Cards, Crumbs, Pager, type Crumb } from '../../components.js';
import type { AgencyEntry, CardView } from '../../data.js';
import type { Words } from '../../i18n.js';
import { paths, safeHref } from '../../urls.js';

export function AgencyPage(p: {
  language: string;
  words: Words;
  agency: AgencyEntry;
  trail: Crumb[];
  cards: CardView[];
  total: number;
  page: number;
  pages: number;
  path: string;
}) {
  const { words, language, agency } = p;
  const chrome = words.lang !== language ? words.lang : undefined;
  const t = words.t;
  const c = agency.contact;
  return (
    <>
      <Crumbs trail={p.trail} words={words} language={language} />
      <h1 lang={chrome}>{agency.name}</h1>
      <p className="meta" lang={words.lang === 'vi' ? 'en' : 'vi'}>
        {agency.otherName}
      </p>
      <div lang={chrome}>
        {agency.description ? (
          <>
            <h2>{t('functions')}</h2>
            <p>{agency.description}</p>
          </>
        ) : null}
        <h2>{t('contacts')}</h2>
        <dl className="facts">
          {c.address ? (
            <>
              <dt>{t('address')}</dt>
              <dd>{c.address}</dd>
            </>
          ) : null}
          {c.phone ? (
            <>
              <dt>{t('phone')}</dt>
              <dd>
                <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
              </dd>
            </>
          ) : null}
          {c.email ? (
            <>
              <dt>{t('email')}</dt>
              <dd>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </dd>
            </>
          ) : null}
          {safeHref(c.website) ? (
            <>
              <dt>{t('website')}</dt>
              <dd>
                <a href={safeHref(c.website)!} rel="noopener">
                  {c.website}
                </a>
              </dd>
            </>
          ) : null}
          {agency.parent ? (
            <>
              <dt>{t('parentAgency')}</dt>
              <dd>
                <a href={paths.agency(language, agency.parent.slug)}>{agency.parent.name}</a>
              </dd>
            </>
          ) : null}
        </dl>
        {agency.children.length ? (
          <>
            <h2>{t('units')}</h2>
            <ul>
              {agency.children.map((u) => (
                <li key={u.slug}>
                  <a href={paths.agency(language, u.slug)}>{u.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t('publishedByAgency')}</h2>
        <p className="meta">{p.total === 1 ? t('resultsOne') : t('resultsAll', { n: p.total })}</p>
      </div>
      <Cards cards={p.cards} language={language} words={words} />
      <Pager path={p.path} page={p.page} pages={p.pages} words={words} language={language} />
    </>
  );
}
