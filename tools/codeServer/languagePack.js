// Makes a language pack folder the server's display language pack. VS Code honours --locale only
// when languagepacks.json in the user data folder names a pack for that language; its installer
// writes that file from the server process, which a CLI install does not run, so the harness
// writes the entry itself, in the same shape.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

/** Records the pack in `folder` (a package.json contributing `localizations`) in userDataDir's languagepacks.json. */
function registerLanguagePack(userDataDir, folder) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const packs = {};
  for (const loc of manifest.contributes?.localizations ?? []) {
    const translations = {};
    for (const t of loc.translations ?? []) translations[t.id] = path.join(folder, t.path);
    if (!translations.vscode) throw new Error(`${folder}: the ${loc.languageId} pack has no "vscode" translation, so VS Code would ignore it`);
    // The hash names the server's cache of generated messages: a changed pack gets a fresh cache.
    const hash = crypto.createHash('md5').update(JSON.stringify([id, manifest.version, translations])).digest('hex');
    packs[loc.languageId.toLowerCase()] = {
      hash,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations,
      label: loc.localizedLanguageName || loc.languageName || loc.languageId
    };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

module.exports = { registerLanguagePack };
