// dist/transfer.js: export and import of the journal's own JSON and CSV (papaparse) and of Daylio
// exports. Pure core code, loaded the first time the user exports or imports.
export { checkImportSize, decodeImportText, exportCsv, exportJson, ImportError, importCsv, importJson, planImport } from '../core/transfer';
export { defaultDaylioMapping, moodLabelsIn, parseDaylio } from '../core/daylio';
