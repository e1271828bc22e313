/**
 * The smallest single-range edit between two strings, for binding a plain `<textarea>` to a
 * `Y.Text`. Positions are UTF-16 code unit offsets, the unit of both `HTMLTextAreaElement`
 * selections and `Y.Text` indexes, and an edit never splits a surrogate pair, so an emoji is
 * deleted or inserted whole.
 */
export interface TextEdit {
  /** Offset of the first changed code unit in the old text. */
  index: number;
  /** Number of code units removed at `index`. */
  deleteCount: number;
  /** Text inserted at `index`. */
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Computes the changed range between `before` and `after`, or null when they are equal.
 * `caret` is the caret offset in `after`, when known: where a run of equal characters makes
 * the range ambiguous ("aa" to "aaa"), the range is placed so that it ends at the caret, which
 * is where the user typed.
 */
export function diffText(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) {
    return null;
  }
  const maxPrefix = Math.min(before.length, after.length);
  // Text typed at the caret ends there, so the common prefix may not reach past the caret
  // minus the length gained. Otherwise the edit would be placed after what the user typed.
  const grown = Math.max(0, after.length - before.length);
  const caretLimit = caret === undefined ? maxPrefix : Math.min(maxPrefix, Math.max(0, caret - grown));

  let prefix = 0;
  while (prefix < caretLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) {
    prefix--;
  }

  const maxSuffix = Math.min(before.length, after.length) - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) {
    suffix--;
  }

  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** One step of a `Y.Text` change delta, as `YTextEvent.delta` lists them. */
export interface DeltaStep {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

function insertedLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Maps an offset of the text before a remote change to the same place in the text after it.
 * Text inserted exactly at the offset goes before it, so a collaborator typing at the local
 * caret pushes the caret along instead of appearing after it. An offset inside a deleted
 * range moves to the start of that range.
 */
export function mapOffsetThroughDelta(offset: number, delta: readonly DeltaStep[]): number {
  let oldPosition = 0;
  let shift = 0;
  for (const step of delta) {
    if (step.retain !== undefined) {
      oldPosition += step.retain;
      if (oldPosition > offset) {
        break;
      }
    } else if (step.insert !== undefined) {
      if (oldPosition > offset) {
        break;
      }
      shift += insertedLength(step.insert);
    } else if (step.delete !== undefined) {
      if (oldPosition >= offset) {
        break;
      }
      const removed = Math.min(step.delete, offset - oldPosition);
      shift -= removed;
      oldPosition += step.delete;
      if (oldPosition > offset) {
        break;
      }
    }
  }
  return offset + shift;
}
