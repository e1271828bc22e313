import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { handleCreateCollabTicket } from '../collab/routes.js';
import type { ServerContext } from '../context.js';
import { handleLogin, handleLogout } from './auth-routes.js';
import { handleCreateDeposit } from './deposit-routes.js';
import { HttpExchange } from './exchange.js';
import { handleOwnLoans } from './me-routes.js';
import { handleSupportNotificationStats } from './support-notification-routes.js';
import { handleConfirmSession, handleListSessions, handleRevokeOtherSessions, handleRevokeSession } from './session-routes.js';
import { handleStatic } from './static-files.js';
import { handleSupportLoanNotes } from './support-notes-routes.js';
import * as support from './support-routes.js';
import { handlePixWebhook } from './webhook-routes.js';

type Handler = (ctx: ServerContext, exchange: HttpExchange) => void | Promise<void>;

/**
 * Wraps a handler: builds the exchange before any await, and responds 500 when the handler
 * throws, logging the error with the request id.
 */
function route(ctx: ServerContext, name: string, handler: Handler) {
  return (res: HttpResponse, req: HttpRequest): void => {
    const exchange = new HttpExchange(res, req, name, ctx.logger, ctx.metrics);
    const fail = (error: unknown): void => {
      exchange.log.error({ err: error, method: exchange.method, url: exchange.url }, 'request failed');
      exchange.sendError(500, 'internal', 'internal server error; retry later');
    };
    try {
      const result = handler(ctx, exchange);
      if (result instanceof Promise) {
        result.catch(fail);
      }
    } catch (error) {
      fail(error);
    }
  };
}

/** Registers every HTTP route on the app. `/sync` and `/collab/*` are registered separately as WebSocket routes. */
export function registerRoutes(app: TemplatedApp, ctx: ServerContext): void {
  app.get(
    '/healthz',
    route(ctx, 'healthz', (_ctx, exchange) => exchange.sendJson(200, { status: 'ok' })),
  );
  app.post('/auth/login', route(ctx, 'login', handleLogin));
  app.post('/auth/logout', route(ctx, 'logout', handleLogout));
  app.post('/api/v1/deposits', route(ctx, 'deposits', handleCreateDeposit));
  app.get('/api/v1/me/loans', route(ctx, 'own_loans', handleOwnLoans));
  app.post('/api/v1/collab/tickets', route(ctx, 'collab_tickets', handleCreateCollabTicket));
  app.get('/api/v1/sessions', route(ctx, 'sessions', handleListSessions));
  app.post('/api/v1/sessions/:id/revoke', route(ctx, 'revoke_session', handleRevokeSession));
  app.post('/api/v1/sessions/:id/confirm', route(ctx, 'confirm_session', handleConfirmSession));
  app.post('/api/v1/sessions/revoke-others', route(ctx, 'revoke_other_sessions', handleRevokeOtherSessions));
  app.get('/api/v1/support/notifications/stats', route(ctx, 'support_notification_stats', handleSupportNotificationStats));
  app.get('/api/v1/support/audit', route(ctx, 'support_audit_search', support.handleSupportAuditSearch));
  app.get('/api/v1/support/audit/export', route(ctx, 'support_audit_export', support.handleSupportAuditExport));
  app.get('/api/v1/support/audit/verify', route(ctx, 'support_audit_verify', support.handleSupportAuditVerify));
  app.get('/api/v1/support/chat/held', route(ctx, 'support_chat_held', support.handleSupportHeldMessages));
  app.post('/api/v1/support/chat/messages/:id/release', route(ctx, 'support_chat_release', support.handleSupportRelease));
  app.post('/api/v1/support/chat/messages/:id/reject', route(ctx, 'support_chat_reject', support.handleSupportReject));
  app.get('/api/v1/support/chat/rooms/:roomId/messages', route(ctx, 'support_chat_room', support.handleSupportRoomMessages));
  app.get('/api/v1/support/loans/:loanId/notes', route(ctx, 'support_loan_notes', handleSupportLoanNotes));
  app.post('/webhooks/pix', route(ctx, 'pix_webhook', handlePixWebhook));
  app.get(
    '/metrics',
    route(ctx, 'metrics', async (context, exchange) => {
      const text = await context.metrics.registry.metrics();
      exchange.send(200, text, { 'content-type': context.metrics.registry.contentType });
    }),
  );
  app.get(
    '/',
    route(ctx, 'root', (_ctx, exchange) => exchange.sendEmpty(302, { location: '/app/' })),
  );
  // The renderer loads its assets by relative paths, which only resolve under "/app/".
  app.get(
    '/app',
    route(ctx, 'app', (_ctx, exchange) => exchange.sendEmpty(302, { location: '/app/' })),
  );
  app.get('/app/*', route(ctx, 'app', handleStatic));
  app.any(
    '/*',
    route(ctx, 'not_found', (_ctx, exchange) =>
      exchange.sendError(404, 'not_found', `no route for ${exchange.method} ${exchange.url}`),
    ),
  );
}
