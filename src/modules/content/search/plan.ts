// How to find the capped candidate set of a search (see ../../../docs/search.md, "Plans"):
// estimate the matches from the lexicon (search_words: per word, the number of public published
// versions holding it), then pick the cheapest plan; every plan gives the same rows.
//
// - bitmap:  every match comes from the GIN index, then the newest N are kept. No tsvector is
//            read; each match costs a heap visit.
// - window:  the same within the most recent stretch of time expected to hold about twice N
//            candidates (the GIN bitmap ANDed with the date index); when it holds fewer than N,
//            the whole bitmap after all.
// - ordered: the newest rows are walked in date order, each one's TOASTed tsvector read and
//            matched, until N match — at most `walk` rows (four times the expected); when the
//            words turn out to meet more rarely than estimated, the whole bitmap after all.
// Other filters (kind, language, topic, year) are assumed to keep a guessed share of the rows;
// with an agency the bitmap is taken, as PostgreSQL can AND it with the agency index.
// The costs below are rough µs measured at 100k items (docs/search.md); only their ratios matter.

export type SearchPlan = { kind: 'bitmap' } | { kind: 'window'; since: string } | { kind: 'ordered'; walk: number };

const COST = {
  /** a row id of a query word read from the GIN index into the bitmap */
  posting: 0.2,
  /** a row of the bitmap visited in the heap (light columns only) */
  heapRow: 1.5,
  /** a row walked in date order: heap visit, TOASTed tsvector read and matched */
  orderedRow: 8,
};
/** the window is sized to hold this many times the needed candidates */
const WINDOW_MARGIN = 2;
/** the walk in date order gives up after this many times the rows expected to hold N */
const WALK_MARGIN = 4;
/** guessed share of the rows another filter keeps */
export const FILTER_SHARE = { language: 0.5, kind: 0.2, topicId: 0.1, year: 0.2 } as const;

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

/** Row ids the GIN index reads for the query: every word's rows, and every row for a negation. */
export function postings(s: Pick<QueryStats, 'tsquery' | 'ndoc' | 'docs'>): number {
  let n = 0;
  for (const t of tokenize(s.tsquery)) {
    if (t.lexeme !== undefined) n += s.ndoc.get(t.lexeme) ?? 0;
    else if (t.op === '!') n += s.docs;
  }
  return n;
}

/**
 * The plan for the `need` newest matches. `share`: the part of the rows the other filters keep
 * (1 without), `indexedFilter`: a filter PostgreSQL can take from an index (the agency).
 */
export function choosePlan(stats: QueryStats, need: number, share = 1, indexedFilter = false): SearchPlan {
  const matches = estimateMatches(stats);
  if (matches <= WINDOW_MARGIN * need || indexedFilter) return { kind: 'bitmap' };
  const candidates = Math.max(1, matches * share);
  const gin = COST.posting * postings(stats);
  const plans: Array<[number, SearchPlan]> = [[gin + COST.heapRow * matches, { kind: 'bitmap' }]];
  // words spread evenly in time: the newest `inWindow` of their rows are in the newest stretch
  const inWindow = (WINDOW_MARGIN * need) / share;
  if (inWindow < matches && stats.newest !== null && stats.oldest !== null) {
    const since = stats.newest - (stats.newest - stats.oldest) * (inWindow / matches);
    plans.push([gin + COST.heapRow * inWindow, { kind: 'window', since: new Date(since).toISOString() }]);
  }
  const rows = (need * Math.max(stats.docs, matches)) / candidates;
  plans.push([COST.orderedRow * rows, { kind: 'ordered', walk: Math.ceil(WALK_MARGIN * rows) }]);
  return plans.reduce((a, b) => (b[0] < a[0] ? b : a))[1];
}

/** The share of the rows the other filters are guessed to keep. */
export function filterShare(f: { language?: string; kind?: string; topicId?: string; year?: number }): number {
  let share = 1;
  for (const k of ['language', 'kind', 'topicId', 'year'] as const) if (f[k]) share *= FILTER_SHARE[k];
  return share;
}
