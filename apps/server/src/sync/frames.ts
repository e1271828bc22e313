import {
  AuthFrameSchema,
  check,
  parseClientFrame,
  PullFrameSchema,
  PushFrameSchema,
  type ClientFrame,
  type Parsed,
} from '@lastro/protocol';

const SCHEMAS_BY_TYPE = { auth: AuthFrameSchema, pull: PullFrameSchema, push: PushFrameSchema } as const;

/**
 * Validates a client frame with `parseClientFrame`. When that fails, the frame is checked
 * again against the schema its `type` names, because a failed union reports only "/" and
 * the client needs the field, such as "/limit".
 */
export function parseFrame(raw: string): Parsed<ClientFrame> {
  const parsed = parseClientFrame(raw);
  if (parsed.ok) {
    return parsed;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return parsed;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, field: '/', message: 'a frame must be a JSON object' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS_BY_TYPE, type)) {
    return { ok: false, field: '/type', message: `/type: expected one of ${Object.keys(SCHEMAS_BY_TYPE).join(', ')}` };
  }
  const specific = check(SCHEMAS_BY_TYPE[type as keyof typeof SCHEMAS_BY_TYPE], value);
  return specific.ok ? parsed : specific;
}
