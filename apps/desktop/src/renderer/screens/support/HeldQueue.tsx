import type { SupportChatMessage } from '@lastro/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { heldIdsKey, supportErrorKey } from '../../lib/support';
import { useLiveStore } from '../../state/live-store';
import { setHeldQueueIds } from './held-state';
import { HeldItem, type ReviewAction } from './HeldItem';
import { supportApi } from './support-client';

interface Notice {
  tone: 'ok' | 'error';
  key: string;
}

/** The held messages waiting for review, oldest first, each with Liberar and Rejeitar behind a confirmation. */
export function HeldQueue() {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<SupportChatMessage[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const liveHeldKey = useLiveStore((state) => heldIdsKey(state.chatMessages));
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
    return () => {
      mounted.current = false;
    };
  }, []);

  // Loads on mount and again whenever the set of held messages in the live store changes: sync
  // brings support users every held message and every review, so the queue follows live.
  useEffect(() => {
    void load();
  }, [load, liveHeldKey]);

  useEffect(() => {
    setHeldQueueIds(messages?.map((message) => message.id) ?? []);
  }, [messages]);

  async function review(id: string, action: ReviewAction): Promise<void> {
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
      if (mounted.current) setBusy(false);
    }
  }

  return (
    <section className="panel support__held" aria-labelledby="support-held-title" data-testid="held-queue" data-count={messages?.length ?? ''}>
      <div className="panel__toolbar">
        <h2 id="support-held-title" className="panel__title">
          {t('supportConsole.held.title')}
          {messages !== null && messages.length > 0 && <span className="badge" data-testid="held-count">{messages.length}</span>}
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
            <HeldItem key={message.id} message={message} busy={busy} onReview={review} />
          ))}
        </ul>
      )}
    </section>
  );
}
