// Writes an export or summary where the user chose: 0600 files and 0700 folders on file: targets
// (see services/privateFiles.ts). Another scheme (a virtual workspace) has no modes to set.
import * as vscode from 'vscode';
import { makePrivateDir, writePrivateFile } from '../services/privateFiles';
import { forUser } from '../services/storageMessages';
import { isInside } from '../storage/safePaths';

/** `dataFolder`: a target inside it is written under the data folder's link rule (safePaths.ts). */
export async function writeChosenFile(target: vscode.Uri, content: string | Uint8Array, exclusive: boolean, dataFolder?: string): Promise<void> {
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const root = dataFolder && isInside(target.fsPath, dataFolder) ? dataFolder : undefined;
  if (target.scheme === 'file') await writePrivateFile(target.fsPath, data, exclusive, root).catch((e: unknown) => Promise.reject(forUser(e)));
  else await vscode.workspace.fs.writeFile(target, data);
}

export async function createChosenFolder(dir: vscode.Uri): Promise<void> {
  if (dir.scheme === 'file') await makePrivateDir(dir.fsPath);
  else await vscode.workspace.fs.createDirectory(dir);
}
