import { v7 as uuidv7 } from 'uuid';
import { validatePixKey } from '@lastro/domain';
import {
  CRITICAL_NOTIFICATION_TYPES,
  LANGUAGES,
  LOAN_GRADES,
  NOTIFICATION_TYPES,
  MAX_ID_LENGTH,
  PIX_KEY_TYPES,
  type CommandDoc,
  type Language,
  type PixKeyType,
  type PreferencesDoc,
} from '@lastro/protocol';
import type { LastroDatabase } from './database.js';
import { LastroError } from './errors.js';

/** A PIX transfer to one of the investor's own keys. */
export interface PixOutRequest {
  /** The key, such as "investidor@lastro.demo" or "+5511987654321"; the command stores its canonical form. */
  key: string;
  keyType: PixKeyType;
  /** Centavos to transfer. */
  amount: number;
}

/**
 * The preferences a user may change; the server sets `updatedAt` and `seq`. Quiet hours are
 * set as a pair, and `null` removes them.
 */
export type PreferencesPatch = Partial<Pick<PreferencesDoc, 'language' | 'defaultInvestAmount' | 'mutedNotificationTypes'>> & {
  /** The loan book filter that raises `loan_match` notifications; `null` removes it. */
  loanAlert?: NonNullable<PreferencesDoc['loanAlert']> | null;
  quietHours?: { startHour: number; endHour: number } | null;
};

const PATCHABLE_PREFERENCES = ['language', 'defaultInvestAmount', 'quietHours', 'mutedNotificationTypes', 'loanAlert'];

function checkLoanAlert(alert: unknown): NonNullable<PreferencesDoc['loanAlert']> {
  const value = (typeof alert === 'object' && alert !== null ? alert : {}) as Record<string, unknown>;
  const grades = value.grades;
  if (!Array.isArray(grades) || grades.some((grade) => !(LOAN_GRADES as readonly unknown[]).includes(grade))) {
    throw new LastroError('invalid_request', `invalid loanAlert.grades ${JSON.stringify(grades)}: use grades from ${LOAN_GRADES.join(', ')}`, {
      field: 'loanAlert.grades',
    });
  }
  const rate = value.minRateMonthlyBps;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 0 || rate > 10000) {
    throw new LastroError('invalid_request', `invalid loanAlert.minRateMonthlyBps ${JSON.stringify(rate)}: use basis points from 0 to 10000`, {
      field: 'loanAlert.minRateMonthlyBps',
    });
  }
  const term = value.maxTermMonths;
  if (typeof term !== 'number' || !Number.isInteger(term) || term < 0 || term > 120) {
    throw new LastroError('invalid_request', `invalid loanAlert.maxTermMonths ${JSON.stringify(term)}: use months from 0 (any) to 120`, {
      field: 'loanAlert.maxTermMonths',
    });
  }
  return { grades: [...new Set(grades as NonNullable<PreferencesDoc['loanAlert']>['grades'])].sort(), minRateMonthlyBps: rate, maxTermMonths: term };
}

function requireHour(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 23) {
    throw new LastroError('invalid_request', `invalid ${field} ${JSON.stringify(value)}: use a whole hour from 0 to 23`, { field });
  }
  return value;
}

/** Longest PIX key the protocol carries (an e-mail key may have 77 characters). */
const MAX_PIX_KEY_LENGTH = 77;

function requireAmount(amount: unknown, field: string): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new LastroError('invalid_request', `invalid ${field} ${JSON.stringify(amount)}: pass a positive integer number of centavos`, {
      field,
    });
  }
  return amount;
}

function requireLoanId(loanId: unknown): string {
  if (typeof loanId !== 'string' || loanId.length === 0 || loanId.length > MAX_ID_LENGTH) {
    throw new LastroError('invalid_request', `invalid loanId ${JSON.stringify(loanId)}: pass the id of a loan from the loan book`, {
      field: 'loanId',
    });
  }
  return loanId;
}

function requirePixKey(key: unknown, keyType: unknown): { key: string; keyType: PixKeyType } {
  if (typeof keyType !== 'string' || !(PIX_KEY_TYPES as readonly string[]).includes(keyType)) {
    throw new LastroError('invalid_request', `invalid keyType ${JSON.stringify(keyType)}: use one of ${PIX_KEY_TYPES.join(', ')}`, {
      field: 'keyType',
    });
  }
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_PIX_KEY_LENGTH) {
    throw new LastroError('invalid_request', `invalid PIX key ${JSON.stringify(key)}: pass a key of 1 to ${MAX_PIX_KEY_LENGTH} characters`, {
      field: 'key',
    });
  }
  const validation = validatePixKey(keyType as PixKeyType, key);
  if (!validation.ok) {
    throw new LastroError('invalid_request', `invalid PIX key: ${validation.message}`, { field: 'key' });
  }
  return { key: validation.canonical, keyType: keyType as PixKeyType };
}

/**
 * Builds a pending `invest` command with a new UUIDv7 id.
 *
 * @throws LastroError `invalid_request` when the loan id or the amount is invalid.
 */
export function buildInvestCommand(loanId: unknown, amount: unknown, issuedAt: Date): CommandDoc {
  return {
    id: uuidv7(),
    type: 'invest',
    amount: requireAmount(amount, 'amount'),
    loanId: requireLoanId(loanId),
    status: 'pending',
    issuedAt: issuedAt.toISOString(),
    seq: 0,
  };
}

