// The province's profile (giới thiệu): the profile pages the agencies publish, grouped by topic.
import { Cards, Crumbs, type Crumb } from '../../components.js';
import type { CardView } from '../../data.js';
import type { Words } from '../../i18n.js';

export interface ProfileProps {
  language: string;
  words: Words;
  place: string;
  trail: Crumb[];
  groups: Array<{ id: string; name: string; cards: CardView[] }>;
}

export function ProfilePage({ language, words, place, trail, groups }: ProfileProps) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <Crumbs trail={trail} words={words} language={language} />
      <h1 lang={chrome}>{words.t('profileHeading', { place })}</h1>
      <p className="lead" lang={chrome}>
        {words.t('profileIntro', { place })}
      </p>
      {groups.length ? (
        groups.map((g) => (
          <section key={g.id} aria-labelledby={`g-${g.id}`}>
            <h2 id={`g-${g.id}`} lang={chrome}>
              {g.name}
            </h2>
            <Cards cards={g.cards} language={language} words={words} />
          </section>
        ))
      ) : (
        <p lang={chrome}>{words.t('empty')}</p>
      )}
    </>
  );
}
