// The agencies' directory: each agency under its parent (Decree 42/2022 Art. 7).
import { Crumbs, type Crumb } from '../../components.js';
import type { AgencyEntry } from '../../data.js';
import type { Words } from '../../i18n.js';
import { paths } from '../../urls.js';

export function AgencyDirectoryPage({
  language,
  words,
  roots,
  trail,
}: {
  language: string;
  words: Words;
  roots: Array<AgencyEntry & { units: AgencyEntry[] }>;
  trail: Crumb[];
}) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <Crumbs trail={trail} words={words} language={language} />
      <h1 lang={chrome}>{words.t('agencies')}</h1>
      <ul className="directory" lang={chrome}>
        {roots.map((a) => (
          <li key={a.slug}>
            <a href={paths.agency(language, a.slug)}>{a.name}</a>
            {a.units.length ? (
              <ul>
                {a.units.map((u) => (
                  <li key={u.slug}>
                    <a href={paths.agency(language, u.slug)}>{u.name}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
