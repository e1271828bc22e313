import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { COLLECTIONS, type CollectionName, type WireDoc } from './documents.js';
import { ClientFrameSchema, type ClientFrame } from './frames/client.js';
import { ServerFrameSchema, type ServerFrame } from './frames/server.js';

// RFC 3339 date-time with a mandatory offset, as the server writes it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Outcome of a runtime check: the typed value, or where and why it failed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/**
 * Checks `value` against `schema` without compiling code at run time, so it also works
 * under a Content-Security-Policy that forbids `eval`. Returns the first error with its
 * JSON-pointer path.
 */
export function check<S extends TSchema>(schema: S, value: unknown): Parsed<Static<S>> {
  if (Value.Check(schema, value)) {
    return { ok: true, value: value as Static<S> };
  }
  const first = Value.Errors(schema, value).First();
  const field = first?.path || '/';
  return { ok: false, field, message: `${field}: ${first?.message ?? 'invalid value'}` };
}

function parseJson(raw: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, field: '/', message: 'frame is not valid JSON' };
  }
}

/** Parses and validates a frame sent by a client. */
export function parseClientFrame(raw: string): Parsed<ClientFrame> {
  const json = parseJson(raw);
  return json.ok ? check(ClientFrameSchema, json.value) : json;
}

/** Parses and validates a frame sent by the server. */
export function parseServerFrame(raw: string): Parsed<ServerFrame> {
  const json = parseJson(raw);
  return json.ok ? check(ServerFrameSchema, json.value) : json;
}

/** Validates documents received for `collection`, including the `_deleted` flag. */
export function parseWireDocuments<C extends CollectionName>(
  collection: C,
  documents: readonly unknown[],
): Parsed<WireDoc<C>[]> {
  const schema = COLLECTIONS[collection].schema;
  for (const [index, document] of documents.entries()) {
    if (typeof document !== 'object' || document === null) {
      return { ok: false, field: `/documents/${index}`, message: `/documents/${index}: expected an object` };
    }
    const { _deleted: deleted, ...fields } = document as Record<string, unknown>;
    if (typeof deleted !== 'boolean') {
      return { ok: false, field: `/documents/${index}/_deleted`, message: `/documents/${index}/_deleted: expected a boolean` };
    }
    const result = check(schema, fields);
    if (!result.ok) {
      return { ok: false, field: `/documents/${index}${result.field}`, message: `/documents/${index}${result.message}` };
    }
  }
  return { ok: true, value: documents as WireDoc<C>[] };
}
