/** A saved loan book filter: grades (empty for all), lowest monthly rate and longest term (0 for any). */
export interface LoanAlertFilter {
  grades: readonly string[];
  minRateMonthlyBps: number;
  maxTermMonths: number;
}

/** The loan fields a filter looks at. */
export interface LoanForAlert {
  status: string;
  grade: string;
  rateMonthlyBps: number;
  termMonths: number;
}

/** Reports whether an open loan matches the filter; loans that no longer take investments never match. */
export function matchesLoanAlert(loan: LoanForAlert, alert: LoanAlertFilter): boolean {
  return (
    loan.status === 'open' &&
    (alert.grades.length === 0 || alert.grades.includes(loan.grade)) &&
    loan.rateMonthlyBps >= alert.minRateMonthlyBps &&
    (alert.maxTermMonths === 0 || loan.termMonths <= alert.maxTermMonths)
  );
}
