// What the Plan tab lends its sections ("Before the journal", the tablet supply): the channel, a
// redraw, and one way to run a change, say what happened and offer Undo.
import type { Channel } from '../shared/channel';

export interface PlanSection {
  readonly channel: Channel;
  redraw(): void;
  /** Shows `message` as the tab's error, and moves focus to the field to fix. */
  fail(message: string, focus?: string): void;
  /** Focuses an element once the next redraw has happened. */
  focus(selector: string): void;
  /** Runs a change; on success announces the words it returns and reloads the tab; on failure shows why. */
  run(action: () => Promise<string>): Promise<void>;
  /** Offers Undo for the change just made (undone with entry/undo). */
  offerUndo(token: string, what: string, undone: string): void;
  /** Runs a change that answers with its undo token: says `done` and offers Undo. */
  undoable(change: () => Promise<{ undoToken: string }>, done: string): Promise<void>;
}
