import { describe, expect, it } from 'vitest';
import { diffText, mapOffsetThroughDelta, type TextEdit } from '../src/renderer/lib/collab/text-diff';

/** Applies an edit to `before`, as the binding applies it to the Y.Text. */
function apply(before: string, edit: TextEdit | null): string {
  if (edit === null) return before;
  return before.slice(0, edit.index) + edit.insert + before.slice(edit.index + edit.deleteCount);
}

describe('diffText', () => {
  it('returns null for equal texts', () => {
    expect(diffText('abc', 'abc')).toBeNull();
  });

  it('finds an insertion', () => {
    expect(diffText('Riscos:', 'Riscos: baixo', 13)).toEqual({ index: 7, deleteCount: 0, insert: ' baixo' });
  });

  it('finds a deletion', () => {
    expect(diffText('Garantias: imóvel', 'Garantias:', 10)).toEqual({ index: 10, deleteCount: 7, insert: '' });
  });

  it('finds a replacement', () => {
    expect(diffText('taxa de 2%', 'taxa de 3%', 9)).toEqual({ index: 8, deleteCount: 1, insert: '3' });
  });

  it('places a repeated character at the caret', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, deleteCount: 0, insert: 'a' });
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, deleteCount: 1, insert: '' });
  });

  it('keeps an emoji whole', () => {
    // 😀 (U+1F600) and 😃 (U+1F603) share the high surrogate \ud83d.
    const edit = diffText('a😀b', 'a😃b', 3);
    expect(edit).toEqual({ index: 1, deleteCount: 2, insert: '😃' });
    const removed = diffText('x😀😀', 'x😀', 3);
    expect(removed?.deleteCount).toBe(2);
    expect(apply('x😀😀', removed)).toBe('x😀');
  });

  it('handles accents and multi-unit text', () => {
    const cases: Array<[string, string, number]> = [
      ['Finalidade:', 'Finalidade: capital de giro', 27],
      ['diligência', 'diligências', 11],
      ['👍🏽 ok', '👍🏽👍🏽 ok', 8],
      ['', 'novo texto', 10],
      ['texto antigo', '', 0],
    ];
    for (const [before, after, caret] of cases) {
      expect(apply(before, diffText(before, after, caret))).toBe(after);
      expect(apply(before, diffText(before, after))).toBe(after);
    }
  });
});

describe('mapOffsetThroughDelta', () => {
  it('moves the caret after text inserted before it', () => {
    expect(mapOffsetThroughDelta(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
  });

  it('keeps the caret before text inserted after it', () => {
    expect(mapOffsetThroughDelta(1, [{ retain: 2 }, { insert: 'abc' }])).toBe(1);
  });

  it('pushes the caret along with text inserted at it', () => {
    expect(mapOffsetThroughDelta(2, [{ retain: 2 }, { insert: 'abc' }])).toBe(5);
    expect(mapOffsetThroughDelta(0, [{ insert: 'x' }])).toBe(1);
  });

  it('moves the caret back over deleted text', () => {
    expect(mapOffsetThroughDelta(10, [{ retain: 2 }, { delete: 3 }])).toBe(7);
  });

  it('moves a caret inside a deleted range to its start', () => {
    expect(mapOffsetThroughDelta(4, [{ retain: 2 }, { delete: 3 }])).toBe(2);
  });

  it('ignores a deletion after the caret', () => {
    expect(mapOffsetThroughDelta(2, [{ retain: 2 }, { delete: 3 }])).toBe(2);
  });

  it('follows a replacement before the caret', () => {
    expect(mapOffsetThroughDelta(6, [{ retain: 1 }, { delete: 2 }, { insert: '😀😀' }])).toBe(8);
  });
});
