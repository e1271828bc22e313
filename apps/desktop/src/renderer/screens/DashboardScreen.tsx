import { useState } from 'react';
import { DepositDialog } from './DepositDialog';
import { LoanBook } from './LoanBook';
import { Statement } from './Statement';
import { WalletPanel } from './WalletPanel';

export function DashboardScreen() {
  const [depositOpen, setDepositOpen] = useState(false);
  return (
    <main className="dashboard">
      <div className="dashboard__side">
        <WalletPanel onDeposit={() => setDepositOpen(true)} />
        <Statement />
      </div>
      <LoanBook />
      {depositOpen && <DepositDialog onClose={() => setDepositOpen(false)} />}
    </main>
  );
}
