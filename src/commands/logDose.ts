// "Mood & Dose: Log Dose": record only the medication (taken, skipped or changed), no mood.
import * as vscode from 'vscode';
import { buildStandaloneDose, formatMg } from '../core/entries';
import { currentStep, offeredDose } from '../core/taper';
import { localDateOf } from '../core/time';
import type { Services } from '../services/services';
import { lastDose, taperSteps } from '../storage/journalQueries';
import { statusLabel } from './checkIn';
import { askDose } from './checkInSteps';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

export function logDoseCommand(s: Services) {
  return async (): Promise<string | undefined> => {
    const store = await s.journal.get();
    const last = lastDose(store);
    const unit = s.settings.unit();
    const medication = s.settings.medicationName();
    const today = localDateOf(s.clock.now(), s.clock.zone());
    const dose = await askDose(vscode.l10n.t('Log Dose: {0} in {1}', medication, unit), {
      offered: offeredDose(last, currentStep(taperSteps(store), today), s.settings.defaultDose()),
      previous: last?.mg ?? null,
      medication,
      unit,
      allowNone: false
    });
    if (!dose || dose === 'none') return undefined;
    const row = buildStandaloneDose(dose, s.clock);
    await writeJournal(store, [{ table: 'doses', row }]);
    void confirmSaved(s, vscode.l10n.t('Saved: {0} {1} {2}', formatMg(row.mg), unit, statusLabel(row.status)), [{ table: 'doses', row }]);
    return row.id;
  };
}
