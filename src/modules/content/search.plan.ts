// How to find the capped candidate set of a search (see ../../../docs/search.md, "Plans"):
// estimate the matches from the lexicon (search_words: per word, the number of public published
// versions holding it), then pick a plan the planner cannot get wrong.
//
// - bitmap:  few matches. Every match comes from the GIN index, then the newest N are kept.
//            No tsvector is read; each match costs a heap visit.
// - window:  more matches. The same, within the most recent stretch of time expected to hold
//            about twice N matches (the GIN bitmap ANDed with the date index), so only those rows
//            are visited; when it holds fewer than N, the whole bitmap is used after all.
// - ordered: matches in most rows, no other filter. The newest rows are walked in date order and
//            each one's TOASTed tsvector is read until N match: about N × rows / matches reads.
// - planner: many matches and other filters (kind, agency, …): PostgreSQL's own choice, with its
//            statistics for those columns.
// The costs below are rough µs measured at 100k items (docs/search.md); only their ratios matter.

export type SearchPlan = { kind: 'bitmap' | 'ordered' | 'planner' } | { kind: 'window'; since: string };

const COST = {
  /** a posting (row id) of a query word read from the GIN index into the bitmap */
  posting: 0.2,
  /** a row of the bitmap visited in the heap (light columns only) */
  heapRow: 1.5,
  /** a row walked in date order: heap visit, TOASTed tsvector read and matched */
  orderedRow: 8,
};
/** the window is sized to hold this many times the needed matches */
const WINDOW_MARGIN = 2;

export interface QueryStats {
  /** the tsquery as text, e.g. `'hue' & 'festival'`, `'le' <-> 'hoi'`, `!'a' | 'b'` */
  tsquery: string;
  /** public published versions holding each lexeme (absent: none) */
  ndoc: Map<string, number>;
  /** public published versions */
  docs: number;
  /** newest and oldest value of the view's order column (epoch ms), null when empty */
  newest: number | null;
  oldest: number | null;
}

/**
 * Estimated matches of a tsquery: AND and phrase take the smallest operand, OR adds (up to every
 * document), NOT counts every document (it does not narrow an AND). An upper bound for AND.
 */
export function estimateMatches(s: Pick<QueryStats, 'tsquery' | 'ndoc' | 'docs'>): number {
  const text = s.tsquery.trim();
  if (!text) return 0;
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]?.op;
  const orExpr = (): number => {
    let v = andExpr();
    while (peek() === '|') {
      i++;
      v = Math.min(s.docs, v + andExpr());
    }
    return v;
  };
  const andExpr = (): number => {
    let v = phraseExpr();
    while (peek() === '&') {
      i++;
      v = Math.min(v, phraseExpr());
    }
    return v;
  };
  const phraseExpr = (): number => {
    let v = unary();
    while (peek()?.startsWith('<')) {
      i++;
      v = Math.min(v, unary());
    }
    return v;
  };
  const unary = (): number => {
    const t = tokens[i++];
    if (t === undefined) return s.docs;
    if (t.lexeme !== undefined) return Math.min(s.docs, s.ndoc.get(t.lexeme) ?? 0);
    if (t.op === '!') {
      unary();
      return s.docs;
    }
    if (t.op === '(') {
      const v = orExpr();
      if (peek() === ')') i++;
      return v;
    }
    return s.docs;
  };
  return orExpr();
}

type Token = { lexeme: string; op?: undefined } | { op: string; lexeme?: undefined };

/** Lexemes (unquoted) and operators of a tsquery's text form. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ') i++;
    else if (c === "'") {
      let lex = '';
      i++;
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          lex += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else lex += text[i++];
      }
      // weights or prefix (`'a':*`, `'a':AB`) do not come out of websearch_to_tsquery; skip them anyway
      if (text[i] === ':') while (i < text.length && !' &|!()<'.includes(text[i])) i++;
      out.push({ lexeme: lex });
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      out.push({ op: text.slice(i, end + 1) });
      i = end < 0 ? text.length : end + 1;
    } else {
      out.push({ op: c });
      i++;
    }
  }
  return out;
}

/** Postings the GIN index reads for the query: every word's rows, negated or not. */
export function postings(s: Pick<QueryStats, 'tsquery' | 'ndoc'>): number {
  let n = 0;
  for (const t of tokenize(s.tsquery)) if (t.lexeme !== undefined) n += s.ndoc.get(t.lexeme) ?? 0;
  return n;
}

/**
 * The plan for the `need` newest matches. `filtered`: other filters than the words (their share
 * of the rows is unknown here, so the planner decides unless the bitmap is obviously best).
 */
export function choosePlan(stats: QueryStats, need: number, filtered: boolean): SearchPlan {
  const matches = estimateMatches(stats);
  const gin = COST.posting * postings(stats);
  const windowed = WINDOW_MARGIN * need;
  if (matches <= windowed) return { kind: 'bitmap' };
  if (filtered) return { kind: 'planner' };
  const window = gin + COST.heapRow * windowed;
  const ordered = (COST.orderedRow * need * Math.max(stats.docs, matches)) / matches;
  if (ordered <= window) return { kind: 'ordered' };
  if (stats.newest === null || stats.oldest === null) return { kind: 'bitmap' };
  // matches are assumed spread evenly in time
  const since = stats.newest - (stats.newest - stats.oldest) * (windowed / matches);
  return { kind: 'window', since: new Date(since).toISOString() };
}
