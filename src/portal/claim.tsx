// What a clarification answers: the false or distorted information as it circulated, its rating,
// who spread it, when and where it appeared. Shown on the clarification's page and in the list.
import type * as content from '../modules/content/service.js';
import { formatDate } from './format.js';
import { LANGUAGE_NAMES, type Words } from './i18n.js';
import { safeHref } from './urls.js';

/** The statement in the page's language, else in the first language it was written in. */
export function claimStatement(claim: content.ClaimFields, language: string): { text: string; language: string } | null {
  const all = Object.entries(claim.statement ?? {}).filter(([, v]) => v.trim());
  const own = all.find(([l]) => l === language) ?? all[0];
  return own ? { language: own[0], text: own[1] } : null;
}

export function RatingBadge({ rating, words, language }: { rating: string | undefined; words: Words; language: string }) {
  if (!rating) return null;
  return (
    <strong className={`rating rating-${rating}`} lang={words.lang !== language ? words.lang : undefined}>
      {words.ratings[rating] ?? rating}
    </strong>
  );
}

export function ClaimBox({ claim, language, words, absolute }: { claim: content.ClaimFields; language: string; words: Words; absolute?: boolean }) {
  const chrome = words.lang !== language ? words.lang : undefined;
  const statement = claimStatement(claim, language);
  const t = words.t;
  const places = (claim.appearances ?? []).map((a) => ({ ...a, href: safeHref(a.url) })).filter((a) => a.href);
  return (
    <section className="claim" aria-labelledby="claim-heading">
      <h2 id="claim-heading" lang={chrome}>
        {t('claimHeading')}
      </h2>
      <ClaimQuote statement={statement} language={language} />
      {statement && statement.language !== language ? (
        <p className="meta" lang={chrome}>
          {t('claimInLanguage', { language: LANGUAGE_NAMES[statement.language] ?? statement.language })}
        </p>
      ) : null}
      <dl className="facts">
        <dt lang={chrome}>{t('claimRating')}</dt>
        <dd>
          <RatingBadge rating={claim.rating} words={words} language={language} />
        </dd>
        {claim.claimant ? (
          <>
            <dt lang={chrome}>{t('claimClaimant')}</dt>
            <dd>{claim.claimant}</dd>
          </>
        ) : null}
        {claim.firstSeen ? (
          <>
            <dt lang={chrome}>{t('claimFirstSeen')}</dt>
            <dd>
              <time dateTime={claim.firstSeen}>{formatDate(claim.firstSeen, language)}</time>
            </dd>
          </>
        ) : null}
        {places.length ? (
          <>
            <dt lang={chrome}>{t('claimAppearances')}</dt>
            <dd>
              <ul className="appearances">
                {places.map((a) => (
                  <li key={a.url}>
                    {a.platform ? `${a.platform}: ` : ''}
                    {absolute ? (
                      <span className="url">{a.href}</span>
                    ) : (
                      <a href={a.href!} rel="nofollow noopener noreferrer" className="url">
                        {a.href}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The statement as it circulated, marked with its language when that is not the page's. */
export function ClaimQuote({ statement, language }: { statement: { text: string; language: string } | null; language: string }) {
  if (!statement) return null;
  return (
    <blockquote lang={statement.language !== language ? statement.language : undefined}>
      <p>{statement.text}</p>
    </blockquote>
  );
}
