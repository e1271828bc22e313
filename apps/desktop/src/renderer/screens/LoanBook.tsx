import { formatBRL } from '@lastro/domain';
import { LOAN_STATUSES, type LoanDoc } from '@lastro/protocol';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatMonthlyRate,
  fundingPercent,
  isLoanSortKey,
  LOAN_SORT_KEYS,
  selectLoans,
  type LoanSortKey,
  type LoanStatusFilter,
} from '../lib/loans';
import { EMPTY_LOAN_FILTER, matchesLoanFilter, type LoanFilter } from '../lib/loan-filter';
import { routeHash } from '../lib/routes';
import { useLiveStore } from '../state/live-store';
import { LoanAlertFilter } from './LoanAlertFilter';

const ROW_HEIGHT_PX = 30;

function isStatusFilter(value: string): value is LoanStatusFilter {
  return value === 'all' || LOAN_STATUSES.some((status) => status === value);
}

function openLoan(loanId: string): void {
  window.location.hash = routeHash({ name: 'loan', loanId });
}

export function FundingBar({ loan }: { loan: LoanDoc }) {
  const percent = fundingPercent(loan);
  return (
    <span className="funding" title={`${percent}%`}>
      <span className="funding__track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className="funding__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="funding__label">{percent}%</span>
    </span>
  );
}

/** Shows the live loan book: a status filter, a sort order and a virtualised list whose rows open a loan on Enter or click. */
export function LoanBook() {
  const { t, i18n } = useTranslation();
  const loans = useLiveStore((state) => state.loans);
  const [status, setStatus] = useState<LoanStatusFilter>('all');
  const [sortKey, setSortKey] = useState<LoanSortKey>('newest');
  const [alertFilter, setAlertFilter] = useState<LoanFilter>(EMPTY_LOAN_FILTER);
  const [activeIndex, setActiveIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(
    () => selectLoans(loans, status, sortKey).filter((loan) => matchesLoanFilter(loan, alertFilter)),
    [loans, status, sortKey, alertFilter],
  );
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
    getItemKey: (index) => visible[index]?.id ?? index,
  });

  useEffect(() => {
    if (activeIndex >= visible.length && visible.length > 0) {
      setActiveIndex(visible.length - 1);
    }
  }, [activeIndex, visible.length]);

  function focusRow(index: number): void {
    const target = Math.min(Math.max(index, 0), visible.length - 1);
    setActiveIndex(target);
    virtualizer.scrollToIndex(target);
    // The row may only exist after the virtualiser renders it, so focus on the next frame.
    window.requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus();
    });
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number, loanId: string): void {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + 15,
      PageUp: index - 15,
      Home: 0,
      End: visible.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openLoan(loanId);
    }
  }

  return (
    <section className="panel loan-book" aria-labelledby="loan-book-title">
      <div className="panel__toolbar">
        <h2 id="loan-book-title" className="panel__title">{t('loans.title')}</h2>
        <span className="muted" data-testid="loan-count">{t('loans.count', { count: visible.length })}</span>
        <label className="inline-field">
          <span>{t('loans.filterStatus')}</span>
          <select
            data-testid="loan-filter-status"
            value={status}
            onChange={(event) => {
              if (isStatusFilter(event.target.value)) setStatus(event.target.value);
            }}
          >
            <option value="all">{t('loans.allStatuses')}</option>
            {LOAN_STATUSES.map((value) => (
              <option key={value} value={value}>{t(`loans.statuses.${value}`)}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('loans.sort')}</span>
          <select
            data-testid="loan-sort"
            value={sortKey}
            onChange={(event) => {
              if (isLoanSortKey(event.target.value)) setSortKey(event.target.value);
            }}
          >
            {LOAN_SORT_KEYS.map((key) => (
              <option key={key} value={key}>{t(`loans.sortKeys.${key}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <LoanAlertFilter filter={alertFilter} onChange={setAlertFilter} />

      {/* Rows have a fixed height, so their cells never wrap: a narrow panel scrolls sideways instead. */}
      <div className="loan-grid__frame">
        <div className="loan-grid" role="grid" aria-rowcount={visible.length + 1} data-testid="loan-book">
          <div className="loan-grid__row loan-grid__row--head" role="row">
            <span role="columnheader">{t('loans.columns.borrower')}</span>
            <span role="columnheader" className="loan-grid__purpose">{t('loans.columns.purpose')}</span>
            <span role="columnheader" className="loan-grid__state">{t('loans.columns.state')}</span>
            <span role="columnheader" className="num">{t('loans.columns.amount')}</span>
            <span role="columnheader" className="num">{t('loans.columns.rate')}</span>
            <span role="columnheader" className="num">{t('loans.columns.term')}</span>
            <span role="columnheader">{t('loans.columns.grade')}</span>
            <span role="columnheader">{t('loans.columns.progress')}</span>
            <span role="columnheader">{t('loans.columns.status')}</span>
          </div>
          {visible.length === 0 && <p className="muted loan-grid__empty">{t('loans.empty')}</p>}
          <div className="loan-grid__scroll" ref={scrollRef}>
            <div className="loan-grid__canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
              {virtualizer.getVirtualItems().map((item) => {
                const loan = visible[item.index];
                if (loan === undefined) {
                  return null;
                }
                return (
                  <div
                    key={item.key}
                    className={`loan-grid__row loan-row loan-row--${loan.status}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    tabIndex={item.index === activeIndex ? 0 : -1}
                    data-index={item.index}
                    data-testid="loan-row"
                    data-loan-id={loan.id}
                    data-status={loan.status}
                    style={{ height: `${item.size}px`, transform: `translateY(${item.start}px)` }}
                    onClick={() => openLoan(loan.id)}
                    onFocus={() => setActiveIndex(item.index)}
                    onKeyDown={(event) => onRowKeyDown(event, item.index, loan.id)}
                  >
                    <span role="gridcell">{loan.borrowerName}</span>
                    <span role="gridcell" className="loan-grid__purpose">{loan.purpose}</span>
                    <span role="gridcell" className="loan-grid__state">{loan.state}</span>
                    <span role="gridcell" className="num" data-testid="loan-amount">{formatBRL(loan.amount)}</span>
                    <span role="gridcell" className="num" data-testid="loan-rate">
                      {formatMonthlyRate(loan.rateMonthlyBps, i18n.language)}
                    </span>
                    <span role="gridcell" className="num" data-testid="loan-term">
                      {t('loans.term', { count: loan.termMonths })}
                    </span>
                    <span role="gridcell"><span className={`grade grade--${loan.grade}`}>{loan.grade}</span></span>
                    <span role="gridcell"><FundingBar loan={loan} /></span>
                    <span role="gridcell">
                      <span className={`status status--${loan.status}`} data-testid="loan-status">
                        {t(`loans.statuses.${loan.status}`)}
                      </span>
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
