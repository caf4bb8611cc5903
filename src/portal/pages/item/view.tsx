// One item in one language, with full attribution (agency, authors, dates, source, licence),
// its files (album, video, document file), other languages, related items and share links.
import { Fragment } from 'react';
import type { ClaimFields } from '../../../modules/content/service.js';
import { Cards, Credit, Crumbs, type Crumb } from '../../components.js';
import type { AgencyLink, CardView, MediaView, TopicLink } from '../../data.js';
import { formatBytes, formatDate, isoLocal } from '../../format.js';
import { LANGUAGE_NAMES, LICENCE_NAMES, type Words } from '../../i18n.js';
import { paths, safeHref } from '../../urls.js';
import { ClaimBox } from '../../claim.js';

export interface ItemProps {
  itemId: string;
  /** the print view: no share links, related items or language links */
  print?: boolean;
  /** absolute links (the saved copy) */
  origin?: string;
  language: string;
  words: Words;
  kind: string;
  text: { title: string; summary: string; body: string };
  metadata: {
    authors?: string[];
    activityDate?: string | null;
    place?: string;
    tags?: string[];
    source?: { type: 'own' | 'other'; name?: string; url?: string };
    licence?: string;
    copyrightHolder?: string;
    document?: { number?: string; issuingBody?: string; issueDate?: string; effectiveDate?: string; signer?: string; documentType?: string };
    claim?: ClaimFields;
  };
  publishedAt: Date;
  contentHash: string | null;
  agency: AgencyLink | null;
  topics: TopicLink[];
  media: MediaView[];
  translations: Array<{ language: string; href: string }>;
  related: CardView[];
  trail: Crumb[];
  url: string;
}

