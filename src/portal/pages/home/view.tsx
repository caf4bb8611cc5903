// Home: what the database is, a search box, the latest items, photos and videos, and the latest
// of each topic.
import { Cards, SearchBox } from '../../components.js';
import type { CardView, TopicLink } from '../../data.js';
import type { Words } from '../../i18n.js';
import { paths } from '../../urls.js';

export interface HomeProps {
  language: string;
  words: Words;
  siteName: string;
  place: string;
  highlights: CardView[];
  latest: CardView[];
  visual: CardView[];
  byTopic: Array<{ topic: TopicLink; cards: CardView[] }>;
}

export function HomePage({ language, words, siteName, place, highlights, latest, visual, byTopic }: HomeProps) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <h1 lang={chrome}>{siteName}</h1>
      <p className="lead" lang={chrome}>
        {words.t('tagline', { place })}
      </p>
      <SearchBox language={language} words={words} />
      {highlights.length ? (
        <section aria-labelledby="highlights">
          <h2 id="highlights" lang={chrome}>
            {words.t('highlights')}
          </h2>
          <Cards cards={highlights} language={language} words={words} />
        </section>
      ) : null}
      <section aria-labelledby="latest">
        <h2 id="latest" lang={chrome}>
          {words.t('latest')}
        </h2>
        <Cards cards={latest} language={language} words={words} />
      </section>
      {visual.length ? (
        <section aria-labelledby="visual">
          <h2 id="visual" lang={chrome}>
            {words.t('albumsAndVideos')}
          </h2>
          <Cards cards={visual} language={language} words={words} />
        </section>
      ) : null}
      {byTopic.map(({ topic, cards }) => (
        <section key={topic.id} aria-labelledby={`t-${topic.slug}`}>
          <h2 id={`t-${topic.slug}`} lang={chrome}>
            {topic.name}
          </h2>
          <Cards cards={cards} language={language} words={words} />
          <p>
            <a href={paths.topic(language, topic.slug)} lang={chrome}>
              {words.t('more')}: {topic.name}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
