// "Mood & Dose: Log Refill" (tablets added) and "Mood & Dose: Count Tablets" (tablets on hand now,
// correcting the running count). The first time, they ask for the tablet strength and how the
// tablets are split. The confirmation says about how many days the supply lasts at the current dose;
// it never says anything about the dose itself.
import * as vscode from 'vscode';
import { formatMg, parseMg } from '../core/entries';
import { TABLETS_MAX } from '../core/limits';
import type { Medication, SupplyChange, TabletSplit } from '../core/schemas';
import type { SupplyStatus } from '../core/supply';
import { formatTablets, parseTablets } from '../core/tablets';
import { medications } from '../storage/read/plan';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { input, pick } from './quickInput';
import { FlowSteps } from './steps';
import { plural } from '../services/plural';
import { supplyLine } from '../services/supplyWords';

type Deps = Pick<CommandDeps, 'read' | 'actions' | 'settings'>;

export function logRefillCommand(d: Deps) {
  return (): Promise<string | undefined> => logSupply(d, 'refill');
}

export function countTabletsCommand(d: Deps) {
  return (): Promise<string | undefined> => logSupply(d, 'count');
}

async function logSupply(d: Deps, kind: SupplyChange['kind']): Promise<string | undefined> {
  const steps = new FlowSteps(vscode.l10n.t, kind === 'refill' ? vscode.l10n.t('Log Refill') : vscode.l10n.t('Count Tablets'), 1);
  const medicationId = await tabletsOf(d, steps);
  if (!medicationId) return undefined;
  const medication = (await d.read()).get('medications', medicationId)!;
  const strength = medication.tabletMg ? formatMg(medication.tabletMg) : '';
  const typed = await input({
    title: steps.next(kind === 'refill' ? vscode.l10n.t('tablets received') : vscode.l10n.t('tablets on hand')),
    prompt:
      kind === 'refill'
        ? vscode.l10n.t('How many {0} {1} tablets did you get? (Halves as .5, quarters as .25)', strength, medication.unit)
        : vscode.l10n.t('How many {0} {1} tablets do you have now? Count halves as .5 and quarters as .25', strength, medication.unit),
    validate: (v) => {
      const n = parseTablets(v);
      if (n === undefined) return vscode.l10n.t('Type a number of tablets up to {0}, e.g. 30, 12.5 or 12.25', TABLETS_MAX);
      return kind === 'refill' && n === 0 ? vscode.l10n.t('A refill adds at least a quarter tablet') : undefined;
    }
  });
  if (typed === undefined) return undefined;
  const saved = await d.actions.logSupply({ medicationId, kind, tablets: parseTablets(typed)! });
  const line = supplyLine(saved.status);
  void confirmSaved(d.actions, { ...saved, message: line ? `${saved.message} ${line}` : saved.message });
  if (saved.status.belowZero) void askToCount([saved.status]);
  return saved.id;
}

/** The medication whose tablets these are, asking for its strength and split the first time. */
async function tabletsOf(d: Deps, steps: FlowSteps): Promise<string | undefined> {
  const list = medications(await d.read());
  let medication: Medication | undefined = list[0];
  // The count itself, a pick among several medications, and strength and split the first time.
  steps.total = 1 + (list.length > 1 ? 1 : 0) + (list.length > 1 ? 0 : medication?.tabletMg ? 0 : 2);
  if (list.length > 1) {
    type Item = vscode.QuickPickItem & { medication: Medication };
    const picked = await pick<Item>({
      title: steps.next(vscode.l10n.t('medication')),
      placeholder: vscode.l10n.t('Which medication?'),
      items: list.map((m) => ({ label: m.name, description: m.tabletMg ? vscode.l10n.t('{0} {1} tablets', formatMg(m.tabletMg), m.unit) : '', medication: m }))
    });
    if (!picked?.[0]) return undefined;
    medication = picked[0].medication;
    if (!medication.tabletMg) steps.total += 2;
  }
  if (medication?.tabletMg) return medication.id;
  const unit = medication?.unit ?? d.settings.unit();
  const name = medication?.name ?? d.settings.medicationName();
  const strength = await input({
    title: steps.next(vscode.l10n.t('strength')),
    prompt: vscode.l10n.t('The strength of one {0} tablet, in {1} (e.g. 20)', name, unit),
    validate: (v) => (!parseMg(v) ? vscode.l10n.t('Type the strength as a number above 0, e.g. 20 or 10') : undefined)
  });
  if (strength === undefined) return undefined;
  type SplitItem = vscode.QuickPickItem & { split: TabletSplit };
  const splits: SplitItem[] = [
    { label: vscode.l10n.t('Whole tablets'), split: 'none' },
    { label: vscode.l10n.t('Split in half'), split: 'half' },
    { label: vscode.l10n.t('Split in quarters'), split: 'quarter' }
  ];
  const split = await pick<SplitItem>({ title: steps.next(vscode.l10n.t('split')), placeholder: vscode.l10n.t('Do you split the tablets?'), items: splits });
  if (!split?.[0]) return undefined;
  return (await d.actions.saveTablets({ medicationId: medication?.id ?? null, tabletMg: parseMg(strength)!, split: split[0].split })).id;
}

/** A count below zero is never left silently: ask to count the tablets (not modal, never about the dose). */
export async function askToCount(supplies: readonly SupplyStatus[]): Promise<void> {
  const count = vscode.l10n.t('Count Tablets');
  const below = (s: SupplyStatus) => {
    const n = -(s.onHand ?? 0);
    return plural(n, { one: vscode.l10n.t('{0} ({1} tablet below zero)', s.name, formatTablets(n)), other: vscode.l10n.t('{0} ({1} tablets below zero)', s.name, formatTablets(n)) });
  };
  const which = supplies.map(below).join(', ');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('The tablet count would go below zero for {0}: more doses are logged than tablets recorded. Count your tablets to correct it.', which), count);
  if (choice === count) await vscode.commands.executeCommand('moodDose.countTablets');
}
