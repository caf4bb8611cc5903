// One photo of an album, large, with its caption and links to the previous and next photos: a
// viewer that works with the keyboard alone and without JavaScript.
import { Credit, Crumbs, type Crumb } from '../../components.js';
import type { MediaView } from '../../data.js';
import type { Words } from '../../i18n.js';

export function PhotoPage(p: {
  language: string;
  words: Words;
  title: string;
  photo: MediaView;
  index: number;
  count: number;
  prev: string | null;
  next: string | null;
  album: string;
  trail: Crumb[];
}) {
  const { words, language, photo } = p;
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <Crumbs trail={p.trail} words={words} language={language} />
      <h1>
        {p.title}{' '}
        <span className="meta" lang={chrome}>
          ({words.t('photoOf', { n: p.index, count: p.count })})
        </span>
      </h1>
      <figure className="viewer">
        {photo.picture ? (
          <img
            src={photo.picture.src}
            srcSet={photo.picture.srcset}
            sizes="(max-width: 72rem) 100vw, 72rem"
            width={photo.picture.width}
            height={photo.picture.height}
            alt={photo.alt}
          />
        ) : null}
        <figcaption>
          {photo.caption}
          <Credit media={photo} words={words} chrome={chrome} />
        </figcaption>
      </figure>
      <nav className="pager" aria-label={words.t('photos')} lang={chrome}>
        {p.prev ? (
          <a href={p.prev} rel="prev">
            ← {words.t('prevPhoto')}
          </a>
        ) : null}
        <a href={p.album}>{words.t('backToAlbum')}</a>
        {p.next ? (
          <a href={p.next} rel="next">
            {words.t('nextPhoto')} →
          </a>
        ) : null}
      </nav>
    </>
  );
}
