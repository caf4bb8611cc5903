// Clarifications (Art. 4): each false or distorted piece of information about the province with
// its rating and the clarification that answers it, newest first, filterable by rating.
import type * as content from '../../../modules/content/service.js';
import { Crumbs, Pager, type Crumb } from '../../components.js';
import { formatDate, isoLocal } from '../../format.js';
import type { Words } from '../../i18n.js';
import { paths } from '../../urls.js';
import { ClaimQuote, claimStatement, RatingBadge } from '../../claim.js';

export interface ClarificationEntry {
  itemId: string;
  title: string;
  summary: string;
  publishedAt: Date;
  agencyName: string;
  claim: content.ClaimFields;
}

export interface ClarificationsProps {
  language: string;
  words: Words;
  place: string;
  trail: Crumb[];
  entries: ClarificationEntry[];
  rating: string | undefined;
  ratings: string[];
  total: number;
  page: number;
  pages: number;
  path: string;
}

export function ClarificationsPage(p: ClarificationsProps) {
  const { words, language } = p;
  const chrome = words.lang !== language ? words.lang : undefined;
  const t = words.t;
  return (
    <>
      <Crumbs trail={p.trail} words={words} language={language} />
      <h1 lang={chrome}>{t('clarifications')}</h1>
      <p className="lead" lang={chrome}>
        {t('clarificationsIntro', { place: p.place })}
      </p>
      <nav aria-label={t('filterRating')} lang={chrome}>
        <ul className="tags">
          {[undefined, ...p.ratings].map((r) => (
            <li key={r ?? 'all'}>
              <a href={paths.clarifications(language, r)} aria-current={r === p.rating ? 'page' : undefined}>
                {r ? (words.ratings[r] ?? r) : t('allRatings')}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="meta" lang={chrome}>
        {p.total === 1 ? t('resultsOne') : t('resultsAll', { n: p.total })}
      </p>
      {p.entries.length ? (
        <ul className="clarifications">
          {p.entries.map((c) => (
            <li key={c.itemId}>
              <RatingBadge rating={c.claim.rating} words={words} language={language} />
              <h2>
                <a href={paths.item(language, c.itemId)}>{c.title}</a>
              </h2>
              <ClaimQuote statement={claimStatement(c.claim, language)} language={language} />
              <p>{c.summary}</p>
              <p className="meta">
                <time dateTime={isoLocal(c.publishedAt)}>{formatDate(c.publishedAt, language)}</time>
                {c.agencyName ? ` · ${c.agencyName}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p lang={chrome}>{t('empty')}</p>
      )}
      <Pager path={p.path} page={p.page} pages={p.pages} words={words} language={language} />
    </>
  );
}
