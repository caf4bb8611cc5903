// `npm run bench`: figures measured in one run on this machine, quoted as medians/percentiles and
// ratios. The machine is shared and noisy: compare ratios, not absolute numbers between runs.
// BENCH_ONLY=http|search|media|portal|api|import runs one part; BENCH_ITEMS sets the corpus size (default 100,000);
// BENCH_ENGINES=pglite,postgres chooses the engines of the search part (BENCH_PG_URL: the server).
import { benchApi } from './api.js';
import { benchHttp } from './http.js';
import { benchImport } from './import.js';
import { benchMedia } from './media.js';
import { benchPortal } from './portal.js';
import { benchSearch } from './search.js';

const only = process.env.BENCH_ONLY;
if (!only || only === 'http') await benchHttp();
if (!only || only === 'search') await benchSearch();
if (!only || only === 'media') await benchMedia();
if (!only || only === 'portal') await benchPortal();
if (!only || only === 'api') await benchApi();
if (!only || only === 'import') await benchImport();
