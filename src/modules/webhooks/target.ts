// Where a webhook may be sent (SSRF): only to addresses on the public internet, unless the
// operator allows private targets (WEBHOOK_ALLOW_PRIVATE_TARGETS, e.g. for agencies' systems on an
// internal network). Checked on every delivery against what the name resolves to then.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** Whether an IP address (v4 or v6, IPv4-mapped included) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (!family) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a target may not be used (null when it may): its host must resolve to public addresses only. */
export async function targetRefusal(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch (e) {
    return `cannot resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  return blocked ? `target address ${blocked} is not on the public internet (WEBHOOK_ALLOW_PRIVATE_TARGETS)` : null;
}
