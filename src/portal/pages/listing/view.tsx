// A listing: one topic, one kind or one agency's items, newest first, with pages.
import { Fragment } from 'react';
import { Cards, Crumbs, Pager, type Crumb } from '../../components.js';
import type { CardView } from '../../data.js';
import type { Words } from '../../i18n.js';

export interface ListingProps {
  language: string;
  words: Words;
  heading: string;
  intro?: string;
  trail: Crumb[];
  cards: CardView[];
  total: number;
  page: number;
  pages: number;
  path: string;
  /** other facts shown under the heading (an agency's contacts) */
  details?: Array<[string, string]>;
}

export function ListingPage({ language, words, heading, intro, trail, cards, total, page, pages, path, details }: ListingProps) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <Crumbs trail={trail} words={words} language={language} />
      <h1 lang={chrome}>{heading}</h1>
      {intro ? (
        <p className="lead" lang={chrome}>
          {intro}
        </p>
      ) : null}
      {details?.length ? (
        <dl className="facts" lang={chrome}>
          {details.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      <p className="meta" lang={chrome}>
        {total === 1 ? words.t('resultsOne') : words.t('resultsAll', { n: total })}
      </p>
      <Cards cards={cards} language={language} words={words} headingLevel={2} />
      <Pager path={path} page={page} pages={pages} words={words} language={language} />
    </>
  );
}
