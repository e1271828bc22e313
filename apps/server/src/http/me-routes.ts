import type { OwnLoansResponse } from '@lastro/protocol';
import type { ServerContext } from '../context.js';
import { authenticate } from './authenticate.js';
import type { HttpExchange } from './exchange.js';

/**
 * `GET /api/v1/me/loans`: the ids of the loan requests the caller made as a borrower, newest
 * first; empty for other roles. The loan documents themselves arrive by sync, since the loan
 * book is public, but it does not say which borrower account a loan belongs to.
 */
export function handleOwnLoans(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const loanIds = principal.user.role === 'borrower' ? ctx.store.loans.idsOfBorrower(principal.user.id) : [];
  const body: OwnLoansResponse = { loanIds };
  exchange.sendJson(200, body);
}
