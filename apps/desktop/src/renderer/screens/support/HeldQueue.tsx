import type { SupportChatMessage } from '@lastro/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSupportTime, supportErrorKey } from '../../lib/support';
import { supportApi } from './support-client';

/** How often the queue reloads by itself; support users have no sync stream of held messages. */
const REFRESH_MS = 15_000;

type Action = 'release' | 'reject';

interface Notice {
  tone: 'ok' | 'error';
  key: string;
}

/** The held messages waiting for review, oldest first, each with Liberar and Rejeitar behind a confirmation. */
export function HeldQueue() {
  const { t, i18n } = useTranslation();
  const [messages, setMessages] = useState<SupportChatMessage[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; action: Action } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    try {
      const held = await supportApi().listHeldMessages();
      if (!mounted.current) return;
      setMessages(held);
      setLoadError(null);
    } catch (error) {
      if (mounted.current) setLoadError(supportErrorKey(error));
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      mounted.current = false;
      clearInterval(timer);
    };
  }, [load]);

  async function review(id: string, action: Action): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      const api = supportApi();
      await (action === 'release' ? api.releaseMessage(id) : api.rejectMessage(id));
      if (!mounted.current) return;
      setMessages((current) => current?.filter((message) => message.id !== id) ?? null);
      setNotice({ tone: 'ok', key: action === 'release' ? 'supportConsole.held.released' : 'supportConsole.held.rejected' });
    } catch (error) {
      if (!mounted.current) return;
      setNotice({ tone: 'error', key: supportErrorKey(error) });
      void load();
    } finally {
      if (mounted.current) {
        setBusy(false);
        setConfirming(null);
      }
    }
  }

  return (
    <section className="panel support__held" aria-labelledby="support-held-title" data-testid="held-queue" data-count={messages?.length ?? ''}>
      <div className="panel__toolbar">
        <h2 id="support-held-title" className="panel__title">
          {t('supportConsole.held.title')}
          {messages !== null && messages.length > 0 && <span className="badge">{messages.length}</span>}
        </h2>
        <button type="button" className="button button--small button--ghost" data-testid="held-refresh" onClick={() => void load()}>
          {t('supportConsole.held.refresh')}
        </button>
      </div>
      {notice !== null && (
        <p className={notice.tone === 'ok' ? 'support__ok' : 'form-error'} role="status" data-testid="held-notice">
          {t(notice.key)}
        </p>
      )}
      {loadError !== null && (
        <p className="form-error" role="alert" data-testid="held-error">
          {t(loadError)}
        </p>
      )}
      {messages === null ? (
        loadError === null && <p className="muted">{t('supportConsole.loading')}</p>
      ) : messages.length === 0 ? (
        <p className="muted" data-testid="held-empty">{t('supportConsole.held.empty')}</p>
      ) : (
        <ul className="support__held-list">
          {messages.map((message) => (
            <li key={message.id} className="support__held-item" data-testid="held-message" data-id={message.id}>
              <div className="support__held-meta">
                <span className="nowrap">{formatSupportTime(message.createdAt, i18n.language)}</span>
                <span data-testid="held-sender">
                  {message.sender === undefined ? message.senderId : `${message.sender.name} · ${message.sender.email}`}
                </span>
                <span className="muted">{t('supportConsole.held.loan', { loanId: message.loanId })}</span>
              </div>
              <p className="support__text" data-testid="held-text">{message.text}</p>
              <p className="support__held-why muted">
                {t('supportConsole.held.why', {
                  kinds: message.contactKinds.map((kind) => t(`supportConsole.contactKinds.${kind}`)).join(', ') || t('supportConsole.held.noKinds'),
                })}
                <span className="mono support__room" title={t('supportConsole.held.room')}>{message.roomId}</span>
              </p>
              {confirming?.id === message.id ? (
                <div className="support__confirm" role="group" data-testid="held-confirm">
                  <span>{t(confirming.action === 'release' ? 'supportConsole.held.confirmRelease' : 'supportConsole.held.confirmReject')}</span>
                  <button
                    type="button"
                    className={`button button--small ${confirming.action === 'release' ? 'button--primary' : 'support__danger'}`}
                    data-testid="held-confirm-yes"
                    disabled={busy}
                    onClick={() => void review(message.id, confirming.action)}
                  >
                    {t('supportConsole.held.confirm')}
                  </button>
                  <button type="button" className="button button--small button--ghost" data-testid="held-confirm-no" disabled={busy} onClick={() => setConfirming(null)}>
                    {t('supportConsole.held.cancel')}
                  </button>
                </div>
              ) : (
                <div className="support__actions">
                  <button type="button" className="button button--small button--primary" data-testid="held-release" onClick={() => setConfirming({ id: message.id, action: 'release' })}>
                    {t('supportConsole.held.release')}
                  </button>
                  <button type="button" className="button button--small support__danger" data-testid="held-reject" onClick={() => setConfirming({ id: message.id, action: 'reject' })}>
                    {t('supportConsole.held.reject')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
