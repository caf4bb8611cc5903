// `ttdn content list|unpublish|publish-due`: what an operator needs without the admin app — see
// what is there, take a version offline at once, publish what is due when the job runner is not running.
import { parseArgs } from 'node:util';
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import { fail, type Command } from './command.js';
import { USAGE } from './usage.js';

async function listVersions(ctx: Context, args: string[]) {
  const { values } = parseArgs({ args, options: { state: { type: 'string' }, agency: { type: 'string' } } });
  const agency = values.agency ? (await accounts.listAgencies(ctx, {})).find((a) => a.slug === values.agency) : undefined;
  if (values.agency && !agency) fail(`No agency "${values.agency}".`);
  const { items } = await content.listWorkingVersions(ctx, { state: values.state, agencyId: agency?.id, limit: 200 });
  for (const v of items) process.stdout.write(`${v.id}\t${v.language}\t${v.state}${v.online ? '\tonline' : ''}\t${v.title}\n`);
}

async function unpublish(ctx: Context, versionId: string | undefined) {
  if (!versionId) fail('content unpublish needs a version id (see: ttdn content list).', 2);
  const { version } = await content.unpublish(ctx, versionId);
  process.stdout.write(`Unpublished ${version.id} (${version.language}); it is offline now.\n`);
}

async function publishDue(ctx: Context) {
  const result = await content.publishDue(ctx);
  process.stdout.write(`Published ${result.published.length} scheduled version(s); ${result.failed.length} failed.\n`);
  for (const f of result.failed) process.stdout.write(`  ${f.id}: ${f.reason}\n`);
}

export const contentCommand: Command = async ({ ctx }, [sub, ...rest]) => {
  if (sub === 'list') return listVersions(ctx, rest);
  if (sub === 'unpublish') return unpublish(ctx, rest[0]);
  if (sub === 'publish-due') return publishDue(ctx);
  fail(USAGE, 2);
};
