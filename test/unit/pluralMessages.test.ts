// Messages with a count, as the user reads them: at 0, 1 and 2 in English and at 1 and 2 in Spanish
// (the display language's bundle, its plural rules and its numbers: "7,5", never "7.5").
import './vscodeStandIn';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { setNumberLocale } from '../../src/core/entries';
import { overlapMessage } from '../../src/core/recalled';
import type { RecalledPeriod } from '../../src/core/schemas';
import type { SupplyStatus } from '../../src/core/supply';
import { holds } from '../../src/services/backupPicker';
import { phraseProblemMessage, seconds } from '../../src/services/encryption/passphrases';
import { unknownQuestion } from '../../src/services/journalOwner';
import { notAppliedMessage } from '../../src/services/journalWrites';
import { showNotice } from '../../src/services/storageMessages';
import { supplyText } from '../../src/services/supplyWords';
import { formatBytes } from '../../src/storage/fileErrors';
import type { JournalPeek } from '../../src/storage/journalPeek';
import { fixedClock, ROOT } from './helpers';
import { english, testJournal } from './journalFixture';

const ES: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8'));
const spanishT = (message: string, ...args: (string | number)[]) => english(ES[message] ?? message, ...args);

type Writable = { t: unknown; bundle: unknown; language: unknown; showInformationMessage: unknown };

/** Runs `write` as VS Code does in Spanish: the Spanish bundle loaded, the display language "es", numbers set by activate(). */
function inSpanish<T>(write: () => T): T {
  const l10n = vscode.l10n as unknown as Writable;
  const env = vscode.env as unknown as Writable;
  const before = { t: l10n.t, bundle: l10n.bundle, language: env.language };
  Object.assign(l10n, { t: spanishT, bundle: ES });
  env.language = 'es';
  const numbers = setNumberLocale('es');
  try {
    return write();
  } finally {
    Object.assign(l10n, { t: before.t, bundle: before.bundle });
    env.language = before.language;
    setNumberLocale(numbers);
  }
}

const peek = (entries: number, first: string, last: string): JournalPeek => ({ present: true, readable: true, entries, first, last, bytes: 7.5 * 1024 * 1024 }) as unknown as JournalPeek;
const holdsPart = (text: string) => /(It holds|Contiene).*?\)\./.exec(text)?.[0];

