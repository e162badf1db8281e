// Pseudo-localisation of the palette: the whole check-in (mood, dose, symptoms and their severity,
// energy, anxiety, sleep, tags, note) and Take Check-up run through the real flows against a `vscode`
// stand-in whose l10n.t is a ⟦…⟧ bundle's. Every title, placeholder, prompt and item the user sees
// must come out pseudo-localised; user data, numbers and the official questionnaire text aside.
import './vscodeStandIn';
import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkInCommand } from '../../src/commands/checkIn';
import { takeCheckupCommand } from '../../src/commands/takeCheckup';
import type { CommandDeps } from '../../src/commands/deps';
import { ANSWERS, ATTRIBUTION, DIFFICULTY_ANSWERS, DIFFICULTY_QUESTION, GAD7, PHQ9 } from '../../src/core/questionnaires';
import { pseudoT, unlocalised } from '../fixtures/pseudo';
import { fixedClock } from './helpers';
import { testJournal, type TestJournal } from './journalFixture';

/** Never translated, on purpose: instrument names and official wording, units, the medication (user data). */
const ALLOWED = ['PHQ-9', 'GAD-7', PHQ9.stem, GAD7.stem, ...PHQ9.items, ...GAD7.items, ...ANSWERS, DIFFICULTY_QUESTION, ...DIFFICULTY_ANSWERS, ATTRIBUTION, 'Escitalopram', 'mg'];

interface Shown {
  what: string;
  text: string;
}

/** A quick pick or input box that records what it shows, then accepts its first real item (or `answer`). */
function scriptedUi(shown: Shown[], answers: Record<string, string>) {
  const listeners = () => {
    const l: Record<string, ((v?: unknown) => void)[]> = {};
    const on = (name: string) => (fn: (v?: unknown) => void) => ((l[name] ??= []).push(fn), { dispose() {} });
    const fire = (name: string, v?: unknown) => (l[name] ?? []).forEach((fn) => fn(v));
    return { on, fire };
  };
  const record = (o: Record<string, unknown>, what: string) => {
    for (const key of ['title', 'placeholder', 'prompt']) if (typeof o[key] === 'string' && o[key]) shown.push({ what: `${what}.${key}`, text: o[key] as string });
  };
  const answerFor = (title: string) => Object.entries(answers).find(([k]) => title.includes(k))?.[1];
  const w = vscode.window as unknown as Record<string, unknown>;
  w.createQuickPick = () => {
    const { on, fire } = listeners();
    const qp: Record<string, unknown> = {
      items: [],
      activeItems: [],
      selectedItems: [],
      value: '',
      onDidChangeValue: on('value'),
      onDidAccept: on('accept'),
      onDidHide: on('hide'),
      dispose() {},
      show() {
        record(qp, 'pick');
        const items = qp.items as vscode.QuickPickItem[];
        for (const i of items) for (const text of [i.label, i.description, i.detail]) if (text) shown.push({ what: 'pick.item', text });
        const typed = answerFor(String(qp.title));
        if (typed !== undefined) {
          qp.value = typed;
          fire('value', typed);
        }
        const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && !(i as { about?: boolean }).about);
        qp.activeItems = first ? [first] : [];
        qp.selectedItems = first ? [first] : [];
        setTimeout(() => fire('accept'), 0);
      }
    };
    return qp;
  };
  w.createInputBox = () => {
    const { on, fire } = listeners();
    const box: Record<string, unknown> = {
      value: '',
      onDidChangeValue: on('value'),
      onDidAccept: on('accept'),
      onDidHide: on('hide'),
      dispose() {},
      show() {
        record(box, 'input');
        setTimeout(() => fire('accept'), 0);
      }
    };
    return box;
  };
  w.showQuickPick = (items: vscode.QuickPickItem[], options: vscode.QuickPickOptions) => {
    for (const text of [options.title, options.placeHolder]) if (text) shown.push({ what: 'showQuickPick', text });
    for (const i of items) for (const text of [i.label, i.description, i.detail]) if (text) shown.push({ what: 'showQuickPick.item', text });
    return Promise.resolve(items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && !(i as { about?: boolean }).about));
  };
  w.showInformationMessage = (message: string) => (shown.push({ what: 'message', text: message }), Promise.resolve(undefined));
}

describe('pseudo-localisation: the palette flows (vscode stand-in)', function () {
  this.timeout(30_000);
  let journal: TestJournal;
  const l10n = vscode.l10n as unknown as { t: unknown };
  const realT = l10n.t;
  before(() => void (l10n.t = pseudoT));
  after(() => void (l10n.t = realT));
  beforeEach(async () => void (journal = await testJournal(fixedClock('2026-06-30T18:00:00Z', 'UTC'), pseudoT)));
  afterEach(() => journal.close());

  const deps = (): Pick<CommandDeps, 'read' | 'actions' | 'clock' | 'settings'> =>
    ({
      read: async () => journal.store,
      actions: journal.actions,
      clock: fixedClock('2026-06-30T18:00:00Z', 'UTC'),
      settings: { ...journal.settings, checkInSteps: () => ['symptoms', 'scales', 'tags', 'note'], checkupIntervalDays: () => 14 }
    }) as never;

  const leaks = (shown: Shown[]) => shown.flatMap((s) => unlocalised(s.text.replace(/\$\([a-z-]+\)/g, ' '), ALLOWED).map((w) => `${w} ← ${s.what}: ${s.text}`));

  it('the check-in, every step, shows only pseudo-localised words', async () => {
    const shown: Shown[] = [];
    scriptedUi(shown, { [pseudoT('mood')]: '', [pseudoT('energy')]: '', [pseudoT('anxiety')]: '' });
    await checkInCommand(deps())();
    assert.ok(shown.filter((s) => s.what === 'pick.title' || s.what === 'input.title').length >= 6, `asked ${shown.length} things: ${shown.map((s) => s.what).join(', ')}`);
    assert.deepStrictEqual(leaks(shown), []);
  });

  it('Take Check-up shows only pseudo-localised words besides the official questionnaire text', async () => {
    const shown: Shown[] = [];
    scriptedUi(shown, {});
    await takeCheckupCommand(deps())();
    assert.ok(shown.filter((s) => s.what === 'pick.title').length >= 9, 'every question was asked');
    assert.deepStrictEqual(leaks(shown), []);
  });
});
