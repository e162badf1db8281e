// Reads the "moodDose.*" settings. Values are read on every use, so a change applies at once.
import * as vscode from 'vscode';
import { DEFAULT_MOOD_LABELS } from '../core/mood';
import { DEFAULT_DATA_FOLDER } from './journalService';

export class Settings {
  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('moodDose');
  }

  medicationName(): string {
    return this.config.get<string>('medication.name', '').trim() || 'Escitalopram';
  }

  unit(): string {
    return this.config.get<string>('medication.unit', '').trim() || 'mg';
  }

  /** The dose to offer when the journal has none yet (null: ask without a default). */
  defaultDose(): number | null {
    const v = this.config.get<number | null>('medication.defaultDose', null);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  }

  dataFolder(): string {
    return this.config.get<string>('dataFolder', DEFAULT_DATA_FOLDER).trim() || DEFAULT_DATA_FOLDER;
  }

  moodLabels(): readonly string[] {
    const labels = this.config.get<string[]>('moodLabels', []);
    return Array.isArray(labels) && labels.length === 10 && labels.every((l) => typeof l === 'string') ? labels : DEFAULT_MOOD_LABELS;
  }
}
