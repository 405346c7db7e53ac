import { BlockList, isIP } from 'node:net';

// Which peers may tell us the client's scheme, host and address through X-Forwarded-* headers.
export type TrustProxySetting =
  { mode: 'none' } | { mode: 'all' } | { mode: 'list'; description: string; entries: string[] };

const loopback = ['127.0.0.0/8', '::1/128'];

export function parseTrustProxy(text: string): TrustProxySetting | string {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0' || value === 'no') return { mode: 'none' };
  if (value === 'true' || value === '1' || value === 'yes') return { mode: 'all' };
  const entries: string[] = [];
  for (const item of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (item === 'loopback') {
      entries.push(...loopback);
      continue;
    }
    const [address, prefix] = item.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    if (!family || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix))) {
      return `TRUST_PROXY must be false, true, loopback, or a comma-separated list of proxy addresses or CIDR ranges; "${item}" is none of these`;
    }
    entries.push(prefix === undefined ? `${address}/${maxPrefix}` : `${address}/${prefix}`);
  }
  return { mode: 'list', description: value, entries };
}

export function createProxyTrust(setting: TrustProxySetting): (address: string | undefined) => boolean {
  if (setting.mode === 'none') return () => false;
  if (setting.mode === 'all') return () => true;
  const list = new BlockList();
  for (const entry of setting.entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const family = isIP(plain);
    if (!family) return false;
    return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}