/**
 * Builds a pending `pixOut` command with a new UUIDv7 id.
 *
 * @throws LastroError `invalid_request` when the key, its type or the amount is invalid.
 */
export function buildPixOutCommand(request: PixOutRequest, issuedAt: Date): CommandDoc {
  if (typeof request !== 'object' || request === null) {
    throw new LastroError('invalid_request', 'missing PIX transfer: pass {key, keyType, amount}', { field: 'request' });
  }
  const { key, keyType } = requirePixKey(request.key, request.keyType);
  return {
    id: uuidv7(),
    type: 'pixOut',
    amount: requireAmount(request.amount, 'amount'),
    pixKey: key,
    pixKeyType: keyType,
    status: 'pending',
    issuedAt: issuedAt.toISOString(),
    seq: 0,
  };
}

/**
 * Applies `patch` to the current preferences, or to the defaults when the user has none yet.
 * `updatedAt` and `seq` keep the values last received from the server, because the server
 * compares them to decide whether the change was based on its current version.
 *
 * @throws LastroError `invalid_request` when a field of the patch is invalid or unknown.
 */
export function patchPreferences(current: PreferencesDoc | null, userId: string, patch: PreferencesPatch, now: Date): PreferencesDoc {
  if (typeof patch !== 'object' || patch === null) {
    throw new LastroError('invalid_request', `missing preferences patch: pass an object with some of ${PATCHABLE_PREFERENCES.join(', ')}`, { field: 'patch' });
  }
  for (const field of Object.keys(patch)) {
    if (!PATCHABLE_PREFERENCES.includes(field)) {
      throw new LastroError('invalid_request', `unknown preference ${JSON.stringify(field)}: only ${PATCHABLE_PREFERENCES.join(', ')} can change`, {
        field,
      });
    }
  }
  const next: PreferencesDoc = current === null
    ? { id: userId, language: 'pt-BR', defaultInvestAmount: 0, updatedAt: now.toISOString(), seq: 0 }
    : { ...current };
  if (patch.language !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(patch.language)) {
      throw new LastroError('invalid_request', `invalid language ${JSON.stringify(patch.language)}: use one of ${LANGUAGES.join(', ')}`, {
        field: 'language',
      });
    }
    next.language = patch.language as Language;
  }
  if (patch.defaultInvestAmount !== undefined) {
    const amount = patch.defaultInvestAmount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
      throw new LastroError('invalid_request', `invalid defaultInvestAmount ${JSON.stringify(amount)}: pass an integer number of centavos, 0 or more`, {
        field: 'defaultInvestAmount',
      });
    }
    next.defaultInvestAmount = amount;
  }
  if (patch.quietHours !== undefined) {
    if (patch.quietHours === null) {
      delete next.quietHoursStart;
      delete next.quietHoursEnd;
    } else {
      next.quietHoursStart = requireHour(patch.quietHours.startHour, 'quietHours.startHour');
      next.quietHoursEnd = requireHour(patch.quietHours.endHour, 'quietHours.endHour');
    }
  }
  if (patch.mutedNotificationTypes !== undefined) {
    const types = patch.mutedNotificationTypes;
    if (!Array.isArray(types) || types.some((type) => !(NOTIFICATION_TYPES as readonly string[]).includes(type))) {
      throw new LastroError('invalid_request', `invalid mutedNotificationTypes ${JSON.stringify(types)}: use types from ${NOTIFICATION_TYPES.join(', ')}`, {
        field: 'mutedNotificationTypes',
      });
    }
    const critical = types.find((type) => CRITICAL_NOTIFICATION_TYPES.includes(type));
    if (critical !== undefined) {
      throw new LastroError('invalid_request', `${critical} notifications are critical and cannot be switched off`, { field: 'mutedNotificationTypes' });
    }
    next.mutedNotificationTypes = [...new Set(types)].sort();
  }
  if (patch.loanAlert !== undefined) {
    if (patch.loanAlert === null) {
      delete next.loanAlert;
    } else {
      next.loanAlert = checkLoanAlert(patch.loanAlert);
    }
  }
  return next;
}

/**
 * Applies `patch` to the user's local preferences document, creating it when the user has
 * none yet; the replication pushes the change.
 *
 * @throws LastroError `invalid_request` when a field of the patch is invalid or unknown.
 */
export async function savePreferences(database: LastroDatabase, userId: string, patch: PreferencesPatch, now: Date): Promise<void> {
  const current = await database.preferences.findOne(userId).exec();
  const next = patchPreferences(current === null ? null : (current.toJSON() as PreferencesDoc), userId, patch, now);
  if (current === null) {
    await database.preferences.insert(next);
    return;
  }
  await current.incrementalModify((data) => {
    const changed = {
      ...data,
      language: next.language,
      defaultInvestAmount: next.defaultInvestAmount,
      mutedNotificationTypes: next.mutedNotificationTypes,
      quietHoursStart: next.quietHoursStart,
      quietHoursEnd: next.quietHoursEnd,
      loanAlert: next.loanAlert,
    };
    // Removed quiet hours leave the document instead of staying as undefined fields.
    if (next.quietHoursStart === undefined) delete changed.quietHoursStart;
    if (next.quietHoursEnd === undefined) delete changed.quietHoursEnd;
    if (next.mutedNotificationTypes === undefined) delete changed.mutedNotificationTypes;
    if (next.loanAlert === undefined) delete changed.loanAlert;
    return changed;
  });
}
