import { useEffect, type RefObject } from 'react';
import type * as Y from 'yjs';
import { diffText, mapOffsetThroughDelta, type DeltaStep } from '../../lib/collab/text-diff';

/** Transaction origin of edits made in this textarea, so the observer skips its own changes. */
const LOCAL_ORIGIN = Symbol('notes-textarea');

/**
 * Binds an uncontrolled `<textarea>` to a `Y.Text`. A local edit is applied as the smallest
 * delete and insert (see {@link diffText}), so concurrent edits elsewhere in the text merge.
 * A remote change replaces the value and moves the selection through the change delta, so
 * the local caret stays on the same character. A read-only binding ignores local input.
 */
export function useTextBinding(ref: RefObject<HTMLTextAreaElement | null>, text: Y.Text | undefined, readOnly: boolean): void {
  useEffect(() => {
    const textarea = ref.current;
    if (textarea === null || text === undefined) return;
    let shown = text.toString();
    textarea.value = shown;

    const onInput = (): void => {
      if (readOnly) {
        textarea.value = shown;
        return;
      }
      const next = textarea.value;
      const edit = diffText(shown, next, textarea.selectionEnd);
      shown = next;
      if (edit === null) return;
      text.doc?.transact(() => {
        if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount);
        if (edit.insert !== '') text.insert(edit.index, edit.insert);
      }, LOCAL_ORIGIN);
    };

    const onRemoteChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === LOCAL_ORIGIN) return;
      const delta = event.delta as DeltaStep[];
      const focused = document.activeElement === textarea;
      const start = mapOffsetThroughDelta(textarea.selectionStart, delta);
      const end = mapOffsetThroughDelta(textarea.selectionEnd, delta);
      const scrollTop = textarea.scrollTop;
      shown = text.toString();
      textarea.value = shown;
      textarea.scrollTop = scrollTop;
      if (focused) textarea.setSelectionRange(start, end, textarea.selectionDirection);
    };

    textarea.addEventListener('input', onInput);
    text.observe(onRemoteChange);
    return () => {
      textarea.removeEventListener('input', onInput);
      text.unobserve(onRemoteChange);
    };
  }, [ref, text, readOnly]);
}
