// Reads and validates the "moodDose.*" settings. Values are read on every use, so a change applies
// at once. A bad value is ignored (the default stands) and named in one clear warning; it never
// throws, so a typo in settings.json can't break activation.
import * as path from 'path';
import * as vscode from 'vscode';
import { clip, MEDICATION_MAX, MG_MAX, MOOD_LABEL_MAX, SUPPLY_REMIND_DAYS, SUPPORT_LINES_MAX, UNIT_MAX } from '../core/limits';
import { DEFAULT_MOOD_LABELS } from '../core/mood';
import { DEFAULT_INTERVAL_DAYS, RECALL_WINDOW_DAYS } from '../core/questionnaires';
import { parseReminderTimes, type ReminderSettings } from '../core/reminders';
import { resourcesFrom, type CrisisResource } from '../core/safety';
import { plural } from './plural';

export const DEFAULT_DATA_FOLDER = '.mood-journal';
export const DEFAULT_LOCK_AFTER_MINUTES = 15;
export const DEFAULT_REMINDER_TIMES = ['09:00', '21:00'];
export const CHECK_IN_STEPS = ['symptoms', 'scales', 'tags', 'note'] as const;
export type CheckInStep = (typeof CHECK_IN_STEPS)[number];

/** "3 entries": how many lines of a list setting a warning is about. */
const entries = (n: number): string => plural(n, { one: vscode.l10n.t('{0} entry', n), other: vscode.l10n.t('{0} entries', n) });

