import { describe, expect, it } from 'vitest';
import { previewText } from '../src/renderer/lib/notify';

describe('previewText', () => {
  it('keeps short text on one line', () => {
    expect(previewText('Olá,\n  tudo bem?')).toBe('Olá, tudo bem?');
  });

  it('cuts long text with an ellipsis', () => {
    const preview = previewText('a'.repeat(100), 10);
    expect(preview).toBe(`${'a'.repeat(9)}…`);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(previewText('😀'.repeat(5), 5)).toBe('😀'.repeat(5));
    expect(previewText('😀'.repeat(6), 5)).toBe(`${'😀'.repeat(4)}…`);
  });
});
