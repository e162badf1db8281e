// "Mood & Dose: Snooze Reminder": quiet the check-in reminder for a while, or for the rest of today.
import * as vscode from 'vscode';
import type { CheckInStatusItem } from '../statusBar/checkInStatusItem';

interface SnoozeItem extends vscode.QuickPickItem {
  ms?: number;
  skip?: boolean;
}

export function snoozeReminderCommand(status: Pick<CheckInStatusItem, 'snooze' | 'skipToday'>) {
  return async (): Promise<void> => {
    const items: SnoozeItem[] = [
      { label: vscode.l10n.t('1 hour'), ms: 3600_000 },
      { label: vscode.l10n.t('30 minutes'), ms: 1800_000 },
      { label: vscode.l10n.t('2 hours'), ms: 7200_000 },
      { label: vscode.l10n.t('Skip today'), description: vscode.l10n.t('No more reminders until tomorrow'), skip: true }
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Snooze Reminder'), placeHolder: vscode.l10n.t('Quiet the check-in reminder for…') });
    if (!picked) return;
    if (picked.skip) await status.skipToday();
    else await status.snooze(picked.ms!);
    void vscode.window.setStatusBarMessage(picked.skip ? vscode.l10n.t('Check-in reminders skipped for today') : vscode.l10n.t('Check-in reminder snoozed for {0}', picked.label), 4000);
  };
}
