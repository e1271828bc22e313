import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import { consoleSink, createErrorReporter, desktopSink, installErrorReporting } from './platform/error-reporting';
import { desktopShell } from './platform/shell';
import { startSession } from './state/session';
import './styles.css';
import './operations.css';

// Installed before the app renders, so errors during start-up are reported too.
const shell = desktopShell(window.lastro);
const errorReporter = createErrorReporter({
  sink: shell === null ? consoleSink(console) : desktopSink(shell, console),
  route: () => window.location.hash,
  now: () => new Date(),
  output: console,
});
installErrorReporting(window, errorReporter);

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}

const root = createRoot(container);
void initI18n().then(() => {
  root.render(
    <StrictMode>
      <ErrorBoundary reporter={errorReporter}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
  return startSession();
});
