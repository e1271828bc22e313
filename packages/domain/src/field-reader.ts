/**
 * Small helpers for validating untrusted JSON field by field. A check that fails throws a
 * {@link FieldError} carrying the field path, and the parser that owns the walk turns it into
 * a `Parsed` failure, so the first invalid field wins.
 */

/** A validation failure at one field path. Internal to the parsers of this package. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

/** Renders an invalid value for an error message: strings quoted and cut to 60 characters, objects and arrays by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }
  if (value !== null && typeof value === 'object') {
    return 'an object';
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads an own property only, so inherited names such as `__proto__` or `constructor` never count as fields. */
export function ownField(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Reads a required field, failing with "`path` is missing" and the hint when it is absent or null. */
export function requireField(
  object: Record<string, unknown>,
  key: string,
  path: string,
  hint: string,
): unknown {
  const value = ownField(object, key);
  if (value === undefined || value === null) {
    throw new FieldError(path, `${path} is missing: ${hint}`);
  }
  return value;
}

/**
 * Reads an optional string of at most `maxLength` characters. Absent and null both read as
 * undefined, because providers send null for optional fields they leave empty.
 */
export function optionalString(
  object: Record<string, unknown>,
  key: string,
  path: string,
  maxLength: number,
): string | undefined {
  const value = ownField(object, key);
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length > maxLength) {
    const got = typeof value === 'string' ? `${value.length} characters` : describeValue(value);
    throw new FieldError(path, `${path} must be a string of at most ${maxLength} characters; got ${got}`);
  }
  return value;
}
