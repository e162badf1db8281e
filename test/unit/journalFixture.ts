// A real journal in a temp folder with the journal actions and the panel's handlers over it, as the
// journal bundle wires them, but with plain stand-ins for what only VS Code provides.
import type { DayClock } from '../../src/core/entries';
import { DEFAULT_MOOD_LABELS } from '../../src/core/mood';
import type { SafetyTrigger } from '../../src/core/safety';
import { DEFAULT_RESOURCES } from '../../src/core/safety';
import type { Handlers } from '../../src/webviews/protocol';
import { JournalActions, type Origin } from '../../src/services/journalActions';
import { JournalStore } from '../../src/storage/journalStore';
import { JOURNAL_COMMANDS } from '../../src/commands/ids';
import { webviewHandlers, type HandlerDeps } from '../../src/webviews/handlers';
import * as figures from '../../src/bundles/figures';
import { sqlJs, tempDir } from './helpers';

/** Like vscode.l10n.t with no bundle: fills {0}, {1}… in the English message. */
export const english = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

export interface TestJournal {
  store: JournalStore;
  actions: JournalActions;
  handlers: Handlers;
  /** What the actions asked of VS Code: context key sets and support-card offers, in order. */
  effects: string[];
  /** Commands the handlers ran (from the command table) and links they asked VS Code to open. */
  opened: string[];
  settings: HandlerDeps['settings'];
  close(): Promise<void>;
}

/** `t`: the host's words (English as written unless a test passes a bundle's); `language`: the one they are in, for plural rules and dates. */
export async function testJournal(clock: DayClock, t: (message: string, ...args: (string | number)[]) => string = english, language?: string): Promise<TestJournal> {
  const store = await JournalStore.open({ dir: await tempDir('mdj-actions-'), sql: await sqlJs(), now: () => clock.now(), compactAfterMs: 3_600_000 });
  const effects: string[] = [];
  const opened: string[] = [];
  const settings: HandlerDeps['settings'] = {
    medicationName: () => 'Escitalopram',
    unit: () => 'mg',
    defaultDose: () => null,
    moodLabels: () => DEFAULT_MOOD_LABELS.map((l) => t(l)),
    supportResources: () => [...DEFAULT_RESOURCES],
    checkupIntervalDays: () => 14,
    symptomReviewEnabled: () => true
  };
  const actions = new JournalActions({
    journal: async () => store,
    clock,
    settings,
    t,
    language,
    checkedIn: () => effects.push('hasCheckIn'),
    offerSupport: (trigger: SafetyTrigger | undefined, origin: Origin) => effects.push(`support:${trigger ?? 'none'}:${origin}`),
    notApplied: (count: number) => effects.push(`notApplied:${count}`),
    supplyBelowZero: (supplies) => effects.push(`belowZero:${supplies.map((s) => `${s.name} ${s.onHand}`).join(',')}`)
  });
  let card = false;
  // The extension's whole command table, more than a page may run: each records that it ran.
  const commands = Object.fromEntries(
    [...JOURNAL_COMMANDS, 'moodDose.openDashboard'].map((id) => [id, async () => void opened.push(`command:${id.replace('moodDose.', '')}`)])
  ) as HandlerDeps['commands'];
  const handlers = webviewHandlers({
    read: async () => store,
    actions,
    clock,
    settings,
    t,
    language,
    figures: () => figures,
    support: { cardVisible: () => card, dismiss: async () => void (card = false) },
    commands,
    host: {
      openLink: async (l) => void opened.push(`link:${l}`),
      editInSidebar: async (entry) => void opened.push(`edit:${entry.id}`)
    }
  });
  return { store, actions, handlers, effects, opened, settings, close: () => store.close() };
}
