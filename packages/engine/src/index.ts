export { createLastroClient, setNetworkAvailable } from './client.js';
export { LastroError, describeNetworkFailure, type LastroErrorKind } from './errors.js';
export { createConsoleLogger, createSilentLogger, type EngineLogger } from './logger.js';
export { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff.js';
export { databaseNameFor } from './database.js';
export { DECIDED_OPERATION_VISIBLE_MS, type Balances, type PendingOperation } from './operation-stores.js';
export type { OverruledChange, OverruledReason, WritableCollectionName } from './conflicts.js';
export type { PixOutRequest, PreferencesPatch } from './outbox.js';
export type { NotificationTrackingUpdate } from './notifications.js';
export type { SessionsApi } from './sessions-api.js';
export { buildChatMessage, chatQuota, groupChatRooms, type ChatMessageRequest, type ChatQuota, type ChatRoomView } from './chat.js';
export { fileNameFromDisposition, type AuditExportFile, type AuditExportRequest, type AuditSearchFilters, type SupportApi } from './support-api.js';
export type {
  ConnectionState,
  LastroClient,
  LastroClientOptions,
  Session,
  Store,
  SyncState,
  UserSummary,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';
export type {
  SessionSummary,
  NotificationChannel,
  NotificationDoc,
  NotificationType,
  ChatContactKind,
  ChatMessageDoc,
  ChatMessageReason,
  ChatMessageStatus,
  CollectionName,
  CommandDoc,
  CommandRejectionReason,
  DepositResponse,
  Device,
  LedgerEntryDoc,
  LoanDoc,
  PixKeyType,
  PositionDoc,
  PreferencesDoc,
  SupportAuditRecord,
  SupportAuditSearchResponse,
  SupportAuditVerifyResponse,
  SupportChatMessage,
  SupportExportFormat,
  SupportUser,
  WalletDoc,
} from '@lastro/protocol';
