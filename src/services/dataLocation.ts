// Where the journal lives: the data folder inside the first workspace folder, or the extension's
// private global storage when no folder is open.
import * as path from 'path';
import * as vscode from 'vscode';

export interface DataLocation {
  dir: string;
  /** False when no folder is open and the journal lives in the extension's global storage. */
  inWorkspace: boolean;
}

export function dataLocation(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>, dataFolder: string): DataLocation {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return { dir: path.resolve(folder.uri.fsPath, dataFolder), inWorkspace: true };
  return { dir: path.join(context.globalStorageUri.fsPath, 'journal'), inWorkspace: false };
}
