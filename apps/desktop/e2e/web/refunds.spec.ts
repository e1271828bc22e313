import { formatBRL, parseBRL } from '@lastro/domain';
import { expect, test } from '@playwright/test';
import { logInAsInvestor } from '../scenarios';
import { newReceivedPix, postPixCallback, randomReturnId, type PixRefund } from '../support/pix';
import { useLastroServer } from '../support/server';

const server = useLastroServer();

test('refund blocks, then debits the balance', async ({ page }) => {
  await page.goto(`${server().appUrl}#/login`);
  const dashboard = await logInAsInvestor(page);
  const start = parseBRL(await dashboard.balanceText());

  const dialog = await dashboard.openDeposit();
  const txid = await dialog.createCharge();
  await dialog.close();
  const pix = newReceivedPix(txid, '300.00');
  await postPixCallback(server().url, pix);
  await expect(dashboard.balance).toHaveText(formatBRL(start + 30_000));
  await expect(page.getByTestId('wallet-blocked')).toHaveCount(0);

  const refund: PixRefund = { id: 'devolucao1', rtrId: randomReturnId(), valor: '100.00', status: 'EM_PROCESSAMENTO' };
  await postPixCallback(server().url, pix, [refund]);
  await expect(dashboard.balance).toHaveText(formatBRL(start + 20_000));
  await expect(page.getByTestId('wallet-blocked')).toHaveText('R$\u00a0100,00');
  await expect(dashboard.statementRows.filter({ hasText: 'Devolução em processamento' }).first()).toBeVisible();

  await postPixCallback(server().url, pix, [{ ...refund, status: 'DEVOLVIDO' }]);
  await expect(page.getByTestId('wallet-blocked')).toHaveCount(0);
  await expect(dashboard.balance).toHaveText(formatBRL(start + 20_000));
  const debit = dashboard.statementRows.filter({ hasText: 'Devolução de PIX' }).first();
  await expect(debit).toContainText('-R$\u00a0100,00');
});
