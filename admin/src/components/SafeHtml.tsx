// Rich text shown without ever handing HTML to the DOM: the markup is parsed in an inert document
// and rebuilt as React elements from an allow-list mirroring the server's sanitiser (tags,
// attributes, http(s)/mailto links). Scripts, event handlers, styles and javascript: URLs vanish.
// Images from other origins are shown as a labelled placeholder: the admin app's CSP loads
// images from itself only.
import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n';

const TAGS = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'hr',
  'code',
  'pre',
  'span',
]);
const ATTRS: Record<string, string[]> = {
  a: ['href', 'title', 'hreflang', 'lang'],
  img: ['src', 'alt', 'width', 'height', 'title'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  span: ['lang'],
  p: ['lang'],
  blockquote: ['cite', 'lang'],
};
const VOID = new Set(['br', 'hr', 'img']);
// Headings inside an item are demoted so the page keeps one h1 and a sane outline.
const RENAME: Record<string, string> = { h2: 'h3', h3: 'h4', h4: 'h5' };
const REACT_ATTR: Record<string, string> = { colspan: 'colSpan', rowspan: 'rowSpan', hreflang: 'hrefLang' };

function safeUrl(value: string, schemes: string[]): string | null {
  try {
    const u = new URL(value, location.origin);
    return schemes.includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function convert(node: Node, key: string, imageLabel: (alt: string) => string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = () => Array.from(el.childNodes).map((c, i) => convert(c, `${key}.${i}`, imageLabel));
  // Unknown tags are dropped but their text kept, as the server does (script/style dropped entirely).
  if (!TAGS.has(tag))
    return ['script', 'style', 'iframe', 'object', 'template', 'noscript'].includes(tag) ? null : createElement(Fragment, { key }, children());
  const props: Record<string, string> = { key };
  for (const name of ATTRS[tag] ?? []) {
    const v = el.getAttribute(name);
    if (v === null) continue;
    if (name === 'href') {
      const href = safeUrl(v, ['http:', 'https:', 'mailto:']);
      if (href) props.href = href;
    } else if (name === 'src') {
      const src = safeUrl(v, ['http:', 'https:']);
      if (src) props.src = src;
    } else if (name === 'cite') {
      const cite = safeUrl(v, ['http:', 'https:']);
      if (cite) props.cite = cite;
    } else props[REACT_ATTR[name] ?? name] = v;
  }
  if (tag === 'a') props.rel = 'noopener noreferrer';
  if (tag === 'img') {
    if (props.src && new URL(props.src).origin === location.origin) return createElement('img', props);
    return (
      <span key={key} className="safe-html-image">
        {imageLabel(props.alt ?? '')}
      </span>
    );
  }
  return createElement(RENAME[tag] ?? tag, props, VOID.has(tag) ? undefined : children());
}

/** Plain text (for counting, empty checks) of a piece of HTML. */
export function htmlText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

export function SafeHtml({ html, className, lang }: { html: string; className?: string; lang?: string }) {
  const { t } = useI18n();
  const content = useMemo(() => {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    return Array.from(body.childNodes).map((c, i) => convert(c, String(i), (alt) => t('rich.image', { alt: alt || '—' })));
  }, [html, t]);
  return (
    <div className={['safe-html', className].filter(Boolean).join(' ')} lang={lang}>
      {content}
    </div>
  );
}
