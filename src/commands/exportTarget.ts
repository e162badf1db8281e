// Writes an export or summary where the user chose: 0600 files and 0700 folders on file: targets
// (see services/privateFiles.ts). Another scheme (a virtual workspace) has no modes to set.
import * as vscode from 'vscode';
import { makePrivateDir, writePrivateFile } from '../services/privateFiles';

export async function writeChosenFile(target: vscode.Uri, content: string | Uint8Array, exclusive: boolean): Promise<void> {
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  if (target.scheme === 'file') await writePrivateFile(target.fsPath, data, exclusive);
  else await vscode.workspace.fs.writeFile(target, data);
}

export async function createChosenFolder(dir: vscode.Uri): Promise<void> {
  if (dir.scheme === 'file') await makePrivateDir(dir.fsPath);
  else await vscode.workspace.fs.createDirectory(dir);
}
