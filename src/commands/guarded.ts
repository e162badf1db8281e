// A command run as the extension runs every command: an error is logged and shown once, never
// thrown back to whoever started it (the palette, a link, or a page's command/run).
import * as vscode from 'vscode';
import type { Log } from '../services/log';
import { errorForLog } from '../services/logSafely';

export function guarded(id: string, run: (...args: never[]) => unknown, log: Log): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await run(...(args as never[]));
    } catch (e) {
      // A full disk was already told once, and the status bar shows what waits to be saved. (By
      // name: the error class lives in the journal bundle, a different copy from the start-up one.)
      if ((e as Error)?.name === 'DiskFullError') return undefined;
      // A question about whose journal it is is on screen already; it says everything.
      if ((e as Error)?.name === 'JournalNotOpenError' && (e as { asking?: boolean }).asking) return undefined;
      // Escape at the unlock prompt: the journal stays locked, which the user knows.
      if ((e as Error)?.name === 'UnlockCancelledError') return undefined;
      log.error(`Command ${id} failed: ${errorForLog(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Mood & Dose: {0}', (e as Error).message ?? String(e)));
      return undefined;
    }
  };
}

/** Every command of `table`, each guarded under its own id. */
export function guardedTable<K extends string>(table: Record<K, (...args: never[]) => unknown>, log: Log): Record<K, (...args: unknown[]) => Promise<unknown>> {
  return Object.fromEntries(Object.entries<(...args: never[]) => unknown>(table).map(([id, run]) => [id, guarded(id, run, log)])) as Record<K, (...args: unknown[]) => Promise<unknown>>;
}
