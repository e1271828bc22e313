import { LEDGER_ENTRY_KINDS, LOAN_STATUSES, NOTIFICATION_TYPES } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import en from '../src/renderer/i18n/en.json';
import ptBR from '../src/renderer/i18n/pt-BR.json';
import chatEn from '../src/renderer/i18n/chat.en.json';
import chatPtBR from '../src/renderer/i18n/chat.pt-BR.json';
import collabEn from '../src/renderer/i18n/collab.en.json';
import collabPtBR from '../src/renderer/i18n/collab.pt-BR.json';
import notificationsEn from '../src/renderer/i18n/notifications.en.json';
import notificationsPtBR from '../src/renderer/i18n/notifications.pt-BR.json';
import supportEn from '../src/renderer/i18n/support.en.json';
import supportPtBR from '../src/renderer/i18n/support.pt-BR.json';
import updateEn from '../src/renderer/i18n/update.en.json';
import updatePtBR from '../src/renderer/i18n/update.pt-BR.json';

/** Lists every leaf key of a nested translation object as a dotted path. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix === '' ? key : `${prefix}.${key}`));
}

describe('translations', () => {
  it('have the same keys in pt-BR and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(ptBR).sort());
    expect(leafKeys(chatEn).sort()).toEqual(leafKeys(chatPtBR).sort());
    expect(leafKeys(collabEn).sort()).toEqual(leafKeys(collabPtBR).sort());
    expect(leafKeys(supportEn).sort()).toEqual(leafKeys(supportPtBR).sort());
    expect(leafKeys(notificationsEn).sort()).toEqual(leafKeys(notificationsPtBR).sort());
    expect(leafKeys(updateEn).sort()).toEqual(leafKeys(updatePtBR).sort());
  });

  it('ask before restarting for an update', () => {
    expect(updatePtBR.restartNow).toBe('Reiniciar agora');
    expect(updatePtBR.later).toBe('Depois');
  });

  it('name every notification type in both languages', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(notificationsPtBR.types[type]).toBeTruthy();
      expect(notificationsEn.types[type]).toBeTruthy();
    }
    expect(notificationsPtBR.securityAlert.revoke).toBe('Não fui eu — encerrar sessão');
  });

  it('keep the chat and support console texts out of the main files', () => {
    expect(Object.keys(ptBR)).not.toContain('chat');
    expect(Object.keys(ptBR)).not.toContain('collab');
    expect(Object.keys(ptBR)).not.toContain('supportConsole');
    expect(Object.keys(ptBR)).not.toContain('notifications');
  });

  it('name every loan status in pt-BR', () => {
    expect(LOAN_STATUSES.map((status) => ptBR.loans.statuses[status])).toEqual([
      'Aberto',
      'Financiado',
      'Ativo',
      'Quitado',
      'Em atraso',
      'Inadimplente',
      'Cancelado',
    ]);
  });

  it('describe every ledger entry kind in pt-BR', () => {
    expect(LEDGER_ENTRY_KINDS.map((kind) => ptBR.ledger.kinds[kind])).toEqual([
      'PIX recebido',
      'Devolução em processamento',
      'Devolução de PIX',
      'Devolução não realizada',
      'Investimento',
      'PIX enviado (valor bloqueado)',
      'PIX enviado',
      'PIX não realizado (valor liberado)',
    ]);
  });

  it('label the connection states', () => {
    expect(ptBR.connection.online).toBe('Online');
    expect(ptBR.connection.reconnectingIn).toBe('Reconectando em {{seconds}} s');
    expect(ptBR.connection.unauthorized).toBe('Sessão expirada');
    expect(ptBR.connection.offline).toBe('Offline');
  });

  it('label the operation states in pt-BR', () => {
    expect(ptBR.operations.states).toEqual({
      waiting_for_connection: 'Aguardando conexão',
      sending: 'Enviando',
      accepted: 'Aceita',
      rejected: 'Rejeitada: {{reason}}',
    });
  });
});
