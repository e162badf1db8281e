// What every section of the dashboard may use: the host, the words, the theme, and the app's hooks
// to redraw, to keep the page's state and to announce something to screen readers.
import type { DashboardSection } from '../../src/webviews/dashboard/protocol';
import type { ChartStrings } from '../charts/strings';
import type { ChartTheme } from '../charts/theme';
import type { Channel } from '../shared/channel';

/** The last 30, 90 or 365 days; the logged journal (its first logged day to today); all, back to the recalled history. */
export type Preset = '30' | '90' | '365' | 'journal' | 'all';
export const PRESETS: readonly Preset[] = ['30', '90', '365', 'journal', 'all'];

/** The timeline's view: a preset, or a window the user zoomed to (first and last day). */
export type RangeState = { preset: Preset } | { preset: null; from: string; to: string };

/** The view the dashboard opens with: the logged journal. "All" is one click away. */
export const DEFAULT_RANGE: RangeState = { preset: 'journal' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A kept range as it was written, or the default when it is not one (a state from another version). */
export function keptRange(range: unknown): RangeState {
  const r = range as Partial<Record<'preset' | 'from' | 'to', unknown>> | null | undefined;
  if (r && PRESETS.includes(r.preset as Preset)) return { preset: r.preset as Preset };
  if (r && r.preset === null && typeof r.from === 'string' && typeof r.to === 'string' && DATE.test(r.from) && DATE.test(r.to) && r.from <= r.to) return { preset: null, from: r.from, to: r.to };
  return DEFAULT_RANGE;
}

/** What the page keeps across hiding, reloads and restarts (VS Code keeps it with the panel). */
export interface DashboardState {
  section: DashboardSection;
  range: RangeState;
  /** The change looked at up close (its date). */
  change?: string;
  /** The year shown in pixels, and the day in focus. */
  year?: number;
  day?: string;
  /** The day whose entries are listed. */
  listed?: string;
}

export interface SectionContext {
  strings: ChartStrings;
  channel: Channel;
  theme(): ChartTheme;
  state(): DashboardState;
  setState(patch: Partial<DashboardState>): void;
  /** Draws the page again (the section's render() is called). */
  redraw(): void;
  announce(message: string): void;
}
