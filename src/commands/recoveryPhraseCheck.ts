// The recovery phrase, shown in a modal dialog (read in full by screen readers, closed from the
// keyboard) while encryption is being turned on, then three of its words at random positions typed
// back. It is never logged, stored or written: it lives in the flow's variables until the flow ends.
import * as vscode from 'vscode';
import { phraseWords, pickCheckPositions, wrongCheckWords } from '../storage/crypto/recoveryPhrase';
import { wrongWordsMessage } from '../services/encryption/passphrases';
import { plural } from '../services/plural';
import type { EncryptionUi } from '../services/encryption/ui';

const PER_LINE = 4;

/** The words numbered from 1, four to a line, under what to do with them. */
export function phraseDetail(phrase: string): string {
  const words = phraseWords(phrase).map((w, i) => `${i + 1}. ${w}`);
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += PER_LINE) lines.push(words.slice(i, i + PER_LINE).join('     '));
  return [
    vscode.l10n.t('Write these {0} words on paper, in this order, and keep the paper somewhere safe, away from this computer. They are shown only now, while encryption is turned on.', words.length),
    vscode.l10n.t('If you forget the passphrase, these words open the journal (Unlock with Recovery Phrase…). Without the passphrase and without these words, nobody can open it.'),
    '',
    ...lines
  ].join('\n');
}

/**
 * Shows the phrase, then asks for three of its words. True once they matched; false when the user
 * stops (Escape at the dialog, or at the check and then at the offer to see the words again).
 */
export async function showAndCheckPhrase(ui: EncryptionUi, phrase: string, title: string, positionsToCheck: () => number[] = () => pickCheckPositions()): Promise<boolean> {
  for (;;) {
    if (!(await ui.confirm(vscode.l10n.t('Your recovery phrase'), phraseDetail(phrase), vscode.l10n.t('I Have Written Them Down')))) return false;
    const positions = positionsToCheck();
    const checked = await ui.ask({
      title,
      prompt: vscode.l10n.t('To check your copy, type words {0}, {1} and {2} of the recovery phrase, in that order, separated by spaces.', ...positions),
      placeholder: vscode.l10n.t('word {0}  word {1}  word {2}', ...positions),
      password: false,
      accept: async (value) => {
        const typed = phraseWords(value);
        if (typed.length !== positions.length) {
          return { problem: plural(typed.length, { one: vscode.l10n.t('That is {0} word; type {1}.', typed.length, positions.length), other: vscode.l10n.t('That is {0} words; type {1}.', typed.length, positions.length) }) };
        }
        const wrong = wrongCheckWords(phrase, positions, typed);
        return wrong.length > 0 ? { problem: wrongWordsMessage(wrong) } : undefined;
      }
    });
    if (checked) return true;
    const again = await ui.confirm(
      vscode.l10n.t('Show the recovery phrase again?'),
      vscode.l10n.t('Encryption is not on yet. Without a written copy of the phrase, a forgotten passphrase would mean a lost journal.'),
      vscode.l10n.t('Show Again')
    );
    if (!again) return false;
  }
}
