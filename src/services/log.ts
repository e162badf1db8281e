// The extension's log ("Mood & Dose Journal" in the Output panel). The channel is created on the
// first line written, so start-up does not pay for it. Never log health data: ids, table and field
// names, counts and sizes only.
import * as vscode from 'vscode';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export class LazyLog implements Log, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  info(message: string): void {
    this.open().info(message);
  }

  warn(message: string): void {
    this.open().warn(message);
  }

  error(message: string): void {
    this.open().error(message);
  }

  dispose(): void {
    this.channel?.dispose();
  }

  private open(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('Mood & Dose Journal', { log: true });
    return this.channel;
  }
}
