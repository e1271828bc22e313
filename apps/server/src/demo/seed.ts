import { randomUUID } from 'node:crypto';
import { buildDepositBrCode, formatPixAmount, parsePixAmount, validatePixKey } from '@lastro/domain';
import { LOAN_STATUSES, type PixKeyType } from '@lastro/protocol';
import type { Logger } from 'pino';
import { hashPassword } from '../auth/passwords.js';
import { ChangeSet } from '../changes.js';
import { DEFAULT_PREFERENCES } from '../db/preferences.js';
import type { Store } from '../db/store.js';
import type { Role } from '../db/users.js';
import { applyPixCallback } from '../pix/apply.js';
import { drawLoan } from './loan-book.js';
import { mulberry32, Random } from './prng.js';

/** Password of every demo user. */
export const DEMO_PASSWORD = 'lastro-demo';

/** Loans in the seeded book. */
export const DEMO_LOAN_COUNT = 640;

/** Seed of the loan book PRNG, so every demo database has the same loans. */
const LOAN_BOOK_SEED = 20_261_204;

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  inOrganisation: boolean;
  /** The user's own PIX keys, as typed by a user; they are stored in canonical form. */
  pixKeys?: { type: PixKeyType; key: string }[];
  /** Opening balance credited by a seeded Pix, in API Pix form. */
  openingPix?: { endToEndId: string; txid: string; valor: string };
}

const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'investidor@lastro.demo',
    name: 'Ana Ribeiro',
    role: 'investor',
    inOrganisation: true,
    openingPix: { endToEndId: 'E00000000202612041200DEMOANA0001', txid: 'DEMOSEEDANARIBEIRO00000000001', valor: '1610.00' },
    pixKeys: [
      { type: 'cpf', key: '529.982.247-25' },
      { type: 'email', key: 'investidor@lastro.demo' },
      { type: 'phone', key: '+5511987654321' },
      { type: 'evp', key: '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47' },
    ],
  },
  {
    email: 'investidor2@lastro.demo',
    name: 'Bruno Costa',
    role: 'investor',
    inOrganisation: true,
    openingPix: { endToEndId: 'E00000000202612041200DEMOBRU0001', txid: 'DEMOSEEDBRUNOCOSTA00000000001', valor: '5000.00' },
    pixKeys: [
      { type: 'cpf', key: '111.444.777-35' },
      { type: 'cnpj', key: '12.ABC.345/01DE-35' },
      { type: 'email', key: 'investidor2@lastro.demo' },
      { type: 'phone', key: '+5521998765432' },
      { type: 'evp', key: '3f2b8c1d-6e4a-4b9f-8c7d-1a2b3c4d5e6f' },
    ],
  },
  { email: 'tomador@lastro.demo', name: 'Carla Menezes', role: 'borrower', inOrganisation: false },
  { email: 'suporte@lastro.demo', name: 'Suporte Lastro', role: 'support', inOrganisation: false },
];

/**
 * Seeds the demo organisation, users, wallets, opening balances and loan book in one
 * transaction. Does nothing when the database already has users, so a restart with
 * `--demo` keeps existing data. Returns whether it seeded.
 */
export async function seedDemoData(store: Store, logger: Logger): Promise<boolean> {
  if (store.users.count() > 0) {
    // A database seeded before PIX keys existed gets them now; registering is idempotent.
    store.transaction(() => registerDemoPixKeys(store, new Date().toISOString()));
    logger.info('database already has users; demo data not seeded');
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const seeded = store.transaction(() => {
    // Another process may have seeded while the password was hashed.
    if (store.users.count() > 0) {
      return false;
    }
    const now = new Date();
    const nowText = now.toISOString();
    const changes = new ChangeSet();
    const organisationId = randomUUID();
    store.users.insertOrganisation({ id: organisationId, name: 'Aurora Capital', createdAt: nowText });

    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const id = randomUUID();
      userIds.set(user.email, id);
      store.users.insert({
        id,
        email: user.email,
        name: user.name,
        role: user.role,
        organisationId: user.inOrganisation ? organisationId : null,
        passwordHash,
        createdAt: nowText,
      });
      store.ledger.openWallet(id, nowText, changes);
      store.preferences.put(id, DEFAULT_PREFERENCES, nowText);
    }
    registerDemoPixKeys(store, nowText);

    for (const user of DEMO_USERS) {
      if (user.openingPix === undefined) {
        continue;
      }
      const { endToEndId, txid, valor } = user.openingPix;
      const amount = parsePixAmount(valor);
      const locationId = randomUUID();
      store.charges.insert({
        txid,
        userId: userIds.get(user.email)!,
        amount,
        locationId,
        brCode: buildDepositBrCode({
          merchantName: 'LASTRO SEP',
          merchantCity: 'SAO PAULO',
          locationUrl: `pix.lastro.com.br/qr/v2/${locationId}`,
          amountCentavos: amount,
        }),
        createdAt: nowText,
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      });
      applyPixCallback(
        store,
        { pix: [{ endToEndId, txid, valor: formatPixAmount(amount), amount, horario: nowText, devolucoes: [] }] },
        logger,
      );
    }

    const tomadorId = userIds.get('tomador@lastro.demo')!;
    const random = new Random(mulberry32(LOAN_BOOK_SEED));
    const forcedStatuses = LOAN_STATUSES.filter((status) => status !== 'open');
    for (let index = 0; index < DEMO_LOAN_COUNT; index += 1) {
      // Spread creation times over the last 60 days, oldest first.
      const ageMs = ((DEMO_LOAN_COUNT - index) / DEMO_LOAN_COUNT) * 60 * 86_400_000;
      const createdAt = new Date(now.getTime() - ageMs).toISOString();
      const ownedByTomador = index % 40 === 7;
      store.loans.insert(
        drawLoan(random, {
          id: `emp-${String(index + 1).padStart(5, '0')}`,
          createdAt,
          // The first loans cover every non-open status, so the book always shows them all.
          ...(index < forcedStatuses.length ? { status: forcedStatuses[index] } : {}),
          ...(ownedByTomador ? { borrower: { userId: tomadorId, displayName: 'Carla M.' } } : {}),
        }),
      );
    }
    return true;
  });

  if (seeded) {
    logger.info({ users: DEMO_USERS.length, loans: DEMO_LOAN_COUNT }, 'demo data seeded');
  }
  return seeded;
}

/** Registers the demo users' PIX keys in canonical form; keys already registered are kept. */
function registerDemoPixKeys(store: Store, now: string): void {
  for (const user of DEMO_USERS) {
    const record = store.users.findByEmail(user.email);
    if (record === undefined) {
      continue;
    }
    for (const { type, key } of user.pixKeys ?? []) {
      const validation = validatePixKey(type, key);
      if (!validation.ok) {
        throw new Error(`demo PIX key of ${user.email} is invalid: ${validation.message}`);
      }
      store.pixKeys.register(record.id, type, validation.canonical, now);
    }
  }
}
