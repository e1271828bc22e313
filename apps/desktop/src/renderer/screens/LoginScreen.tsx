import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn, useSessionStore } from '../state/session';

export function LoginScreen() {
  const { t } = useTranslation();
  const loggingIn = useSessionStore((state) => state.loggingIn);
  const errorKey = useSessionStore((state) => state.loginErrorKey);
  const serverUrl = useSessionStore((state) => state.platform?.serverUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missingFields, setMissingFields] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setMissingFields(true);
      return;
    }
    setMissingFields(false);
    void logIn(email.trim(), password);
  }

  const shownError = missingFields ? 'login.errors.missingFields' : errorKey;
  return (
    <main className="login">
      <form className="login__form panel" onSubmit={submit} noValidate>
        <h1>{t('login.title')}</h1>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            autoComplete="username"
            autoFocus
            data-testid="login-email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            data-testid="login-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {shownError !== null && (
          <p className="form-error" role="alert" data-testid="login-error">
            {t(shownError)}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="login-submit" disabled={loggingIn}>
          {loggingIn ? t('login.submitting') : t('login.submit')}
        </button>
        {serverUrl !== undefined && <p className="login__server">{t('login.server', { url: serverUrl })}</p>}
      </form>
    </main>
  );
}
