import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { startSession } from './state/session';
import './styles.css';
import './operations.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}

const root = createRoot(container);
void initI18n().then(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return startSession();
});
