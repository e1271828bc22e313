export const LOAN_STATUSES = ['open', 'funded', 'active', 'repaid', 'late', 'defaulted', 'cancelled'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const LOAN_GRADES = ['A', 'B', 'C', 'D', 'E', 'HR'] as const;
export type LoanGrade = (typeof LOAN_GRADES)[number];
