import { useState } from 'react';
import { DepositDialog } from './DepositDialog';
import { LoanBook } from './LoanBook';
import { OverruledChanges } from './OverruledChanges';
import { PendingOperations } from './PendingOperations';
import { PixOutDialog } from './PixOutDialog';
import { PreferencesPanel } from './PreferencesPanel';
import { Statement } from './Statement';
import { WalletPanel } from './WalletPanel';

type OpenDialog = 'deposit' | 'pixOut' | null;

export function DashboardScreen() {
  const [openDialog, setOpenDialog] = useState<OpenDialog>(null);
  return (
    <main className="dashboard">
      <div className="dashboard__side">
        <WalletPanel onDeposit={() => setOpenDialog('deposit')} onPixOut={() => setOpenDialog('pixOut')} />
        <PendingOperations />
        <Statement />
        <OverruledChanges />
        <PreferencesPanel />
      </div>
      <LoanBook />
      {openDialog === 'deposit' && <DepositDialog onClose={() => setOpenDialog(null)} />}
      {openDialog === 'pixOut' && <PixOutDialog onClose={() => setOpenDialog(null)} />}
    </main>
  );
}
