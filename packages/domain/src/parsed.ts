/**
 * The result of validating untrusted input: the typed value, or the first invalid field
 * with a message that names the value and the fix.
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** Path of the first invalid field, such as `pix[0].valor`, or `body` for the input itself. */
      field: string;
      message: string;
    };
