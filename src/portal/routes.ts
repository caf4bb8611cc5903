// The public portal. Until the portal issue lands this is a bilingual landing page that says
// what the system is and where its parts are; `/` picks the language from Accept-Language.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { escapeHtml } from '../core/html.js';
import { pickLocale, type Locale } from '../core/i18n.js';


const copy = {
  vi: {
    title: 'Cơ sở dữ liệu thông tin đối ngoại',
    lead: 'Hệ thống thu thập, thẩm định, công bố và chia sẻ thông tin đối ngoại của {place}, theo Quyết định 69/2021/QĐ-UBND.',
    admin: 'Ứng dụng quản trị (cơ quan, đơn vị đăng nhập)',
    api: 'Tài liệu API mở (OpenAPI)',
    other: 'English',
    skip: 'Bỏ qua, đến nội dung chính',
  },
  en: {
    title: 'Foreign Information Database',
    lead: 'The system that collects, appraises, publishes and shares foreign information about {place}, under Decision 69/2021/QĐ-UBND.',
    admin: 'Administration app (sign-in for agencies)',
    api: 'Open API documentation (OpenAPI)',
    other: 'Tiếng Việt',
    skip: 'Skip to main content',
  },
} satisfies Record<Locale, Record<string, string>>;

function page(locale: Locale, config: Config): string {
  const c = copy[locale];
  const place = locale === 'vi' ? config.jurisdiction.nameVi : config.jurisdiction.nameEn;
  const other = locale === 'vi' ? 'en' : 'vi';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)} — ${escapeHtml(place)}</title>
<link rel="alternate" hreflang="${other}" href="/${other}/">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f7f7f5}
a{color:#0b4f8a}a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:#7a1f1f;color:#fff;padding:1rem 1.25rem;display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
header a{color:#fff}main{max-width:46rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 1rem}ul{padding-left:1.2rem}li{margin:.4rem 0}
</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(c.skip)}</a>
<header><strong>${escapeHtml(place)}</strong><nav aria-label="${locale === 'vi' ? 'Ngôn ngữ' : 'Language'}"><a href="/${other}/" hreflang="${other}" lang="${other}">${escapeHtml(c.other)}</a></nav></header>
<main id="main">
<h1>${escapeHtml(c.title)}</h1>
<p>${escapeHtml(c.lead.replace('{place}', place))}</p>
<ul>
<li><a href="/admin/">${escapeHtml(c.admin)}</a></li>
<li><a href="/api/docs">${escapeHtml(c.api)}</a></li>
</ul>
</main>
</body>
</html>`;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7a1f1f"/><text x="16" y="22" font-family="Arial,sans-serif" font-size="15" font-weight="700" fill="#fff" text-anchor="middle">TT</text></svg>`;

export async function portalRoutes(app: FastifyInstance, { config }: { config: Config }) {
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, { schema: { hide: true } }, async (_req, reply) =>
      reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
    );
  }
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    return reply.header('vary', 'Accept-Language').redirect(`/${locale}/`, 302);
  });
  for (const locale of ['vi', 'en'] as const) {
    app.get(`/${locale}/`, { schema: { hide: true } }, async (_req, reply) =>
      reply.header('content-type', 'text/html; charset=utf-8').header('content-language', locale).send(page(locale, config)),
    );
  }
}
