import { Type, type Static } from '@sinclair/typebox';
import { CheckpointSchema, COLLECTION_NAMES } from '../documents.js';
import { ErrorKindSchema } from '../errors.js';
import { StringEnum } from '../string-enum.js';

const RequestId = Type.String({ minLength: 1, maxLength: 64 });
const CollectionNameSchema = StringEnum(COLLECTION_NAMES);
/**
 * Wire documents are checked against their collection's schema by `parseWireDocuments`,
 * so the frame schema only requires objects here.
 */
const Documents = Type.Array(Type.Record(Type.String(), Type.Unknown()));

export const UserSummarySchema = Type.Object({
  id: Type.String(),
  role: StringEnum(['investor', 'borrower', 'support'] as const),
  name: Type.String(),
});
export type UserSummary = Static<typeof UserSummarySchema>;

/**
 * Live streams a socket receives: `loans` (the public loan book, the same for everyone) and
 * `user` (the user's own wallet, ledger entries, positions, commands and preferences).
 */
export const CHANGE_STREAMS = ['loans', 'user'] as const;
export type ChangeStream = (typeof CHANGE_STREAMS)[number];

const StreamIndex = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** Sent once after a successful `auth` frame; live `changes` frames may follow at any time. */
export const ReadyFrameSchema = Type.Object({
  type: Type.Literal('ready'),
  protocolVersion: Type.Integer(),
  sessionId: Type.String(),
  user: UserSummarySchema,
  serverTime: Type.String({ format: 'date-time' }),
  /**
   * Index of the last `changes` frame published on each stream before this socket joined it.
   * The next frame of a stream carries that index plus one.
   */
  streams: Type.Object({ loans: StreamIndex, user: StreamIndex }),
});

/** Response to a pull: documents ordered by `seq`, and the checkpoint to resume from. */
export const PullResultFrameSchema = Type.Object({
  type: Type.Literal('pullResult'),
  requestId: RequestId,
  collection: CollectionNameSchema,
  documents: Documents,
  checkpoint: Type.Union([CheckpointSchema, Type.Null()]),
});

/** Response to a push: the server's current documents for every row it did not accept. */
export const PushResultFrameSchema = Type.Object({
  type: Type.Literal('pushResult'),
  requestId: RequestId,
  collection: CollectionNameSchema,
  conflicts: Documents,
});

/**
 * Live change of documents this user may see, sent after commit in sequence order. Each
 * stream numbers its frames 1, 2, 3, ... from server start. A client that sees an index other
 * than the previous one plus one (a lost, repeated or reordered frame) ignores the frame's
 * documents and pulls again from its checkpoints.
 */
export const ChangesFrameSchema = Type.Object({
  type: Type.Literal('changes'),
  collection: CollectionNameSchema,
  documents: Documents,
  checkpoint: CheckpointSchema,
  stream: StringEnum(CHANGE_STREAMS),
  index: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});

/** Failure of one request (with `requestId`) or of the connection (without). */
export const ErrorFrameSchema = Type.Object({
  type: Type.Literal('error'),
  requestId: Type.Optional(RequestId),
  kind: ErrorKindSchema,
  message: Type.String(),
  retryAfterMs: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const ServerFrameSchema = Type.Union([
  ReadyFrameSchema,
  PullResultFrameSchema,
  PushResultFrameSchema,
  ChangesFrameSchema,
  ErrorFrameSchema,
]);

export type ReadyFrame = Static<typeof ReadyFrameSchema>;
export type PullResultFrame = Static<typeof PullResultFrameSchema>;
export type PushResultFrame = Static<typeof PushResultFrameSchema>;
export type ChangesFrame = Static<typeof ChangesFrameSchema>;
export type ErrorFrame = Static<typeof ErrorFrameSchema>;
export type ServerFrame = Static<typeof ServerFrameSchema>;
