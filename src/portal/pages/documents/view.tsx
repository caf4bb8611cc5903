// The document library: published documents filterable by type, issuer, year and number, as a
// table with their official facts and the file.
import { Crumbs, Pager } from '../../components.js';
import { formatDate } from '../../format.js';
import type { Words } from '../../i18n.js';
import { paths } from '../../urls.js';

export interface DocumentEntry {
  itemId: string;
  title: string;
  number: string;
  issuingBody: string;
  issueDate: string;
  documentType: string;
  fileUrl: string | null;
}

export interface DocumentsProps {
  language: string;
  words: Words;
  entries: DocumentEntry[];
  total: number;
  page: number;
  pages: number;
  path: string;
  filters: { type?: string; issuer?: string; year?: string; number?: string };
  types: Array<[string, string]>;
  years: string[];
  issuers: string[];
}

export function DocumentsPage(p: DocumentsProps) {
  const { words, language } = p;
  const chrome = words.lang !== language ? words.lang : undefined;
  const t = words.t;
  return (
    <>
      <Crumbs trail={[{ name: t('home'), href: paths.home(language) }, { name: t('documentLibrary') }]} words={words} language={language} />
      <h1 lang={chrome}>{t('documentLibrary')}</h1>
      <form className="filters" method="get" action={paths.documents(language)} lang={chrome}>
        <div>
          <label htmlFor="f-type">{t('documentType')}</label>
          <select id="f-type" name="type" defaultValue={p.filters.type ?? ''}>
            <option value="">—</option>
            {p.types.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-issuer">{t('issuingBody')}</label>
          <input id="f-issuer" name="issuer" list="issuers" defaultValue={p.filters.issuer ?? ''} maxLength={200} />
          <datalist id="issuers">
            {p.issuers.map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="f-year">{t('filterYear')}</label>
          <select id="f-year" name="year" defaultValue={p.filters.year ?? ''}>
            <option value="">—</option>
            {p.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-number">{t('documentNumber')}</label>
          <input id="f-number" name="number" defaultValue={p.filters.number ?? ''} maxLength={100} />
        </div>
        <div>
          <button type="submit">{t('filter')}</button>
        </div>
      </form>
      <p className="meta" role="status" lang={chrome}>
        {p.total === 1 ? t('documentsOne') : t('documentsCount', { n: p.total })}
      </p>
      {p.entries.length ? (
        <div className="table-scroll">
          <table className="docs">
            <caption className="skip">{t('documentLibrary')}</caption>
            <thead lang={chrome}>
              <tr>
                <th scope="col">{t('documentNumber')}</th>
                <th scope="col">{t('issueDate')}</th>
                <th scope="col">{t('documentTitle')}</th>
                <th scope="col">{t('issuingBody')}</th>
                <th scope="col">{t('documentFile')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((d) => (
                <tr key={d.itemId}>
                  <td>{d.number}</td>
                  <td>{formatDate(d.issueDate, language)}</td>
                  <td>
                    <a href={paths.item(language, d.itemId)}>{d.title}</a>
                  </td>
                  <td>{d.issuingBody}</td>
                  <td>
                    {d.fileUrl ? (
                      <a href={`${d.fileUrl}?download=true`} aria-label={`${t('download')}: ${d.number || d.title}`} lang={chrome}>
                        {t('download')}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p lang={chrome}>{t('noResults')}</p>
      )}
      <Pager path={p.path} page={p.page} pages={p.pages} words={words} language={language} />
    </>
  );
}
