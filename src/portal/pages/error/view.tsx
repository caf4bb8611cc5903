// 404, 410 and 500 in the reader's language, with a way back.
import { LANGUAGE_NAMES, type Words } from '../../i18n.js';
import { paths } from '../../urls.js';
import { SearchBox } from '../../components.js';

export function ErrorPage({
  status,
  language,
  words,
  elsewhere = [],
}: {
  status: 404 | 410 | 500;
  language: string;
  words: Words;
  elsewhere?: Array<{ language: string; href: string }>;
}) {
  const [title, body] =
    status === 404
      ? (['notFoundTitle', 'notFoundBody'] as const)
      : status === 410
        ? (['goneTitle', 'goneBody'] as const)
        : (['errorTitle', 'errorBody'] as const);
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <div lang={chrome}>
      <h1>{words.t(title)}</h1>
      <p className="notice">{words.t(body)}</p>
      {elsewhere.length ? (
        <>
          <p>{words.t('inOtherLanguages')}</p>
          <ul>
            {elsewhere.map((e) => (
              <li key={e.language}>
                <a href={e.href} hrefLang={e.language} lang={e.language}>
                  {LANGUAGE_NAMES[e.language] ?? e.language}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {status !== 500 ? <SearchBox language={language} words={words} /> : null}
      <p>
        <a href={paths.home(language)}>{words.t('backHome')}</a>
      </p>
    </div>
  );
}
