import { formatBRL } from '@lastro/domain';
import { COMMAND_REJECTION_REASONS, type CommandDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import ptBR from '../src/renderer/i18n/pt-BR.json';
import { checkInvestAmount, countInFlight, panelOperations, parseAmountText, rejectionReasonKey, remainingCentavos } from '../src/renderer/lib/operations';

const openLoan = { amount: 1_000_000, funded: 990_000, status: 'open' as const };

describe('parseAmountText', () => {
  it('reads a pt-BR amount', () => {
    expect(parseAmountText('100,00')).toEqual({ ok: true, centavos: 10_000 });
    expect(parseAmountText('1.250,50')).toEqual({ ok: true, centavos: 125_050 });
  });

  it('rejects empty, malformed and zero amounts', () => {
    expect(parseAmountText('  ')).toEqual({ ok: false, errorKey: 'operations.errors.missingAmount' });
    expect(parseAmountText('1,234.56')).toEqual({ ok: false, errorKey: 'operations.errors.invalidAmount' });
    expect(parseAmountText('0,00')).toEqual({ ok: false, errorKey: 'operations.errors.nonPositive' });
  });
});

describe('checkInvestAmount', () => {
  it('accepts an amount within the remaining amount and the projected balance', () => {
    expect(checkInvestAmount('100,00', { loan: openLoan, projectedAvailable: 50_000 }, formatBRL)).toEqual({ ok: true, centavos: 10_000 });
  });

  it('rejects an amount below R$ 25,00', () => {
    const result = checkInvestAmount('24,99', { loan: openLoan, projectedAvailable: 50_000 }, formatBRL);
    expect(result).toEqual({ ok: false, errorKey: 'invest.errors.belowMinimum', values: { minimum: 'R$\u00a025,00' } });
  });

  it('rejects an amount above what the loan still needs', () => {
    const result = checkInvestAmount('100,01', { loan: openLoan, projectedAvailable: 50_000 }, formatBRL);
    expect(result).toEqual({ ok: false, errorKey: 'invest.errors.aboveRemaining', values: { remaining: 'R$\u00a0100,00' } });
  });

  it('rejects an amount above the projected balance', () => {
    const result = checkInvestAmount('60,00', { loan: openLoan, projectedAvailable: 5_000 }, formatBRL);
    expect(result).toEqual({ ok: false, errorKey: 'operations.errors.insufficientBalance', values: { balance: 'R$\u00a050,00' } });
  });

  it('skips the balance check before the wallet arrives', () => {
    expect(checkInvestAmount('60,00', { loan: openLoan, projectedAvailable: null }, formatBRL)).toEqual({ ok: true, centavos: 6_000 });
  });

  it('rejects any amount for a loan that is not open', () => {
    const result = checkInvestAmount('100,00', { loan: { ...openLoan, status: 'funded' }, projectedAvailable: 50_000 }, formatBRL);
    expect(result).toEqual({ ok: false, errorKey: 'invest.errors.notOpen' });
  });
});

describe('operation helpers', () => {
  it('never report a negative remaining amount', () => {
    expect(remainingCentavos({ amount: 100, funded: 150 })).toBe(0);
  });

  it('count only queued and in-flight operations', () => {
    const states = ['waiting_for_connection', 'sending', 'accepted', 'rejected', 'sending'] as const;
    expect(countInFlight(states.map((state) => ({ state })))).toBe(3);
  });

  it('translate every rejection reason in pt-BR', () => {
    for (const reason of COMMAND_REJECTION_REASONS) {
      const key = rejectionReasonKey(reason).split('.');
      expect(key.slice(0, 2)).toEqual(['operations', 'reasons']);
      expect(ptBR.operations.reasons[reason]).toMatch(/\S/);
    }
    expect(ptBR.operations.reasons.insufficient_balance).toBe('saldo insuficiente');
    expect(ptBR.operations.reasons.loan_not_open).toBe('o empréstimo não está mais aberto');
    expect(ptBR.operations.reasons.below_minimum).toBe('abaixo do mínimo de R$ 25,00');
    expect(ptBR.operations.reasons.above_remaining).toBe('acima do valor restante');
    expect(ptBR.operations.reasons.invalid_pix_key).toBe('chave PIX inválida ou não cadastrada');
  });
});

describe('panelOperations', () => {
  const pixOut: CommandDoc = {
    id: '0190f000-0000-7000-8000-000000000001',
    type: 'pixOut',
    amount: 5_000,
    pixKey: 'investidor@lastro.demo',
    pixKeyType: 'email',
    status: 'accepted',
    pixOutState: 'blocked',
    issuedAt: '2026-12-04T20:00:00.000Z',
    seq: 7,
  };

  it('keep a blocked PIX listed after the engine drops it', () => {
    expect(panelOperations([], [pixOut]).map((operation) => [operation.id, operation.state])).toEqual([[pixOut.id, 'accepted']]);
  });

  it('drop a confirmed PIX the engine no longer lists', () => {
    expect(panelOperations([], [{ ...pixOut, pixOutState: 'confirmed' }])).toEqual([]);
  });

  it('list a PIX once when the engine still lists it', () => {
    const listed = { id: pixOut.id, type: 'pixOut' as const, amount: 5_000, issuedAt: pixOut.issuedAt, state: 'accepted' as const };
    expect(panelOperations([listed], [pixOut])).toHaveLength(1);
  });
});
