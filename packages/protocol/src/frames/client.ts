import { Type, type Static } from '@sinclair/typebox';
import { CheckpointSchema, COLLECTION_NAMES } from '../documents.js';
import { StringEnum } from '../string-enum.js';

/** Maximum documents a client may request in one pull. */
export const MAX_PULL_LIMIT = 1000;
/** Maximum rows in one push frame. */
export const MAX_PUSH_ROWS = 100;

const RequestId = Type.String({ minLength: 1, maxLength: 64 });
const CollectionNameSchema = StringEnum(COLLECTION_NAMES);

/** First frame on every socket. The token travels here, never in the URL. */
export const AuthFrameSchema = Type.Object({
  type: Type.Literal('auth'),
  protocolVersion: Type.Integer({ minimum: 1 }),
  token: Type.String({ minLength: 1, maxLength: 256 }),
});

/** Asks for documents of one collection changed after `checkpoint` (all of them when null). */
export const PullFrameSchema = Type.Object({
  type: Type.Literal('pull'),
  requestId: RequestId,
  collection: CollectionNameSchema,
  checkpoint: Type.Union([CheckpointSchema, Type.Null()]),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PULL_LIMIT }),
});

/** RxDB push rows: the state the client assumes the server has, and the state it wants. */
export const PushFrameSchema = Type.Object({
  type: Type.Literal('push'),
  requestId: RequestId,
  collection: CollectionNameSchema,
  rows: Type.Array(
    Type.Object({
      assumedMasterState: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
      newDocumentState: Type.Record(Type.String(), Type.Unknown()),
    }),
    { maxItems: MAX_PUSH_ROWS },
  ),
});

export const ClientFrameSchema = Type.Union([AuthFrameSchema, PullFrameSchema, PushFrameSchema]);

export type AuthFrame = Static<typeof AuthFrameSchema>;
export type PullFrame = Static<typeof PullFrameSchema>;
export type PushFrame = Static<typeof PushFrameSchema>;
export type ClientFrame = Static<typeof ClientFrameSchema>;
