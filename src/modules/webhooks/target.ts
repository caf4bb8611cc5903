// Where a webhook may be sent (SSRF): only to addresses on the public internet, unless the
// operator allows private targets (WEBHOOK_ALLOW_PRIVATE_TARGETS, e.g. for agencies' systems on an
// internal network). An IP address in the URL is checked before sending; a name is checked as the
// connection is made, on the addresses it resolves to then (`guardedLookup`): no DNS rebinding
// between a check and the connection.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** Whether an IP address (v4 or v6, IPv4-mapped included) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (!family) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const refusal = (address: string) => `target address ${address} is not on the public internet (WEBHOOK_ALLOW_PRIVATE_TARGETS)`;

/** Why a URL's IP address may not be used (null when it may, or when the host is a name: see guardedLookup). */
export function literalTargetRefusal(url: string, allowPrivate: boolean): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return !allowPrivate && isIP(host) && !isPublicAddress(host) ? refusal(host) : null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that fails the connection when a name resolves off the public internet. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const blocked = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (blocked) return callback(Object.assign(new Error(refusal(blocked.address)), { code: 'ETARGETPRIVATE' }), '');
      if (!list.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}