describe("Messages with a count, by the language's plural rules", () => {
  it("the unknown journal's question: entries and size", () => {
    assert.deepStrictEqual(
      [0, 1, 2].map((n) => holdsPart(unknownQuestion('/w/.mood-journal', peek(n, '2026-01-02', '2026-01-02')))),
      ['It holds no entries (7.5 MB).', 'It holds 1 entry, dated Jan 2, 2026 (7.5 MB).', 'It holds 2 entries, all dated Jan 2, 2026 (7.5 MB).']
    );
    assert.deepStrictEqual(
      [1, 2].map((n) => holdsPart(unknownQuestion('/w', peek(n, '2026-01-02', '2026-02-03')))),
      ['It holds 1 entry, from Jan 2, 2026 to Feb 3, 2026 (7.5 MB).', 'It holds 2 entries, from Jan 2, 2026 to Feb 3, 2026 (7.5 MB).']
    );
    assert.deepStrictEqual(
      inSpanish(() => [1, 2].map((n) => holdsPart(unknownQuestion('/w', peek(n, '2026-01-02', '2026-02-03'))))),
      ['Contiene 1 entrada, del 2 ene 2026 al 3 feb 2026 (7,5 MB).', 'Contiene 2 entradas, del 2 ene 2026 al 3 feb 2026 (7,5 MB).']
    );
  });

  it('sizes follow the display language: "7,5 MB" and "1,5 GB" in Spanish', () => {
    assert.deepStrictEqual([512, 40 * 1024, 7.5 * 1024 ** 2, 1.5 * 1024 ** 3].map(formatBytes), ['512 B', '40 KB', '7.5 MB', '1.5 GB']);
    assert.deepStrictEqual(inSpanish(() => [7.5 * 1024 ** 2, 1.5 * 1024 ** 3].map(formatBytes)), ['7,5 MB', '1,5 GB']);
  });

  it('changes not applied, seconds to wait, words of a recovery phrase, a backup\'s contents', () => {
    const notApplied = (n: number) => notAppliedMessage(n).split(':')[0];
    assert.deepStrictEqual([0, 1, 2].map(notApplied), ['0 changes were not applied', '1 change was not applied', '2 changes were not applied']);
    assert.deepStrictEqual(inSpanish(() => [1, 2].map(notApplied)), ['1 cambio no se aplicó', '2 cambios no se aplicaron']);
    assert.deepStrictEqual([0, 1000, 2000].map(seconds), ['0 seconds', '1 second', '2 seconds']);
    assert.deepStrictEqual(inSpanish(() => [1000, 2000].map(seconds)), ['1 segundo', '2 segundos']);
    const words = (count: number) => phraseProblemMessage({ kind: 'word-count', count, expected: 24 } as Parameters<typeof phraseProblemMessage>[0]);
    assert.deepStrictEqual([0, 1, 2].map(words), ['That is 0 words; the recovery phrase has 24.', 'That is 1 word; the recovery phrase has 24.', 'That is 2 words; the recovery phrase has 24.']);
    assert.deepStrictEqual(inSpanish(() => [1, 2].map(words)), ['Eso es 1 palabra; la frase de recuperación tiene 24.', 'Eso son 2 palabras; la frase de recuperación tiene 24.']);
    assert.deepStrictEqual([0, 1, 2].map((n) => holds(n, n)), ['0 check-ins, 0 rows', '1 check-in, 1 row', '2 check-ins, 2 rows']);
    assert.deepStrictEqual(inSpanish(() => [1, 2].map((n) => holds(n, n))), ['1 registro, 1 fila', '2 registros, 2 filas']);
  });

  it("the merged copies' notice", () => {
    const shown: string[] = [];
    const window = vscode.window as unknown as Writable;
    const before = window.showInformationMessage;
    window.showInformationMessage = (m: string) => (shown.push(m.split('.')[0]), Promise.resolve(undefined));
    try {
      for (const count of [0, 1, 2]) showNotice({ kind: 'merged-copies', count, folder: '/w/conflicts' });
      inSpanish(() => [1, 2].forEach((count) => showNotice({ kind: 'merged-copies', count, folder: '/w' })));
    } finally {
      window.showInformationMessage = before;
    }
    assert.deepStrictEqual(shown.map((m) => m.replace(/ of the journal.*| del diario.*/, '')), ['Merged 0 copies', 'Merged 1 copy', 'Merged 2 copies', 'Se combinó 1 copia', 'Se combinaron 2 copias']);
  });

  it('tablets on hand, with their decimals in the display language', () => {
    const status = (onHand: number): SupplyStatus => ({ medicationId: 'm', name: 'Escitalopram', unit: 'mg', tabletMg: 10, split: 'quarter', onHand, belowZero: false, dose: null, perDose: null, daysLeft: null, wholePieces: true });
    assert.deepStrictEqual([0, 1, 2, 1.5].map((n) => supplyText(status(n))), ['0 tablets on hand', '1 tablet on hand', '2 tablets on hand', '1.5 tablets on hand']);
    assert.deepStrictEqual(inSpanish(() => [1, 2, 12.5].map((n) => supplyText(status(n)))), ['1 tableta disponible', '2 tabletas disponibles', '12,5 tabletas disponibles']);
    const estimate = (daysLeft: number): SupplyStatus => ({ ...status(4), dose: { mg: 7.5, source: 'last' }, perDose: 0.75, daysLeft }) as SupplyStatus;
    assert.deepStrictEqual(inSpanish(() => [1, 2].map((n) => supplyText(estimate(n)))), ['queda unos 1 día a la dosis actual (7,5 mg)', 'quedan unos 2 días a la dosis actual (7,5 mg)']);
    assert.strictEqual(supplyText(estimate(2)), 'about 2 days left at the current dose (7.5 mg)');
  });

  it("a recalled period's overlap with the logged doses", () => {
    const period = { id: 'p', medication: 'Sertraline', mg: 50, startDate: '2025-01', endDate: '2025-02', certainty: null, context: '', mood: null } as unknown as RecalledPeriod;
    const days = (n: number, t = english, locale?: string) => /\((\d+ d[^)]*)\)\./.exec(overlapMessage(period, { kind: 'logged', from: '2025-01-10', to: '2025-01-11', days: n }, 'mg', t, locale))?.[1];
    assert.deepStrictEqual([0, 1, 2].map((n) => days(n)), ['0 days with a dose', '1 day with a dose', '2 days with a dose']);
    assert.deepStrictEqual([1, 2].map((n) => days(n, spanishT, 'es')), ['1 día con dosis', '2 días con dosis']);
  });

  it('the refill and count confirmations, in English and Spanish ("1,5 tabletas")', async () => {
    const clock = fixedClock('2026-03-10T08:00:00Z', 'UTC');
    for (const [t, language, expected] of [
      [english, undefined, ['Refill saved: 1 tablet of Escitalopram added.', 'Refill saved: 2 tablets of Escitalopram added.', 'Count saved: 0 tablets of Escitalopram on hand.', 'Refill saved: 1.5 tablets of Escitalopram added.']],
      [spanishT, 'es', ['Resurtido guardado: se agregó 1 tableta de Escitalopram.', 'Resurtido guardado: se agregaron 2 tabletas de Escitalopram.', 'Conteo guardado: 0 tabletas de Escitalopram disponibles.', 'Resurtido guardado: se agregaron 1,5 tabletas de Escitalopram.']]
    ] as const) {
      const numbers = setNumberLocale(language ?? 'en');
      const j = await testJournal(clock, t, language);
      try {
        const { id } = await j.actions.saveTablets({ medicationId: null, tabletMg: 20, split: 'half' });
        const messages = [];
        for (const [kind, tablets] of [['refill', 1], ['refill', 2], ['count', 0], ['refill', 1.5]] as const) {
          clock.advance(60_000);
          messages.push((await j.actions.logSupply({ medicationId: id, kind, tablets })).message);
        }
        assert.deepStrictEqual(messages, expected);
      } finally {
        setNumberLocale(numbers);
        await j.close();
      }
    }
  });
});

