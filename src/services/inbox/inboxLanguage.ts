// The inbox file's editor help (language mood-inbox): completions for symptom names, the user's
// own symptoms and recent tags, and a hover that says in words what the line will record or what
// is wrong with it. Loaded with the journal bundle: the start-up bundle registers thin providers
// that ask for it on first use (shell/inboxShell.ts).
import * as vscode from 'vscode';
import { describeEntry } from '../../core/inbox/describe';
import { parseInbox } from '../../core/inbox/grammar';
import type { InboxOptions, OwnSymptom } from '../../core/inbox/types';
import type { Translate } from '../../core/safety';
import { SYMPTOMS } from '../../core/symptoms';

export interface InboxLanguageDeps {
  t: Translate;
  unit(): string;
  zone(): string;
  now(): number;
  /** The user's own symptoms and recent tags (empty while the journal is not open). */
  words(): { ownSymptoms: OwnSymptom[]; tags: string[] };
}

/** A symptom's name as a line writes it: "brain zaps" for "Brain zaps (electric-shock sensations)". */
const spoken = (label: string) => label.replace(/\s*\([^)]*\)\s*/g, ' ').trim().toLowerCase();

export class InboxLanguage {
  constructor(private readonly d: InboxLanguageDeps) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const { t } = this.d;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const words = this.d.words();
    if (/#[^\s#]*$/.test(before)) {
      const start = before.lastIndexOf('#');
      const range = new vscode.Range(pos.line, start, pos.line, pos.character);
      return words.tags.map((tag, i) => Object.assign(new vscode.CompletionItem(`#${tag}`, vscode.CompletionItemKind.Value), { range, sortText: String(i).padStart(3, '0'), detail: t('recent tag') }));
    }
    const symptom = t('symptom, then a severity 0–3');
    const items = [
      ...SYMPTOMS.map((s) => ({ name: spoken(s.label), detail: symptom })),
      ...words.ownSymptoms.map((s) => ({ name: s.label.toLowerCase(), detail: t('your own symptom, then a severity 0–3') })),
      { name: 'mood', detail: t('mood 1–10 (10 = best)') },
      { name: 'dose', detail: t('one intake, in {0}', this.d.unit()) },
      { name: 'dose skipped', detail: t('a skipped dose') },
      { name: 'dose changed', detail: t('a change of dose') },
      { name: 'note:', detail: t('a note: the rest of the line') },
      { name: 'event:', detail: t('a life event: the rest of the line') }
    ];
    return items.map((i) => Object.assign(new vscode.CompletionItem(i.name, vscode.CompletionItemKind.Keyword), { detail: i.detail, insertText: `${i.name} ` }));
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const parsed = parseInbox(doc.getText(), this.options());
    const line = parsed.lines[pos.line];
    if (!line || line.kind === 'ignored') return undefined;
    const text = line.kind === 'entry' ? this.d.t('Will record: {0}', describeEntry(line.entry, this.d.unit(), this.d.t)) : line.problem.message;
    const md = new vscode.MarkdownString();
    md.appendText(text);
    return new vscode.Hover(md, doc.lineAt(pos.line).range);
  }

  private options(): InboxOptions {
    return { zone: this.d.zone(), unit: this.d.unit(), ownSymptoms: this.d.words().ownSymptoms, now: this.d.now(), t: this.d.t };
  }
}
