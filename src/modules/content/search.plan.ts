// How to find the capped candidate set of a search (see ../../../docs/search.md, "Plans"):
// estimate the matches from the lexicon (search_words: per word, the number of public published
// versions holding it), then pick a plan the planner cannot get wrong.
//
// - bitmap:  few matches. All matches come from the GIN index (no tsvector is read), then the
//            newest N are kept. Cost grows with the matches.
// - ordered: many matches, no other filter. The newest rows are walked in date order and each one's
//            tsvector is read until N match. Cost grows with N / (share of rows matching).
// - planner: many matches and other filters (kind, agency, …): PostgreSQL's own choice, with its
//            statistics for those columns.
// Walking in date order reads a TOASTed tsvector per row (~5–10 µs); the bitmap costs well under
// 1 µs per match. They cost the same when matches² ≈ N × docs × ORDERED_ROW_COST, hence the
// square-root threshold.

export type SearchPlan = 'bitmap' | 'ordered' | 'planner';

/** cost of reading a row in date order (tsvector detoast + match) / cost of a bitmap match */
const ORDERED_ROW_COST = 20;
/** below this many estimated matches the bitmap is always used (small databases, rare words) */
const BITMAP_FLOOR = 2000;

export interface QueryStats {
  /** the tsquery as text, e.g. `'hue' & 'festival'`, `'le' <-> 'hoi'`, `!'a' | 'b'` */
  tsquery: string;
  /** public published versions holding each lexeme (absent: none) */
  ndoc: Map<string, number>;
  /** public published versions */
  docs: number;
}

/**
 * Estimated matches of a tsquery: AND and phrase take the smallest operand, OR adds (up to every
 * document), NOT counts every document (it does not narrow an AND). An upper bound for AND.
 */
export function estimateMatches(s: QueryStats): number {
  const text = s.tsquery.trim();
  if (!text) return 0;
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
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
    if (t === '!') {
      unary();
      return s.docs;
    }
    if (t === '(') {
      const v = orExpr();
      if (peek() === ')') i++;
      return v;
    }
    if (t === undefined) return s.docs;
    return Math.min(s.docs, s.ndoc.get(t) ?? 0);
  };
  return orExpr();
}

/** Lexemes (unquoted) and operators of a tsquery's text form. */
function tokenize(text: string): string[] {
  const out: string[] = [];
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
      out.push(lex);
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      out.push(text.slice(i, end + 1));
      i = end + 1;
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

/** The matches above which walking in date order beats the bitmap, for `need` candidates. */
export function bitmapLimit(need: number, docs: number): number {
  return Math.max(BITMAP_FLOOR, Math.sqrt(need * ORDERED_ROW_COST * docs));
}

export function choosePlan(estimate: number, docs: number, need: number, filtered: boolean): SearchPlan {
  if (estimate <= bitmapLimit(need, docs)) return 'bitmap';
  return filtered ? 'planner' : 'ordered';
}
