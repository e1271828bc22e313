import { Component, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';
import type { ErrorReporter } from '../platform/error-reporting';

interface ErrorBoundaryProps extends WithTranslation {
  reporter: ErrorReporter;
  children: ReactNode;
}

/**
 * Catches render errors anywhere below it, reports them with React's component stack, and
 * replaces the app with a message and a reload button instead of a blank window.
 */
class ErrorBoundaryBase extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.reporter.report({ kind: 'render', thrown: error, componentStack: info.componentStack ?? '' });
  }

  override render(): ReactNode {
    if (!this.state.failed) {
      return this.props.children;
    }
    const { t } = this.props;
    return (
      <main className="error-boundary" role="alert" data-testid="error-boundary">
        <h1>{t('errorBoundary.title')}</h1>
        <p>{t('errorBoundary.body')}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('errorBoundary.reload')}
        </button>
      </main>
    );
  }
}

export const ErrorBoundary = withTranslation()(ErrorBoundaryBase);
