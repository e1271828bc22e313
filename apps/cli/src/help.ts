/** Help text of the command and each subcommand. */

const COMMON = `Connection:
  --server URL       server base URL (default: $LASTRO_SERVER_URL or http://127.0.0.1:8787)
  --email E          login e-mail (default: $LASTRO_EMAIL)
  --password P       login password (default: $LASTRO_PASSWORD)
  -h, --help         show this help`;

export const HELP = {
  main: `lastro: headless Lastro client for scripting, support and tests. Output is JSON lines.

Usage:
  lastro watch wallet   [connection flags]       print the wallet, then one line per change
  lastro watch loans    [connection flags]       print one line per changed loan
  lastro loans list     [--status S] [connection flags]
  lastro deposit        [--valor 500,00] [connection flags]
  lastro pix simulate   --txid TXID --valor 110,00 [--end-to-end-id ID] [--secret S] [--server URL]
  lastro chat send      --loan ID --text TEXT [--investor ID] [--timeout S] [connection flags]
  lastro chat list      --loan ID [--investor ID] [connection flags]
  lastro watch notifications [connection flags]  print one line per notification change
  lastro sessions list  [connection flags]       the user's active sessions
  lastro sessions revoke SESSION_ID [connection flags]
  lastro sessions confirm SESSION_ID [connection flags]  a suspicious login was yours

Run "lastro <command> --help" for the flags of a command.
Exit status: 0 success, 1 failure (login, network, server), 2 invalid flag or value,
3 chat message rejected by the server ("lastro chat send" only).`,

  watchWallet: `Usage: lastro watch wallet [flags]

Logs in, waits for the initial sync, prints the wallet as
{"available":<centavos>,"blocked":<centavos>,"seq":<n>,"formatted":"R$ 1.610,00"}
and then one line per change, until interrupted (Ctrl+C).

${COMMON}`,

  watchLoans: `Usage: lastro watch loans [flags]

Logs in, waits for the initial sync, then prints one JSON line per changed loan
(id, status, amount and funded in centavos, seq, and the other loan fields) until interrupted.

${COMMON}`,

  loansList: `Usage: lastro loans list [--status S] [flags]

Prints the loan book as JSON lines (amounts in centavos), newest first, and exits.

  --status S         only loans with this status: open, funded, active, repaid, late, defaulted, cancelled
${COMMON}`,

  deposit: `Usage: lastro deposit [--valor 500,00] [flags]

Creates a PIX charge for the logged-in user and prints {"txid","brCode","expiresAt"}.

  --valor AMOUNT     amount in reais, pt-BR form such as 500,00 or 1.234,56;
                     without it the payer chooses the amount
${COMMON}`,

  pixSimulate: `Usage: lastro pix simulate --txid TXID --valor 110,00 [--end-to-end-id ID] [--secret S] [--server URL]

Posts a Central Bank API Pix callback for one payment to /webhooks/pix, as a PIX provider
would, and prints the server's JSON answer with the payment's endToEndId. Each run is a new
payment unless --end-to-end-id repeats an earlier one: the server credits each endToEndId
once, so a repeated callback is reported as a duplicate.

  --txid TXID        txid of the charge, from "lastro deposit"
  --valor AMOUNT     paid amount in reais, pt-BR form such as 110,00
  --end-to-end-id ID repeat the callback of an earlier payment, as a provider's retry does
  --secret S         webhook secret (default: $LASTRO_PIX_WEBHOOK_SECRET or the demo secret)
  --server URL       server base URL (default: $LASTRO_SERVER_URL or http://127.0.0.1:8787)
  -h, --help         show this help`,

  chatSend: `Usage: lastro chat send --loan ID --text TEXT [--investor ID] [--timeout S] [flags]

Sends one chat message in a loan's room, waits for the server's decision and prints
{"id","status","reason"?,"retryAt"?,"contactKinds"?,"roomId"}. A room is one loan and one
investor. The server accepts the message, holds it for support (reason off_platform_contact,
with contactKinds such as phone or pix_key), or rejects it (reason not_a_member,
chat_unavailable (the loan's borrower has no account), empty,
too_long, rate_limited with retryAt, or offensive_language).

  --loan ID          loan id, such as emp-00008 ("lastro loans list" prints them)
  --text TEXT        the message: 1 to 2000 characters (Unicode code points) after
                     trimming spaces
  --investor ID      the room's investor. Required for a borrower, who replies in that
                     investor's room ("lastro chat list" prints investorId). An investor
                     leaves it out to write in their own room; another investor's id is
                     rejected by the server as not_a_member.
  --timeout S        seconds to wait for the decision (default: 30, at most 600); when it
                     passes, the command exits 1 and the server may still decide the message
${COMMON}

Exit status: 0 accepted or held, 3 rejected, 1 failure (login, network, no decision in
time), 2 invalid flag or value.`,

  watchNotifications: `Usage: lastro watch notifications [flags]

Logs in, waits for the initial sync, prints every notification of the user (oldest first)
and then one JSON line per change of a notification document, until interrupted (Ctrl+C).
Lines carry id, type, priority, title and body (pt-BR; titleEn and bodyEn in English),
createdAt, deliverAt and the tracking times deliveredAt, shownAt, shownChannel, openedAt
and readAt.

${COMMON}`,

  sessionsList: `Usage: lastro sessions list [flags]

Prints the user's active sessions as JSON lines, most recently used first:
{"id","deviceId","deviceName","platform","network","createdAt","lastSeenAt","current","suspicious"}.
"current" marks the session of this command; "suspicious" a login scored as risky.

${COMMON}`,

  sessionsRevoke: `Usage: lastro sessions revoke SESSION_ID [flags]

Ends one of the user's sessions: its token stops working and its connections close at once.
Prints {"id","revoked":true}. SESSION_ID comes from "lastro sessions list".

${COMMON}`,

  sessionsConfirm: `Usage: lastro sessions confirm SESSION_ID [flags]

Confirms that a login marked "suspicious" was your own: the session loses the mark and the alert
about it is marked read on every device. Prints {"id","confirmed":true}. SESSION_ID comes from
"lastro sessions list".

${COMMON}`,

  chatList: `Usage: lastro chat list --loan ID [--investor ID] [flags]

Prints the messages of a loan's chat rooms as JSON lines, oldest first:
{"id","roomId","investorId","senderId","senderName","senderRole","text","status","reason",
"createdAt"}, plus retryAt and contactKinds when the server set them. Fields the server has
not set are null. Other members see only accepted messages; the sender also sees their own
rejected and held attempts.

  --loan ID          loan id, such as emp-00008
  --investor ID      only this investor's room. An investor sees their own room without it;
                     a borrower sees every room of the loan without it.
${COMMON}`,
} as const;
