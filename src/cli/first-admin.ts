// Bootstrap on the first start (`ttdn serve`): the operator agency and a first administrator, so a
// fresh installation can be signed in to whether demo data is loaded or not.
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import { DEMO_AGENCIES, OPERATOR_SLUG } from './seed.js';

/** The operator agency, created bare when demo data is off. */
export async function ensureOperatorAgency(ctx: Context): Promise<string> {
  const all = await accounts.listAgencies(ctx, { includeArchived: true });
  const op = all.find((a) => a.isOperator);
  if (op) return op.id;
  const d = DEMO_AGENCIES.find((a) => a.slug === OPERATOR_SLUG)!;
  const row = await accounts.createAgency(ctx, {
    slug: d.slug,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    type: d.type,
    isOperator: true,
    descriptionVi: d.descriptionVi,
    descriptionEn: d.descriptionEn,
  });
  return row.id;
}

/** On first start: the first administrator, with a generated password shown once. */
export async function ensureFirstAdmin(ctx: Context): Promise<{ username: string; password: string } | null> {
  if ((await accounts.countAllUsers(ctx)) > 0 && (await accounts.countActiveAdmins(ctx)) > 0) return null;
  const operatorId = await ensureOperatorAgency(ctx);
  const username = (await accounts.listUsers(ctx, { q: 'admin' })).some((u) => u.username === 'admin') ? `admin-${Date.now() % 100000}` : 'admin';
  const { password } = await accounts.createUser(ctx, {
    agencyId: operatorId,
    email: `${username}@localhost.localdomain`,
    username,
    displayName: 'Quản trị hệ thống',
    role: 'admin',
  });
  return { username, password };
}
