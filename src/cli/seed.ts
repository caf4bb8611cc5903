// `ttdn seed [--items N]`, and the demo data it loads: real agencies of Huế (since 2025 a centrally
// governed city with wards and communes, no districts), each with its account, their items and cases.
// `ttdn serve` loads the same on an empty database.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../core/actor.js';
import type { Context } from '../core/context.js';
import { migrateDatabase } from '../db/migrate.js';
import { analyzeChanged } from '../db/statistics.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import { systemContext } from './context.js';
import { fail, type Command } from './command.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoContent } from './demo-content.js';
import { seedSyntheticItems } from './synthetic.js';

interface SeedAgency {
  slug: string;
  nameVi: string;
  nameEn: string;
  type: accounts.AgencyType;
  parent?: string;
  isOperator?: boolean;
  role: Role;
  descriptionVi?: string;
  descriptionEn?: string;
  contact?: { phone?: string; address?: string; website?: string; email?: string };
}

export const DEMO_AGENCIES: SeedAgency[] = [
  {
    slug: 'ubnd-thanh-pho-hue',
    nameVi: 'Ủy ban nhân dân thành phố Huế',
    nameEn: "Hue City People's Committee",
    type: 'other',
    role: 'contributor',
    contact: { address: '16 Lê Lợi, phường Thuận Hóa, thành phố Huế', website: 'https://hue.gov.vn' },
  },
  {
    slug: 'so-van-hoa-the-thao',
    nameVi: 'Sở Văn hóa và Thể thao',
    nameEn: 'Department of Culture and Sports',
    type: 'department',
    parent: 'ubnd-thanh-pho-hue',
    isOperator: true,
    role: 'appraiser',
    descriptionVi:
      'Đơn vị vận hành cơ sở dữ liệu thông tin đối ngoại: thu thập, thẩm định, phân loại, công bố thông tin (tiếp nhận chức năng báo chí, thông tin đối ngoại từ Sở Thông tin và Truyền thông từ năm 2025).',
    descriptionEn:
      'Operator of the foreign-information database: collects, appraises, classifies and publishes information (took over the press and foreign-information functions of the former Department of Information and Communications in 2025).',
  },
  { slug: 'so-du-lich', nameVi: 'Sở Du lịch', nameEn: 'Department of Tourism', type: 'department', parent: 'ubnd-thanh-pho-hue', role: 'contributor' },
  {
    slug: 'so-ngoai-vu',
    nameVi: 'Sở Ngoại vụ',
    nameEn: 'Department of Foreign Affairs',
    type: 'department',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
  },
  { slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', type: 'department', parent: 'ubnd-thanh-pho-hue', role: 'contributor' },
  {
    slug: 'so-khoa-hoc-cong-nghe',
    nameVi: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    type: 'department',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
  },
  {
    slug: 'trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh',
    nameVi: 'Trung tâm Giám sát, điều hành đô thị thông minh',
    nameEn: 'Smart City Operations Centre (IOC)',
    type: 'public_service_unit',
    parent: 'so-khoa-hoc-cong-nghe',
    role: 'security',
    descriptionVi: 'Bảo đảm an toàn, an ninh thông tin cho hệ thống; giám sát, theo dõi nhật ký.',
    descriptionEn: 'Keeps the system secure; monitors it and reads the audit log.',
  },
  {
    slug: 'trung-tam-bao-ton-di-tich-co-do-hue',
    nameVi: 'Trung tâm Bảo tồn Di tích Cố đô Huế',
    nameEn: 'Hue Monuments Conservation Centre',
    type: 'public_service_unit',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
    contact: { address: '23 Tống Duy Tân, thành phố Huế', website: 'https://hueworldheritage.org.vn' },
  },
  {
    slug: 'ubnd-phuong-thuan-hoa',
    nameVi: 'Ủy ban nhân dân phường Thuận Hóa',
    nameEn: "Thuận Hóa Ward People's Committee",
    type: 'commune',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
  },
  {
    slug: 'ubnd-phuong-phu-xuan',
    nameVi: 'Ủy ban nhân dân phường Phú Xuân',
    nameEn: "Phú Xuân Ward People's Committee",
    type: 'commune',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
  },
  {
    slug: 'ubnd-phuong-kim-long',
    nameVi: 'Ủy ban nhân dân phường Kim Long',
    nameEn: "Kim Long Ward People's Committee",
    type: 'commune',
    parent: 'ubnd-thanh-pho-hue',
    role: 'contributor',
  },
  {
    slug: 'dai-hoc-hue',
    nameVi: 'Đại học Huế',
    nameEn: 'Hue University',
    type: 'central_agency',
    role: 'contributor',
    contact: { address: '03 Lê Lợi, thành phố Huế', website: 'https://hueuni.edu.vn' },
  },
  {
    slug: 'bao-va-phat-thanh-truyen-hinh-hue',
    nameVi: 'Báo và Phát thanh, Truyền hình Huế',
    nameEn: 'Hue Newspaper, Radio and Television',
    type: 'press',
    role: 'reader',
  },
  {
    slug: 'thong-tan-xa-viet-nam-tai-hue',
    nameVi: 'Phân xã Thông tấn xã Việt Nam tại Huế',
    nameEn: 'Vietnam News Agency, Hue bureau',
    type: 'press',
    role: 'reader',
  },
];

export const OPERATOR_SLUG = 'so-van-hoa-the-thao';

/** Creates the demo agencies and their accounts; writes the accounts' passwords to a private file. */
export async function seedDemoData(ctx: Context, dataDir: string): Promise<{ agencies: number; accounts: number; versions: number; credentialsFile: string }> {
  const ids = new Map<string, string>();
  const lines = ['# TTDN demo accounts (generated passwords; each must be changed at first sign-in)', '# username\trole\tpassword'];
  for (const a of DEMO_AGENCIES) {
    const existing = await accounts.listAgencies(ctx, { q: a.slug, includeArchived: true });
    const found = existing.find((x) => x.slug === a.slug);
    const row =
      found ??
      (await accounts.createAgency(ctx, {
        slug: a.slug,
        nameVi: a.nameVi,
        nameEn: a.nameEn,
        type: a.type,
        parentId: a.parent ? ids.get(a.parent) : null,
        isOperator: a.isOperator ?? false,
        descriptionVi: a.descriptionVi,
        descriptionEn: a.descriptionEn,
        contact: { email: `${a.slug}@demo.hue.gov.vn`, ...a.contact },
        functions: a.type === 'press' ? ['exploit'] : ['contribute', 'exploit', 'answer_cases'],
      }));
    ids.set(a.slug, row.id);
    if (found) continue;
    const { password } = await accounts.createUser(ctx, {
      agencyId: row.id,
      email: `${a.slug}@demo.hue.gov.vn`,
      username: a.slug,
      displayName: a.nameVi,
      role: a.role,
    });
    lines.push(`${a.slug}\t${a.role}\t${password}`);
  }
  const versions = await seedDemoContent(ctx, OPERATOR_SLUG);
  await seedDemoCases(ctx, OPERATOR_SLUG);
  await analyzeChanged(ctx.db);
  mkdirSync(dataDir, { recursive: true });
  const credentialsFile = join(dataDir, 'demo-accounts.txt');
  writeFileSync(credentialsFile, lines.join('\n') + '\n', { mode: 0o600 });
  chmodSync(credentialsFile, 0o600);
  return { agencies: ids.size, accounts: lines.length - 2, versions, credentialsFile };
}

export const seedCommand: Command = async ({ config, handle }, args) => {
  await migrateDatabase(handle);
  const { values } = parseArgs({ args, options: { items: { type: 'string' } } });
  const ctx = systemContext(handle, config, 'system:seed');
  await content.ensureDefaultTopics(ctx);
  const seeded = await seedDemoData(ctx, config.dataDir);
  process.stdout.write(
    `Demo data: ${seeded.agencies} agencies, ${seeded.accounts} new accounts, ${seeded.versions} language versions of items. Passwords: ${seeded.credentialsFile}\n`,
  );
  if (!values.items) return;
  const n = Number(values.items);
  if (!Number.isSafeInteger(n) || n < 1 || n > 5_000_000) fail('--items must be a whole number from 1 to 5000000', 2);
  const started = Date.now();
  await seedSyntheticItems(ctx, n, (done, total) => process.stderr.write(`\r${done}/${total} synthetic items`));
  process.stderr.write('\n');
  // what follows a bulk load (the bench) queries at once: statistics now, even where autovacuum would come later
  await analyzeChanged(ctx.db, { force: true });
  process.stdout.write(`Synthetic items: ${n} published in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
};
