// `ttdn export national --full|--since CURSOR --out FILE`: writes the national export (docs/export.md)
// as JSON Lines. Lines go to a scratch file as they are read; the header (which carries the counts)
// is written first into FILE.tmp, the lines are streamed after it, and FILE.tmp is renamed to FILE:
// a reader never sees a half-written export, and memory stays bounded.
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import * as content from '../modules/content/service.js';
import { fail, type Command } from './command.js';

async function writeLines(path: string, produce: (write: content.ExportLine) => Promise<content.ExportHeader>): Promise<content.ExportHeader> {
  const body = `${path}.lines`;
  const tmp = `${path}.tmp`;
  try {
    const out = createWriteStream(body);
    const write: content.ExportLine = async (line) => {
      if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
    };
    const head = await produce(write);
    out.end();
    await once(out, 'finish');
    const final = createWriteStream(tmp);
    final.write(JSON.stringify(head) + '\n');
    await pipeline(createReadStream(body), final);
    renameSync(tmp, path);
    return head;
  } finally {
    rmSync(body, { force: true });
    rmSync(tmp, { force: true });
  }
}

export const exportCommand: Command = async ({ ctx }, [sub, ...args]) => {
  const usage = 'Usage: ttdn export national (--full | --since CURSOR) --out FILE';
  if (sub !== 'national') fail(usage, 2);
  const { values } = parseArgs({ args, options: { full: { type: 'boolean' }, since: { type: 'string' }, out: { type: 'string' } } });
  if (!values.out || Boolean(values.full) === (values.since !== undefined)) fail(usage, 2);
  const since = values.since;
  const head = await writeLines(values.out, (write) =>
    since !== undefined ? content.exportNationalSince(ctx, since, write) : content.exportNationalFull(ctx, write),
  );
  process.stderr.write(
    `${head.mode} export: ${head.counts.upserts} upserts, ${head.counts.tombstones} tombstones, ${head.counts.media} media references → ${values.out}\n`,
  );
  process.stdout.write(`${head.cursor}\n`);
};
