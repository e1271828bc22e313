import { Type, type Static, type TObject } from '@sinclair/typebox';
import {
  CommandDocSchema,
  PositionDocSchema,
  PreferencesDocSchema,
  type CommandDoc,
  type PositionDoc,
  type PreferencesDoc,
} from './operations.js';
import { LOAN_GRADES, LOAN_STATUSES } from './loan-enums.js';
import { StringEnum } from './string-enum.js';
import { ChatMessageDocSchema, type ChatMessageDoc } from './chat.js';
import { NotificationDocSchema, type NotificationDoc } from './notifications.js';

/** Maximum length of document ids; RxDB requires a bound on primary keys. */
export const MAX_ID_LENGTH = 64;

const Id = Type.String({ minLength: 1, maxLength: MAX_ID_LENGTH });
/** Server-assigned change sequence of the document's latest version. */
const Seq = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
/** Integer amount in centavos (R$ 1,00 = 100). */
const Centavos = Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

/** A user's wallet: balances maintained by the server's ledger. The id is the user id. */
export const WalletDocSchema = Type.Object({
  id: Id,
  /** Centavos the user may invest or transfer. */
  available: Centavos,
  /** Centavos reserved by pending operations (refunds in processing, PIX out awaiting confirmation). */
  blocked: Centavos,
  /** Centavos invested in loans. */
  invested: Centavos,
  currency: Type.Literal('BRL'),
  updatedAt: Timestamp,
  seq: Seq,
});
export type WalletDoc = Static<typeof WalletDocSchema>;

export const LEDGER_ENTRY_KINDS = [
  'pix_in',
  'pix_refund_block',
  'pix_refund_debit',
  'pix_refund_release',
  'investment',
  'pix_out_block',
  'pix_out_debit',
  'pix_out_release',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** The balances of a wallet, each kept in its own ledger account. */
export const WALLET_BUCKETS = ['available', 'blocked', 'invested'] as const;
export type WalletBucket = (typeof WALLET_BUCKETS)[number];

/** One line of a user's statement: a ledger entry on one of the user's wallet accounts. */
export const LedgerEntryDocSchema = Type.Object({
  id: Id,
  transactionId: Id,
  /** Wallet balance the entry moves. */
  bucket: StringEnum(WALLET_BUCKETS),
  /** Signed centavos: positive increases the bucket, negative decreases it. */
  amount: Centavos,
  /** The bucket's balance right after this entry. */
  balanceAfter: Centavos,
  kind: StringEnum(LEDGER_ENTRY_KINDS),
  /** Reference of the external movement, such as the PIX `endToEndId` or the refund id. */
  reference: Type.String({ maxLength: 64 }),
  /** The PIX charge's txid, for `pix_in` entries credited to a charge. */
  txid: Type.Optional(Type.String({ maxLength: 35 })),
  createdAt: Timestamp,
  seq: Seq,
});
export type LedgerEntryDoc = Static<typeof LedgerEntryDocSchema>;

export { LOAN_GRADES, LOAN_STATUSES, type LoanGrade, type LoanStatus } from './loan-enums.js';

/** A loan request in the public loan book. */
export const LoanDocSchema = Type.Object({
  id: Id,
  /** Borrower's display name as shown to investors, such as "Marina S.". */
  borrowerName: Type.String({ maxLength: 80 }),
  purpose: Type.String({ maxLength: 120 }),
  /** Two-letter state code (UF), such as "SP". */
  state: Type.String({ minLength: 2, maxLength: 2 }),
  /** Requested principal in centavos. */
  amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  /** Centavos already committed by investors, 0..amount. */
  funded: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  /** Monthly interest rate in basis points: 189 is 1,89% a.m. */
  rateMonthlyBps: Type.Integer({ minimum: 0, maximum: 10000 }),
  termMonths: Type.Integer({ minimum: 1, maximum: 120 }),
  grade: StringEnum(LOAN_GRADES),
  status: StringEnum(LOAN_STATUSES),
  /** True when the borrower has an account on the platform, so investors can chat with them. */
  chatAvailable: Type.Optional(Type.Boolean()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  seq: Seq,
});
export type LoanDoc = Static<typeof LoanDocSchema>;

/** Replicated collections and who may write them. */
export const COLLECTIONS = {
  wallets: { schema: WalletDocSchema, owner: 'server' },
  ledgerEntries: { schema: LedgerEntryDocSchema, owner: 'server' },
  loans: { schema: LoanDocSchema, owner: 'server' },
  positions: { schema: PositionDocSchema, owner: 'server' },
  commands: { schema: CommandDocSchema, owner: 'client' },
  preferences: { schema: PreferencesDocSchema, owner: 'client' },
  chatMessages: { schema: ChatMessageDocSchema, owner: 'client' },
  notifications: { schema: NotificationDocSchema, owner: 'client' },
} as const satisfies Record<string, { schema: TObject; owner: 'server' | 'client' }>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export interface CollectionDocs {
  wallets: WalletDoc;
  ledgerEntries: LedgerEntryDoc;
  loans: LoanDoc;
  positions: PositionDoc;
  commands: CommandDoc;
  preferences: PreferencesDoc;
  chatMessages: ChatMessageDoc;
  notifications: NotificationDoc;
}

/** A document as it travels on the wire: the collection's fields plus RxDB's deletion flag. */
export type WireDoc<C extends CollectionName = CollectionName> = CollectionDocs[C] & { _deleted: boolean };

/** Resume point of a collection: the highest server sequence the client has applied. */
export const CheckpointSchema = Type.Object({ seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) });
export type Checkpoint = Static<typeof CheckpointSchema>;

/** Indexes the clients keep in their local store, per collection. */
const RX_INDEXES: Record<CollectionName, string[][]> = {
  wallets: [],
  ledgerEntries: [['createdAt', 'id']],
  loans: [['status', 'id']],
  positions: [],
  commands: [['status', 'id']],
  preferences: [],
  chatMessages: [],
  notifications: [],
};

/**
 * Builds the RxDB schema of a collection from its wire schema, so the local store,
 * socket validation and TypeScript types share one definition.
 */
export function rxSchemaFor(name: CollectionName): Record<string, unknown> {
  const { schema } = COLLECTIONS[name];
  return {
    title: name,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: JSON.parse(JSON.stringify(schema.properties)),
    required: schema.required ?? [],
    indexes: RX_INDEXES[name],
  };
}