export function ItemPage(p: ItemProps) {
  const { words, language } = p;
  const abs = (href: string) => `${p.origin ?? ''}${href}`;
  const chrome = words.lang !== language ? words.lang : undefined;
  const t = words.t;
  const images = p.media.filter((m) => m.kind === 'image');
  const videos = p.media.filter((m) => m.kind === 'video');
  const files = p.media.filter((m) => m.kind === 'document');
  const doc = p.metadata.document;
  const share = [
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(p.url)}`],
    ['X', `https://twitter.com/intent/tweet?url=${encodeURIComponent(p.url)}&text=${encodeURIComponent(p.text.title)}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(p.url)}`],
    [t('shareEmail'), `mailto:?subject=${encodeURIComponent(p.text.title)}&body=${encodeURIComponent(p.url)}`],
  ];
  return (
    <article>
      {p.print ? null : <Crumbs trail={p.trail} words={words} language={language} />}
      <span className="kind" lang={chrome}>
        {words.kinds[p.kind] ?? p.kind}
      </span>
      <h1>{p.text.title}</h1>
      <p className="lead">{p.text.summary}</p>
      <dl className="facts">
        {p.agency ? (
          <>
            <dt lang={chrome}>{t('agency')}</dt>
            <dd>
              <a href={abs(paths.agency(language, p.agency.slug))}>{p.agency.name}</a>
            </dd>
          </>
        ) : null}
        {p.metadata.authors?.length ? (
          <>
            <dt lang={chrome}>{t('authors')}</dt>
            <dd>{p.metadata.authors.join(', ')}</dd>
          </>
        ) : null}
        {p.metadata.activityDate ? (
          <>
            <dt lang={chrome}>{t('activityDate')}</dt>
            <dd>
              <time dateTime={p.metadata.activityDate}>{formatDate(p.metadata.activityDate, language)}</time>
            </dd>
          </>
        ) : null}
        <dt lang={chrome}>{t('published')}</dt>
        <dd>
          <time dateTime={isoLocal(p.publishedAt)}>{formatDate(p.publishedAt, language)}</time>
        </dd>
        {p.metadata.place ? (
          <>
            <dt lang={chrome}>{t('place')}</dt>
            <dd>{p.metadata.place}</dd>
          </>
        ) : null}
        <dt lang={chrome}>{t('source')}</dt>
        <dd>
          {p.metadata.source?.type === 'other' && safeHref(p.metadata.source.url) ? (
            <a href={safeHref(p.metadata.source.url)!} rel="nofollow noopener">
              {p.metadata.source.name ?? p.metadata.source.url}
            </a>
          ) : p.metadata.source?.type === 'other' ? (
            p.metadata.source.name
          ) : (
            <span lang={chrome}>{t('sourceOwn')}</span>
          )}
        </dd>
        {p.metadata.licence ? (
          <>
            <dt lang={chrome}>{t('licence')}</dt>
            <dd>
              {LICENCE_NAMES[p.metadata.licence] ?? p.metadata.licence}
              {p.metadata.copyrightHolder ? ` · © ${p.metadata.copyrightHolder}` : ''}
            </dd>
          </>
        ) : null}
        {doc
          ? (
              [
                ['documentNumber', doc.number],
                ['issuingBody', doc.issuingBody],
                ['issueDate', doc.issueDate ? formatDate(doc.issueDate, language) : undefined],
                ['effectiveDate', doc.effectiveDate ? formatDate(doc.effectiveDate, language) : undefined],
                ['signer', doc.signer],
                ['documentType', doc.documentType ? (words.documentTypes[doc.documentType] ?? doc.documentType) : undefined],
              ] as const
            )
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <Fragment key={k}>
                  <dt lang={chrome}>{t(k)}</dt>
                  <dd>{v}</dd>
                </Fragment>
              ))
          : null}
      </dl>
      {files.length ? (
        <section aria-labelledby="files">
          <h2 id="files" lang={chrome}>
            {t('documentFile')}
          </h2>
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <a href={abs(f.fileUrl!)}>{f.fileName}</a>{' '}
                <span className="meta">
                  ({f.mime === 'application/pdf' ? 'PDF' : f.fileName.split('.').pop()?.toUpperCase()}, {formatBytes(f.size, language)}) ·{' '}
                  <a href={abs(`${f.fileUrl}?download=true`)} download={f.fileName} lang={chrome}>
                    {t('download')}
                  </a>
                </span>
                <br />
                <span className="hash" title={t('contentHash')}>
                  SHA-256 {f.sha256}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {videos.map((v) => (
        <figure key={v.id}>
          <video
            controls
            preload="metadata"
            src={abs(v.fileUrl!)}
            width={v.width ?? undefined}
            height={v.height ?? undefined}
            aria-label={v.caption || p.text.title}
          />
          {v.caption ? <figcaption>{v.caption}</figcaption> : null}
        </figure>
      ))}
      {images.length ? (
        <section aria-labelledby="photos">
          <h2 id="photos" lang={chrome}>
            {t('photos')}
          </h2>
          <ul className="gallery">
            {images.map((m, i) => (
              <li key={m.id}>
                <figure>
                  {m.picture ? (
                    <a href={p.origin ? abs(m.picture.src) : paths.photo(language, p.itemId, i + 1)}>
                      <img
                        src={abs(m.picture.src)}
                        srcSet={p.origin ? undefined : m.picture.srcset}
                        sizes="(max-width: 40rem) 100vw, 22rem"
                        width={m.picture.width}
                        height={m.picture.height}
                        alt={m.alt}
                        loading={i < 2 ? 'eager' : 'lazy'}
                        decoding="async"
                        style={{ objectPosition: `${Math.round(m.focal.x * 100)}% ${Math.round(m.focal.y * 100)}%` }}
                      />
                    </a>
                  ) : null}
                  <figcaption>
                    {m.caption}
                    <Credit media={m} words={words} chrome={chrome} />
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.kind === 'clarification' && p.metadata.claim ? (
        <>
          <ClaimBox claim={p.metadata.claim} language={language} words={words} absolute={Boolean(p.origin)} />
          <h2 lang={chrome}>{t('factsHeading')}</h2>
        </>
      ) : null}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: p.text.body }} />
      {p.metadata.tags?.length ? (
        <p>
          <span lang={chrome}>{t('tags')}:</span> {p.metadata.tags.join(', ')}
        </p>
      ) : null}
      {p.translations.length ? (
        <section aria-labelledby="langs">
          <h2 id="langs" lang={chrome}>
            {t('alsoIn')}
          </h2>
          <ul className="tags">
            {p.translations.map((tr) => (
              <li key={tr.language}>
                <a href={tr.href} hrefLang={tr.language} lang={tr.language}>
                  {LANGUAGE_NAMES[tr.language] ?? tr.language}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.print ? null : (
        <ul className="share" lang={chrome}>
          <li>
            <a href={paths.print(language, p.itemId)} rel="nofollow">
              {t('print')}
            </a>
          </li>
          <li>
            <a href={paths.download(language, p.itemId)} rel="nofollow" download>
              {t('downloadHtml')}
            </a>
          </li>
        </ul>
      )}
      {p.print ? null : (
        <section aria-labelledby="share">
          <h2 id="share" lang={chrome}>
            {t('share')}
          </h2>
          <ul className="share">
            {share.map(([name, href]) => (
              <li key={name}>
                <a href={href} rel="noopener">
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.contentHash ? (
        <p className="meta">
          <span lang={chrome}>{t('contentHash')}</span>: <span className="hash">{p.contentHash}</span>
        </p>
      ) : null}
      {p.related.length ? (
        <section aria-labelledby="related">
          <h2 id="related" lang={chrome}>
            {t('related')}
          </h2>
          <Cards cards={p.related} language={language} words={words} />
        </section>
      ) : null}
    </article>
  );
}
