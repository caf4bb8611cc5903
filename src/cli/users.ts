// `ttdn users create|reset-password|unlock|list`: the operator's way in when no administrator can
// sign in (lost password, lock). Passwords are generated and shown once, or read from standard input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../core/actor.js';
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import { fail, type Command } from './command.js';
import { USAGE } from './usage.js';

function readStdinPassword(): string {
  const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!text) fail('No password on standard input.');
  return text;
}

async function createUser(ctx: Context, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  if (!values.email || !values.agency || !values.role) fail('users create needs --email, --agency and --role.', 2);
  if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}.`, 2);
  const agencies = await accounts.listAgencies(ctx, { includeArchived: false });
  const agency = agencies.find((a) => a.slug === values.agency || a.id === values.agency);
  if (!agency) fail(`No agency "${values.agency}". Agencies: ${agencies.map((a) => a.slug).join(', ')}`);
  const username = values.username ?? values.email.split('@')[0].replace(/[^A-Za-z0-9._-]/g, '-');
  const { user, password } = await accounts.createUser(ctx, {
    agencyId: agency.id,
    email: values.email,
    username,
    displayName: values.name ?? username,
    role: values.role as Role,
    password: values['password-stdin'] ? readStdinPassword() : undefined,
  });
  process.stdout.write(`Created ${user.username} (${user.role}, ${agency.slug}).\n`);
  if (!values['password-stdin']) process.stdout.write(`Password (shown once, must be changed at first sign-in): ${password}\n`);
}

async function resetPasswordOrUnlock(ctx: Context, sub: 'reset-password' | 'unlock', args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'password-stdin': { type: 'boolean' } } });
  if (!positionals[0]) fail(`users ${sub} needs the user's e-mail or user name.`, 2);
  const user = await accounts.findUserByLogin(ctx, positionals[0]);
  if (sub === 'unlock') {
    await accounts.unlockUser(ctx, user.id);
    process.stdout.write(`Unlocked ${user.username}.\n`);
    return;
  }
  const { password } = await accounts.resetUserPassword(ctx, user.id, { password: values['password-stdin'] ? readStdinPassword() : undefined });
  process.stdout.write(`Password of ${user.username} reset; all its sessions ended; it must be changed at next sign-in.\n`);
  if (!values['password-stdin']) process.stdout.write(`New password (shown once): ${password}\n`);
}

async function listUsers(ctx: Context) {
  const rows = await accounts.listUsers(ctx, {});
  for (const u of rows) process.stdout.write(`${u.username}\t${u.role}\t${u.email}${u.lockedAt ? '\tLOCKED' : ''}${u.disabledAt ? '\tDISABLED' : ''}\n`);
}

export const usersCommand: Command = async ({ ctx }, [sub, ...rest]) => {
  if (sub === 'create') return createUser(ctx, rest);
  if (sub === 'reset-password' || sub === 'unlock') return resetPasswordOrUnlock(ctx, sub, rest);
  if (sub === 'list') return listUsers(ctx);
  fail(USAGE, 2);
};
