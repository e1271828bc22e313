export type { Parsed } from './parsed.js';
export {
  formatBRL,
  parseBRL,
  formatPixAmount,
  parsePixAmount,
  isPixAmount,
  MAX_PIX_AMOUNT_CENTAVOS,
} from './money.js';
export { formatDateTimeSaoPaulo, isRfc3339DateTime } from './date-time.js';
export { generateTxid, isTxid, isEndToEndId } from './pix/txid.js';
export { isWebhookTxid } from './pix/ids.js';
export {
  parsePixWebhook,
  PIX_WEBHOOK_MAX_PIX,
  PIX_WEBHOOK_MAX_REFUNDS,
  PIX_REFUND_STATUSES,
  PIX_REFUND_NATURES,
} from './pix/webhook.js';
export type {
  PixWebhook,
  PixWebhookPix,
  PixWebhookRefund,
  PixRefundStatus,
  PixRefundNature,
} from './pix/webhook.js';
export { buildDepositBrCode, computeBrCodeCrc, normaliseBrCodeText } from './pix/brcode.js';
export type { DepositBrCodeInput } from './pix/brcode.js';
export { validatePixKey } from './pix/keys.js';
export type { PixKeyKind, PixKeyValidation } from './pix/keys.js';
export { MIN_INVESTMENT_CENTAVOS, checkInvestmentAmount } from './investing.js';
export { MAX_CHAT_MESSAGE_LENGTH, normaliseChatText, validateChatText } from './chat/text.js';
export type { ChatTextValidation } from './chat/text.js';
export { screenChatMessage } from './chat/screen.js';
export type { ChatScreening } from './chat/screen.js';
export { findOffensiveWord } from './chat/offensive.js';
export { findOffPlatformContacts, OFF_PLATFORM_CONTACT_KINDS } from './chat/contact.js';
export type { OffPlatformContactKind } from './chat/contact.js';
export { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS, checkChatRateLimit } from './chat/rate-limit.js';
export type { ChatRateDecision } from './chat/rate-limit.js';
export {
  chooseSendTime,
  isQuietHour,
  openProbabilityByHour,
  saoPauloHour,
  SEND_WINDOWS,
  OPEN_HISTORY_MS,
  POPULATION_PRIOR_WEIGHT,
} from './notifications/send-time.js';
export type { QuietHours, SendTime, SendTimeInput, SendWindow } from './notifications/send-time.js';
export {
  FAILED_ATTEMPT_THRESHOLD,
  FAILED_ATTEMPT_WINDOW_MS,
  KNOWN_NETWORK_MS,
  networkPrefix,
  scoreLogin,
} from './security/login-risk.js';
export type { LoginRisk, LoginRiskInput, LoginRiskReason } from './security/login-risk.js';
export { matchesLoanAlert } from './loan-alert.js';
export type { LoanAlertFilter, LoanForAlert } from './loan-alert.js';
export { ALWAYS_CRITICAL_TYPES, CONVERSATION_TYPES, decidePresentation, quietHoursEndMs } from './notifications/presentation.js';
export type {
  PresentableNotification,
  PresentationChannel,
  PresentationDecision,
  PresentationInput,
  PresentationSkipReason,
} from './notifications/presentation.js';
