import { describe, expect, it } from 'vitest';
import { generateTxid, isEndToEndId, isTxid, isWebhookTxid } from '../src/index.js';

describe('generateTxid', () => {
  it('returns 32 ASCII letters and digits', () => {
    for (let round = 0; round < 200; round += 1) {
      const txid = generateTxid();
      expect(txid).toMatch(/^[a-zA-Z0-9]{32}$/);
      expect(isTxid(txid)).toBe(true);
    }
  });

  it('does not repeat', () => {
    const txids = new Set(Array.from({ length: 1000 }, () => generateTxid()));
    expect(txids.size).toBe(1000);
  });

  it('uses the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateTxid()).join(''));
    expect(seen.size).toBe(62);
  });
});

describe('identifier checks', () => {
  it.each([
    ['a'.repeat(26), true],
    ['a'.repeat(35), true],
    ['a'.repeat(25), false],
    ['a'.repeat(36), false],
    [`${'a'.repeat(30)}-b`, false],
    [42, false],
  ])('isTxid(%j) is %s', (value, expected) => {
    expect(isTxid(value)).toBe(expected);
  });

  it.each([
    ['a', true],
    ['a'.repeat(35), true],
    ['', false],
    ['a'.repeat(36), false],
  ])('isWebhookTxid(%j) is %s', (value, expected) => {
    expect(isWebhookTxid(value)).toBe(expected);
  });

  it.each([
    ['E12345678202009091221kkkkkkkkkkk', true],
    ['E12345678202009091221kkkkkkkkkk', false],
    ['E12345678202009091221kkkkkkkkkkkk', false],
    ['E12345678-02009091221kkkkkkkkkkk', false],
    [null, false],
  ])('isEndToEndId(%j) is %s', (value, expected) => {
    expect(isEndToEndId(value)).toBe(expected);
  });
});
