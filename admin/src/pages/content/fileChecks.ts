// What is wrong with a file used by an item, said next to it: the submission's checks said before
// submitting, and the server's refusals about the file's slot.
import type { Media } from '../../api/media';
import { currentLang, type MessageKey, type TFunction } from '../../i18n';
import { languageName } from '../../lib/content';

const RANK: Record<string, number> = { internal: 0, shared: 1, public: 2 };

/** What the submission in `languages` would refuse about a file, said before submitting. */
export function fileWarnings(t: TFunction, m: Media, languages: readonly string[], itemVisibility: string): string[] {
  const out: string[] = [];
  if (m.kind === 'image') {
    const missing = languages.filter((l) => !m.alt[l]?.trim());
    if (missing.length) out.push(t('media.warn.alt', { languages: missing.map((l) => languageName(t, l)).join(', ') }));
  }
  const rights = [
    !m.authors.some((a) => a.trim()) && t('meta.authors'),
    !m.copyrightHolder.trim() && t('meta.copyrightHolder'),
    !m.licence && t('meta.licence'),
  ].filter(Boolean);
  if (rights.length) out.push(t('media.warn.rights', { fields: rights.join(', ').toLocaleLowerCase(currentLang()) }));
  if (itemVisibility && (RANK[m.visibility] ?? 0) < (RANK[itemVisibility] ?? 0)) out.push(t('media.warn.visibility'));
  return out;
}

const FILE_FIELD_LABELS: Record<string, MessageKey> = { authors: 'meta.authors', copyrightHolder: 'meta.copyrightHolder', licence: 'meta.licence' };

/**
 * The server's refusals about one file (its slot path and below), each once; "this field is
 * required" says which of the file's fields it is about. Captions have their own fields.
 */
export function errorsUnder(t: TFunction, errors: Record<string, unknown>, path: string): string[] {
  const out = Object.entries(errors)
    .filter(([k, v]) => (k === path || k.startsWith(`${path}.`)) && !k.startsWith(`${path}.caption.`) && v)
    .map(([k, v]) => {
      const label = FILE_FIELD_LABELS[k.slice(path.length + 1)];
      return label ? `${t(label)}: ${String(v)}` : String(v);
    });
  return [...new Set(out)];
}
