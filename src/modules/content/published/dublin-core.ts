// A published version as a Dublin Core record (dc: elements, a few dcterms: refinements), in
// JSON-LD and in XML. Element names follow DCMI Metadata Terms; docs/api.md lists the mapping.
import { escapeXml } from '../../../core/html.js';
import type { PublishedForm } from './present.js';

export const DC = 'http://purl.org/dc/elements/1.1/';
export const DCTERMS = 'http://purl.org/dc/terms/';
const DCMITYPE = 'http://purl.org/dc/dcmitype/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** What the record names besides the published form (use case `dublinCoreFacts`). */
export interface DcFacts {
  /** the agency's name in the version's language (dc:publisher) */
  publisher: string | null;
  /** topic names in the version's language (dc:subject, before the tags) */
  topics: string[];
  /** the item's page on the portal (dc:identifier, the record's @id) */
  url: string;
}

const DCMI_TYPES: Record<string, string> = {
  news: 'Text',
  document: 'Text',
  publication: 'Text',
  profile_page: 'Text',
  clarification: 'Text',
  photo_album: 'Collection',
  video: 'MovingImage',
};

const LICENCE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-NC-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
};

interface Element {
  /** prefixed name, e.g. dc:title */
  name: string;
  value: string;
  /** text in the version's language */
  lang?: boolean;
  /** xsd datatype (JSON-LD @type; W3CDTF in XML) */
  date?: boolean;
  /** a URI (JSON-LD @id) */
  ref?: boolean;
}

function elements(f: PublishedForm, facts: DcFacts): Element[] {
  const m = f.metadata as {
    authors?: string[];
    tags?: string[];
    place?: string;
    activityDate?: string | null;
    licence?: string;
    copyrightHolder?: string;
    source?: { type?: string; name?: string; url?: string };
  };
  const out: Element[] = [
    { name: 'dc:title', value: f.title, lang: true },
    ...(f.summary ? [{ name: 'dc:description', value: f.summary, lang: true }] : []),
    ...(m.authors ?? []).map((a) => ({ name: 'dc:creator', value: a })),
    ...(facts.publisher ? [{ name: 'dc:publisher', value: facts.publisher, lang: true }] : []),
    { name: 'dc:date', value: m.activityDate ?? f.firstPublishedAt.slice(0, 10) },
    { name: 'dcterms:issued', value: f.firstPublishedAt, date: true },
    { name: 'dcterms:modified', value: f.publishedAt, date: true },
    { name: 'dc:language', value: f.language },
    ...[...facts.topics, ...(m.tags ?? [])].map((s) => ({ name: 'dc:subject', value: s, lang: true })),
    { name: 'dc:type', value: DCMI_TYPES[f.kind] ?? 'Text' },
    { name: 'dc:type', value: f.kind },
    { name: 'dc:format', value: 'text/html' },
    { name: 'dc:identifier', value: facts.url },
    { name: 'dc:identifier', value: `urn:sha256:${f.contentHash}` },
  ];
  if (m.licence) out.push({ name: 'dc:rights', value: m.licence });
  if (m.licence && LICENCE_URLS[m.licence]) out.push({ name: 'dcterms:license', value: LICENCE_URLS[m.licence], ref: true });
  if (m.copyrightHolder) out.push({ name: 'dcterms:rightsHolder', value: m.copyrightHolder });
  if (m.source?.type === 'other' && (m.source.url || m.source.name)) out.push({ name: 'dc:source', value: (m.source.url ?? m.source.name)! });
  if (m.place) out.push({ name: 'dc:coverage', value: m.place, lang: true });
  return out;
}

/** JSON-LD (application/ld+json): one node, repeated elements as arrays, language-tagged text. */
export function dublinCoreJsonLd(f: PublishedForm, facts: DcFacts): Record<string, unknown> {
  const node: Record<string, unknown> = { '@context': { dc: DC, dcterms: DCTERMS, xsd: XSD }, '@id': facts.url };
  const valueOf = (e: Element) =>
    e.ref ? { '@id': e.value } : e.date ? { '@value': e.value, '@type': 'xsd:dateTime' } : e.lang ? { '@value': e.value, '@language': f.language } : e.value;
  for (const e of elements(f, facts)) {
    const v = e.name === 'dc:type' && DCMI_TYPES[f.kind] === e.value ? { '@id': `${DCMITYPE}${e.value}` } : valueOf(e);
    const prev = node[e.name];
    node[e.name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return node;
}

/** XML (application/xml): a `metadata` container with dc: and dcterms: elements, as the DC-XML guidelines describe. */
export function dublinCoreXml(f: PublishedForm, facts: DcFacts): string {
  const lines = elements(f, facts).map((e) => {
    const attrs = e.lang ? ` xml:lang="${escapeXml(f.language)}"` : e.date ? ' xsi:type="dcterms:W3CDTF"' : e.ref ? ' xsi:type="dcterms:URI"' : '';
    return `  <${e.name}${attrs}>${escapeXml(e.value)}</${e.name}>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<metadata xmlns:dc="${DC}" xmlns:dcterms="${DCTERMS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    ...lines,
    '</metadata>',
    '',
  ].join('\n');
}
