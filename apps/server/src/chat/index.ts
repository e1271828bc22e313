export { chatRoomId, decideChatMessage } from './decide.js';
export type { ChatDecision, ChatMessageAttempt } from './decide.js';
export { ChatError } from './errors.js';
export type { ChatErrorCode } from './errors.js';
export { listRoomMessages } from './read.js';
export { createSqliteChatRepository } from './repository.js';
export type { ChatMessage, ChatMessageStatus, ChatRepository, ChatRoom } from './repository.js';
export { rejectHeldMessage, releaseHeldMessage } from './review.js';
export type { HeldMessageReview } from './review.js';
