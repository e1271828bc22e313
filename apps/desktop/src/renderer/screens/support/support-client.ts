import type { LastroClient } from '../../engine/client';
import { requireActiveClient } from '../../state/session';

/** The support API of the signed-in session. */
export function supportApi(): LastroClient['support'] {
  return requireActiveClient('using the support console').support;
}
