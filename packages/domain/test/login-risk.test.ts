import { describe, expect, it } from 'vitest';
import { networkPrefix, scoreLogin, type LoginRiskInput } from '../src/security/login-risk.js';

const KNOWN: LoginRiskInput = {
  deviceId: 'laptop',
  network: '203.0.113.0/24',
  knownDeviceIds: ['laptop'],
  knownNetworks: ['203.0.113.0/24'],
  recentFailures: 0,
  hasHistory: true,
};

describe('networkPrefix', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:1:2::5', '2001:db8:1::/48'],
    ['2001:0db8:0001:ffff:0:0:0:1', '2001:db8:1::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
  ])('reduces %s to %s', (address, prefix) => {
    expect(networkPrefix(address)).toBe(prefix);
  });

  it.each([['256.1.1.1'], ['not an address'], [''], [null], ['1:2:3:4:5:6:7:8:9'], ['1::2::3']])('returns null for %s', (address) => {
    expect(networkPrefix(address)).toBeNull();
  });
});

describe('scoreLogin', () => {
  it('accepts a known device on a known network', () => {
    expect(scoreLogin(KNOWN)).toEqual({ suspicious: false, reasons: [] });
  });

  it('flags a new device', () => {
    expect(scoreLogin({ ...KNOWN, deviceId: 'phone' }).reasons).toEqual(['new_device']);
  });

  it('flags a network not seen in 90 days', () => {
    expect(scoreLogin({ ...KNOWN, network: '198.51.100.0/24' }).reasons).toEqual(['new_network']);
  });

  it('ignores an unknown address', () => {
    expect(scoreLogin({ ...KNOWN, network: null }).suspicious).toBe(false);
  });

  it('flags five failed attempts but not four', () => {
    expect(scoreLogin({ ...KNOWN, recentFailures: 5 }).reasons).toEqual(['failed_attempts']);
    expect(scoreLogin({ ...KNOWN, recentFailures: 4 }).suspicious).toBe(false);
  });

  it('lets a first login through unless failures preceded it', () => {
    const first = { ...KNOWN, knownDeviceIds: [], knownNetworks: [], hasHistory: false };

    expect(scoreLogin(first).suspicious).toBe(false);
    expect(scoreLogin({ ...first, recentFailures: 7 }).reasons).toEqual(['failed_attempts']);
  });
});
