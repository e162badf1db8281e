// The encryption flows' questions in VS Code: a password input box that stays open while an answer
// is checked (busy) or refused (emptied, with the reason, disabled during a wrong passphrase's
// delay), a quick pick, modal dialogs (read by screen readers, answered from the keyboard) and
// progress notifications. Typed secrets live only in the box and the flow's variables: nothing
// here logs or stores them.
import * as vscode from 'vscode';
import type { Choice, EncryptionUi, SecretPrompt } from './ui';

/**
 * Only while the extension runs its own tests: VS Code refuses modal dialogs under its test driver,
 * so a test answers them here instead, reading the message and detail a user would read.
 */
export interface ModalAnswers {
  answer?: (message: string, detail: string, action: string) => boolean | Promise<boolean>;
}

export function vscodeUi(modals?: ModalAnswers): EncryptionUi {
  return {
    ask,
    async choose<T>(title: string, placeholder: string, choices: Choice<T>[]) {
      const picked = await vscode.window.showQuickPick(
        choices.map((c) => ({ label: c.label, detail: c.detail, value: c.value })),
        { title, placeHolder: placeholder, ignoreFocusOut: true }
      );
      return picked?.value;
    },
    async confirm(message, detail, action) {
      if (modals?.answer) return modals.answer(message, detail, action);
      return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
    },
    info: (message) => void vscode.window.showInformationMessage(message),
    warn: (message) => void vscode.window.showWarningMessage(message),
    busy: (title, cancellable, run) =>
      Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (_progress, token) => run(() => token.isCancellationRequested))),
    async saveTarget(title, defaultName) {
      const home = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title,
        defaultUri: home ? vscode.Uri.joinPath(home, defaultName) : undefined,
        filters: { [vscode.l10n.t('SQLite database')]: ['sqlite', 'db'] }
      });
      return target?.scheme === 'file' ? target.fsPath : undefined;
    }
  };
}

function ask(p: SecretPrompt): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const box = vscode.window.createInputBox();
    box.title = p.title;
    box.prompt = p.prompt;
    box.placeholder = p.placeholder;
    box.password = p.password;
    // A passphrase typed half-way must not vanish because focus moved to a note on paper.
    box.ignoreFocusOut = true;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: boolean | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      box.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    box.onDidChangeValue((v) => {
      if (box.enabled) box.validationMessage = p.validate?.(v);
    });
    box.onDidAccept(async () => {
      if (!box.enabled || box.busy) return;
      const value = box.value;
      const problem = p.validate?.(value);
      if (problem) {
        box.validationMessage = problem;
        return;
      }
      box.busy = true;
      box.enabled = false;
      try {
        const refusal = await p.accept(value);
        if (!refusal) return finish(true);
        box.value = '';
        box.validationMessage = refusal.problem;
        const reopen = () => {
          box.busy = false;
          box.enabled = true;
          if (refusal.ready) box.validationMessage = refusal.ready;
        };
        if (refusal.waitMs) timer = setTimeout(reopen, refusal.waitMs);
        else reopen();
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    });
    box.onDidHide(() => finish(false));
    box.show();
  });
}
