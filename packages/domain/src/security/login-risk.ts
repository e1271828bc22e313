/**
 * Risk of a login: a device the user never used, a network the user has not logged in from
 * in 90 days, or a burst of failed passwords right before it.
 */

/** Failed attempts on the account within {@link FAILED_ATTEMPT_WINDOW_MS} that make a login risky. */
export const FAILED_ATTEMPT_THRESHOLD = 5;
export const FAILED_ATTEMPT_WINDOW_MS = 15 * 60_000;
/** How long a network stays known after a successful login from it. */
export const KNOWN_NETWORK_MS = 90 * 86_400_000;

export type LoginRiskReason = 'new_device' | 'new_network' | 'failed_attempts';

export interface LoginRiskInput {
  deviceId: string;
  /** The login's network, from {@link networkPrefix}, or null when the address is unknown. */
  network: string | null;
  /** Device ids of the user's earlier sessions, revoked ones included. */
  knownDeviceIds: readonly string[];
  /** Networks of the user's successful logins in the last 90 days. */
  knownNetworks: readonly string[];
  /** Failed password attempts on the account in the last 15 minutes. */
  recentFailures: number;
  /** True when the user has logged in before; a first login has nothing to compare with. */
  hasHistory: boolean;
}

export interface LoginRisk {
  suspicious: boolean;
  reasons: LoginRiskReason[];
}

/** Scores a successful login. A first login is only risky after a burst of failures. */
export function scoreLogin(input: LoginRiskInput): LoginRisk {
  const reasons: LoginRiskReason[] = [];
  if (input.hasHistory && !input.knownDeviceIds.includes(input.deviceId)) reasons.push('new_device');
  if (input.hasHistory && input.network !== null && !input.knownNetworks.includes(input.network)) reasons.push('new_network');
  if (input.recentFailures >= FAILED_ATTEMPT_THRESHOLD) reasons.push('failed_attempts');
  return { suspicious: reasons.length > 0, reasons };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Prefix(address: string): string | null {
  const match = IPV4.exec(address);
  if (match === null) return null;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
}

/** Expands an IPv6 address to its eight 16-bit groups, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
      groups.push(Number.parseInt(group, 16));
    }
    return groups;
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  if (left === null || right === null) return null;
  if (tail === undefined) return left.length === 8 ? left : null;
  const missing = 8 - left.length - right.length;
  return missing < 1 ? null : [...left, ...new Array<number>(missing).fill(0), ...right];
}

/**
 * Returns the network of an address: the IPv4 /24 ("203.0.113.0/24") or the IPv6 /48
 * ("2001:db8:1::/48"). An IPv4-mapped IPv6 address counts as IPv4. Returns null for anything
 * else, so an unknown address never makes a login risky on its own.
 */
export function networkPrefix(address: string | null | undefined): string | null {
  if (typeof address !== 'string' || address === '') return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped !== null) return ipv4Prefix(mapped[1]!);
  const v4 = ipv4Prefix(address);
  if (v4 !== null) return v4;
  const groups = ipv6Groups(address.split('%')[0]!);
  if (groups === null) return null;
  return `${groups.slice(0, 3).map((group) => group.toString(16)).join(':')}::/48`;
}
