// The exhaustive tables (caller × action × state) run whole once, on the embedded database that
// `npm test` uses; the PostgreSQL pass of CI runs a representative sample of them, which is enough
// to catch SQL that differs between the engines (the decisions themselves do not depend on it).
// TEST_MATRIX=full or TEST_MATRIX=sample overrides the default; `npm run test:fast` samples.
export const FULL_MATRIX = process.env.TEST_MATRIX ? process.env.TEST_MATRIX !== 'sample' : !process.env.TEST_DATABASE_URL;

/**
 * A sampler for one table: `keep(...facets)` is true for every row when the table runs whole, and
 * otherwise for a row that is the first of any of its facets — e.g. `keep([action, outcome],
 * [caller, outcome], [state, outcome])` keeps every outcome of each action, of each caller and of
 * each state at least once. Rows are registered in a fixed order, so the sample is the same each run.
 */
export function sampler(): (...facets: unknown[][]) => boolean {
  const seen = new Set<string>();
  return (...facets) => {
    let fresh = false;
    for (const facet of facets) {
      const key = JSON.stringify(facet);
      if (!seen.has(key)) {
        seen.add(key);
        fresh = true;
      }
    }
    return FULL_MATRIX || fresh;
  };
}
