// "Mood & Dose: Log Dose": record only the medication (taken, skipped or changed), no mood.
import * as vscode from 'vscode';
import { todaysDoseOffer } from '../storage/read/journal';
import { askDose } from './doseStep';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';

export function logDoseCommand(d: Pick<CommandDeps, 'read' | 'actions' | 'clock' | 'settings'>) {
  return async (): Promise<string | undefined> => {
    const store = await d.read();
    const unit = d.settings.unit();
    const medication = d.settings.medicationName();
    const dose = await askDose(vscode.l10n.t('Log Dose: {0} in {1}', medication, unit), {
      ...todaysDoseOffer(store, d.clock.today(), d.settings.defaultDose()),
      medication,
      unit,
      allowNone: false
    });
    if (!dose || dose === 'none') return undefined;
    const saved = await d.actions.logDose(dose);
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}
