// `ttdn audit verify`: walks the audit hash chain (docs/audit.md); exit 3 names the first broken event.
import { verifyAuditChain } from '../modules/audit/service.js';
import { fail, type Command } from './command.js';
import { USAGE } from './usage.js';

export const auditCommand: Command = async ({ handle }, [sub]) => {
  if (sub !== 'verify') fail(USAGE, 2);
  const result = await verifyAuditChain(handle.db);
  if (result.ok) process.stdout.write(`Audit chain intact: ${result.checked} events, head ${result.head}\n`);
  else fail(`Audit chain BROKEN at event seq ${result.brokenAt} (${result.reason}); ${result.checked} events before it are intact.`, 3);
};
