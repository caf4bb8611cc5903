// "Did you mean": the query again, with its misspelt words replaced by the nearest known words.
// Known words come from search_words, the lexicon of the unaccented public published text, kept
// by triggers (so nothing from shared, internal or unpublished versions can be suggested). A word
// is misspelt when no public version holds it (or only one or two do, and a much more frequent
// word is one or two edits away). Candidates: every known word one edit away (looked up by key)
// and the nearest few by trigram distance; the closest by edit distance wins, then the most
// frequent. A suggestion is offered only if it finds more than the query did, for this reader.
import type { Database } from '../../../db/client.js';
import { countMatches, lexiconOf, nearWords, type SearchFilter, type WordRow } from './repo.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** a known word this rare may itself be a typo */
const WEAK = 3;
/** a weak word is replaced only by a word this many times more frequent */
const WEAK_RATIO = 10;
const MAX_SUGGESTIONS = 3;
/** longer tokens (codes, pasted text) are not corrected */
const MAX_WORD = 30;
/** misspelt words corrected in one query */
const MAX_SUSPECTS = 5;
/** a runner-up word must be at least 1/RUNNER_UP as frequent as the best one */
const RUNNER_UP = 100;

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Every string one edit (delete, transpose, replace, insert) away from an unaccented word. */
export function edits1(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [l, r] = [word.slice(0, i), word.slice(i)];
    if (r) out.add(l + r.slice(1));
    if (r.length > 1) out.add(l + r[1] + r[0] + r.slice(2));
    for (const c of ALPHABET) {
      if (r) out.add(l + c + r.slice(1));
      out.add(l + c + r);
    }
  }
  out.delete(word);
  return [...out];
}

/** How far a word of this length may be corrected: short syllables only by one edit. */
export function maxDistance(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 4 ? 1 : 2;
}

/** Known words that could replace `word`, best first. */
export function corrections(word: string, ndoc: number, known: WordRow[]): WordRow[] {
  const max = maxDistance(word);
  return known
    .map((k) => ({ ...k, d: editDistance(word, k.word) }))
    .filter((k) => k.d > 0 && k.d <= max && k.ndoc >= (ndoc === 0 ? 1 : ndoc * WEAK_RATIO))
    .sort((x, y) => x.d - y.d || y.ndoc - x.ndoc || (x.word < y.word ? -1 : 1))
    .map(({ word: w, ndoc: n }) => ({ word: w, ndoc: n }));
}

interface Token {
  text: string;
  start: number;
}

/** The words of a websearch query that may be corrected: not `or`, not -excluded, no digits, not too long. */
export function correctableTokens(q: string): Token[] {
  const out: Token[] = [];
  for (const m of q.matchAll(/[\p{L}\p{N}]+/gu)) {
    const text = m[0];
    const start = m.index;
    if (/\p{N}/u.test(text) || text.length > MAX_WORD || text.toLowerCase() === 'or' || q[start - 1] === '-') continue;
    out.push({ text, start });
  }
  return out;
}

/** The query with some tokens replaced, keeping a capital first letter. */
function rewrite(q: string, replace: Map<Token, string>): string {
  let out = '';
  let at = 0;
  for (const [t, w] of [...replace].sort((a, b) => a[0].start - b[0].start)) {
    const capital = t.text[0] !== t.text[0].toLowerCase();
    out += q.slice(at, t.start) + (capital ? w[0].toUpperCase() + w.slice(1) : w);
    at = t.start + t.text.length;
  }
  return out + q.slice(at);
}

/** Corrected queries for a query that found `found` (< 3) results. Quoted phrases are left alone. */
export async function suggestQueries(db: Database, f: SearchFilter & { q: string }, found: number): Promise<string[]> {
  if (f.q.includes('"')) return [];
  const tokens = correctableTokens(f.q);
  const lex = await lexiconOf(
    db,
    tokens.map((t) => t.text),
  );
  const suspects = lex
    .map((l, i) => ({ ...l, token: tokens[i] }))
    .filter((l) => l.ndoc < WEAK && maxDistance(l.word) > 0)
    .slice(0, MAX_SUSPECTS);
  if (!suspects.length) return [];
  const known = await nearWords(
    db,
    suspects.map((s) => s.word),
    suspects.flatMap((s) => edits1(s.word)),
    12,
  );
  const options = suspects
    .map((s) => {
      const words = corrections(s.word, s.ndoc, known);
      // runners-up only if about as common as the best (not a stray word found once)
      return { token: s.token, words: words.filter((w, i) => i === 0 || w.ndoc * RUNNER_UP >= words[0].ndoc).slice(0, MAX_SUGGESTIONS) };
    })
    .filter((o) => o.words.length);
  if (!options.length) return [];
  // The best word for every misspelt token; then the runners-up of the first one.
  const ndocOf = new Map(lex.map((l, i) => [tokens[i], l.ndoc]));
  const best = new Map(options.map((o) => [o.token, o.words[0]]));
  const variants = [best, ...options[0].words.slice(1).map((w) => new Map([...best, [options[0].token, w]]))];
  const out: string[] = [];
  for (const v of variants) {
    const c = rewrite(f.q, new Map([...v].map(([t, w]) => [t, w.word])));
    if (out.length >= MAX_SUGGESTIONS || out.includes(c)) continue;
    // the corrected query's rarest word bounds its matches
    const estimate = Math.min(...tokens.map((t) => v.get(t)?.ndoc ?? ndocOf.get(t) ?? 0));
    if (estimate > found && (await countMatches(db, f, c, found + 1, estimate)) > found) out.push(c);
  }
  return out;
}
