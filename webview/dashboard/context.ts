// What every section of the dashboard may use: the host, the words, the theme, and the app's hooks
// to redraw, to keep the page's state and to announce something to screen readers.
import type { DashboardSection } from '../../src/protocol';
import type { ChartStrings } from '../charts/strings';
import type { ChartTheme } from '../charts/theme';
import type { Channel } from '../channel';

export type Preset = '30' | '90' | '365' | 'all';
export const PRESETS: readonly Preset[] = ['30', '90', '365', 'all'];

/** The timeline's view: a preset, or a window the user zoomed to (first and last day). */
export type RangeState = { preset: Preset } | { preset: null; from: string; to: string };

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
