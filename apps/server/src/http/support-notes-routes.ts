import type { SupportLoanNotesResponse } from '@lastro/protocol';
import { pathSegment, QueryParameters } from './support-params.js';
import { supportHandler } from './support-routes.js';

/**
 * `GET /api/v1/support/loans/:loanId/notes`: the organisations whose investors keep shared notes
 * on the loan, last changed first, so a support user can pick the notes to read.
 */
export const handleSupportLoanNotes = supportHandler((ctx, exchange) => {
  new QueryParameters(exchange.query, []);
  const loanId = pathSegment(exchange.url, 5, 'loan id');
  if (ctx.store.loans.findById(loanId) === undefined) {
    exchange.sendError(404, 'not_found', `loan ${JSON.stringify(loanId)} not found; check the loan id in the path`, 'loanId');
    return;
  }
  const body: SupportLoanNotesResponse = { loanId, notes: ctx.store.collab.listLoanNotes(loanId) };
  exchange.sendJson(200, body);
});
