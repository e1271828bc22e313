import type { SupportAuditVerifyResponse } from '@lastro/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supportErrorKey } from '../../lib/support';
import { supportApi } from './support-client';

/** "Verificar cadeia": checks the audit hash chain on the server and shows ok or the first broken record. */
export function ChainVerify() {
  const { t } = useTranslation();
  const [result, setResult] = useState<SupportAuditVerifyResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setResult(await supportApi().verifyAudit());
    } catch (failure) {
      setResult(null);
      setError(supportErrorKey(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel support__verify" aria-labelledby="support-verify-title">
      <h2 id="support-verify-title" className="panel__title">{t('supportConsole.verify.title')}</h2>
      <p className="muted">{t('supportConsole.verify.help')}</p>
      <button type="button" className="button" data-testid="verify-chain" disabled={busy} onClick={() => void verify()}>
        {busy ? t('supportConsole.verify.running') : t('supportConsole.verify.run')}
      </button>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="verify-error">{t(error)}</p>
      )}
      {result !== null &&
        (result.ok ? (
          <div className="support__ok" role="status" data-testid="verify-result" data-ok="true">
            <p>{t('supportConsole.verify.ok', { count: result.records })}</p>
            {result.lastHash !== undefined && (
              <p className="muted">
                {t('supportConsole.verify.lastHash')} <span className="mono" data-testid="verify-last-hash">{result.lastHash}</span>
              </p>
            )}
          </div>
        ) : (
          <div className="form-error" role="alert" data-testid="verify-result" data-ok="false" data-seq={result.firstBroken?.seq}>
            <p>
              {t('supportConsole.verify.broken', {
                seq: result.firstBroken?.seq ?? '?',
                reason: t(`supportConsole.verify.reasons.${result.firstBroken?.reason ?? 'hash_mismatch'}`),
              })}
            </p>
            <p className="muted">{t('supportConsole.verify.intact', { count: result.records })}</p>
          </div>
        ))}
    </section>
  );
}
