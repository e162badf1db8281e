// Where the journal lives: the data folder inside the first workspace folder, the folder the user's
// settings name with an absolute path (one journal for every workspace, and for windows without a
// folder too), or the extension's private global storage when no folder is open.
import * as path from 'path';
import * as vscode from 'vscode';

export interface DataLocation {
  dir: string;
  /** False when no folder is open (the journal is in global storage, or in the absolute folder the user chose). */
  inWorkspace: boolean;
  /** The extension's own global storage: nothing but this extension puts a journal there. */
  privateStorage: boolean;
}

export function dataLocation(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>, dataFolder: string): DataLocation {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return { dir: path.resolve(folder.uri.fsPath, dataFolder), inWorkspace: true, privateStorage: false };
  if (path.isAbsolute(dataFolder)) return { dir: path.resolve(dataFolder), inWorkspace: false, privateStorage: false };
  return { dir: path.join(context.globalStorageUri.fsPath, 'journal'), inWorkspace: false, privateStorage: true };
}