export class Settings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  private readonly warned = new Set<string>();
  private readonly subscription: vscode.Disposable;
  /** Fires when any moodDose.* setting changes. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('moodDose')) this.changed.fire(e);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('moodDose');
  }

  // What a summary says comes from the user and the journal only: the medication, its unit, the
  // default dose, the mood labels and the check-up interval have application scope in the manifest,
  // so VS Code ignores them in a repository's .vscode/settings.json, and they are read here from the
  // user level alone (userValue), whatever VS Code merges.

  medicationName(): string {
    return this.text('medication.name', 'Escitalopram', MEDICATION_MAX);
  }

  unit(): string {
    return this.text('medication.unit', 'mg', UNIT_MAX);
  }

  /** The dose to offer when the journal has none yet (null: ask without a default). */
  defaultDose(): number | null {
    const v = this.userValue('medication.defaultDose', null);
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MG_MAX) return v;
    this.warn('medication.defaultDose', v, vscode.l10n.t('a number of {0} from 0 to {1}, or empty', this.unit(), MG_MAX));
    return null;
  }

  /**
   * Only the user's own settings: the manifest gives this setting machine scope, so VS Code ignores
   * it in a workspace's .vscode/settings.json, and it is read here from the user level alone, so a
   * repository can never move the journal. An absolute path is the user's choice (one journal for
   * every workspace).
   */
  dataFolder(): string {
    const v = this.userValue('dataFolder', DEFAULT_DATA_FOLDER);
    if (typeof v === 'string' && v.trim() && !v.includes('\0')) return v.trim();
    this.warn('dataFolder', v, vscode.l10n.t('a folder path relative to the workspace, such as .mood-journal'));
    return DEFAULT_DATA_FOLDER;
  }

  /** The summary's language: the display language, or English or Spanish whatever it is. */
  summaryLanguage(): 'display' | 'en' | 'es' {
    const v = this.userValue('summary.language', 'display');
    if (v === 'display' || v === 'en' || v === 'es') return v;
    this.warn('summary.language', v, vscode.l10n.t('"display", "en" or "es"'));
    return 'display';
  }

  moodLabels(): readonly string[] {
    const v = this.userValue('moodLabels', []);
    if (Array.isArray(v) && v.length === 0) return DEFAULT_MOOD_LABELS.map((l) => vscode.l10n.t(l));
    if (Array.isArray(v) && v.length === 10 && v.every((l) => typeof l === 'string' && l.trim() && l.trim().length <= MOOD_LABEL_MAX)) return v.map((l: string) => l.trim());
    this.warn('moodLabels', v, vscode.l10n.t('exactly ten labels of 1 to {0} characters, for mood 1 to 10', MOOD_LABEL_MAX));
    return DEFAULT_MOOD_LABELS.map((l) => vscode.l10n.t(l));
  }

  reminders(): ReminderSettings {
    const enabled = this.flag('reminders.enabled', true);
    const raw = this.config.get<unknown>('reminders.times', DEFAULT_REMINDER_TIMES);
    if (!Array.isArray(raw)) {
      this.warn('reminders.times', raw, vscode.l10n.t('a list of times such as ["09:00", "21:00"]'));
      return { enabled, times: parseReminderTimes(DEFAULT_REMINDER_TIMES).times };
    }
    const { times, invalid } = parseReminderTimes(raw);
    for (const bad of invalid) this.warn('reminders.times', bad, vscode.l10n.t('a 24-hour time such as "09:00" or "21:30"'));
    return { enabled, times };
  }

  notificationsEnabled(): boolean {
    return this.flag('reminders.notifications', true);
  }

  /** The optional check-in steps to ask, in a fixed order. Mood and dose are always asked. */
  checkInSteps(): CheckInStep[] {
    const v = this.config.get<unknown>('checkIn.steps', ['note']);
    if (!Array.isArray(v)) {
      this.warn('checkIn.steps', v, vscode.l10n.t('a list drawn from "symptoms", "scales", "tags" and "note"'));
      return ['note'];
    }
    for (const bad of v.filter((s) => !CHECK_IN_STEPS.includes(s as CheckInStep))) {
      this.warn('checkIn.steps', bad, vscode.l10n.t('one of "symptoms", "scales", "tags" and "note"'));
    }
    return CHECK_IN_STEPS.filter((s) => v.includes(s));
  }

  /**
   * Days between offers of each questionnaire: never below their two-week recall window (PHQ-9 and
   * GAD-7 ask about the last 2 weeks), so a check-up can't be offered daily.
   */
  checkupIntervalDays(): number {
    const v = this.userValue('checkups.intervalDays', DEFAULT_INTERVAL_DAYS);
    if (typeof v === 'number' && Number.isInteger(v) && v >= RECALL_WINDOW_DAYS && v <= 365) return v;
    this.warn('checkups.intervalDays', v, vscode.l10n.t('a whole number of days from {0} (the questionnaires ask about the last two weeks) to 365', RECALL_WINDOW_DAYS));
    return DEFAULT_INTERVAL_DAYS;
  }

  /**
   * The status bar mentions the tablet supply each day it lasts this many days or fewer. User level
   * only (application scope): a repository's settings can't quiet or stir a health reminder.
   */
  supplyRemindDays(): number {
    const v = this.userValue('supply.remindDays', SUPPLY_REMIND_DAYS);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365) return v;
    this.warn('supply.remindDays', v, vscode.l10n.t('a whole number of days from 0 to 365'));
    return SUPPLY_REMIND_DAYS;
  }

  /**
   * Minutes without any use of an encrypted journal before it locks (0: never). User level only
   * (application scope): a repository cannot keep a journal unlocked.
   */
  lockAfterIdleMinutes(): number {
    const v = this.userValue('encryption.lockAfterIdleMinutes', DEFAULT_LOCK_AFTER_MINUTES);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1440) return v;
    this.warn('encryption.lockAfterIdleMinutes', v, vscode.l10n.t('a whole number of minutes from 0 (never) to 1440'));
    return DEFAULT_LOCK_AFTER_MINUTES;
  }

  symptomReviewEnabled(): boolean {
    return this.flag('symptomReview.enabled', true);
  }

  /**
   * Support lines shown by "Need help now?" and the support card; US defaults when unset. From the
   * user's settings only (application scope): a repository must not be able to put its own number
   * behind the label "Call or text 988".
   */
  supportResources(): CrisisResource[] {
    const { resources, invalid } = resourcesFrom(this.userValue('support.resources', []));
    if (invalid > 0) this.warn('support.resources', entries(invalid), vscode.l10n.t('a list of {"name", "contact", "link"} entries (link: tel:, sms: or https:)'));
    const { items, omitted } = clip(resources, SUPPORT_LINES_MAX);
    if (omitted > 0) this.warn('support.resources', entries(resources.length), vscode.l10n.t('a list of at most {0} lines', SUPPORT_LINES_MAX), vscode.l10n.t('The first {0} are shown.', SUPPORT_LINES_MAX));
    return items;
  }

  /** Whether the phone inbox is read. User level only: a repository can't turn it on or off. */
  inboxEnabled(): boolean {
    const v = this.userValue('inbox.enabled', true);
    if (typeof v === 'boolean') return v;
    this.warn('inbox.enabled', v, vscode.l10n.t('true or false'));
    return true;
  }

  /**
   * The inbox file the user named (an absolute path, e.g. in the phone's synced folder), or undefined
   * for inbox.md in the journal folder. Machine scope, user level only: a repository must never
   * point the inbox at a file of its choosing.
   */
  inboxPath(): string | undefined {
    const v = this.userValue('inbox.path', '');
    if (v === '' || v === null || v === undefined) return undefined;
    if (typeof v === 'string' && path.isAbsolute(v.trim()) && !v.includes('\0')) return v.trim();
    this.warn('inbox.path', v, vscode.l10n.t('an absolute path to a file, such as /home/me/Sync/inbox.md'));
    return undefined;
  }

  /** The value from the user's settings (or the default), never from a workspace or folder. */
  private userValue(key: string, fallback: unknown): unknown {
    const i = this.config.inspect<unknown>(key);
    return i?.globalValue ?? i?.defaultValue ?? fallback;
  }

  private text(key: string, fallback: string, max: number): string {
    const v = this.userValue(key, fallback);
    if (typeof v === 'string' && v.trim() && v.trim().length <= max) return v.trim();
    if (v !== '' && v !== undefined) this.warn(key, v, vscode.l10n.t('text of 1 to {0} characters', max));
    return fallback;
  }

  private flag(key: string, fallback: boolean): boolean {
    const v = this.config.get<unknown>(key, fallback);
    if (typeof v === 'boolean') return v;
    this.warn(key, v, vscode.l10n.t('true or false'));
    return fallback;
  }

  /** One warning per bad value, naming the setting, the value, what is expected and what happens meanwhile. */
  private warn(key: string, value: unknown, expected: string, meanwhile = vscode.l10n.t('It is ignored until fixed.')): void {
    const shown = JSON.stringify(value) ?? String(value);
    const id = `${key}=${shown}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('The setting moodDose.{0} has the value {1}, which is not {2}. {3}', key, shown, expected, meanwhile), open)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', `moodDose.${key}`);
      });
  }
}
