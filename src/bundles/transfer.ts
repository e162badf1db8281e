// dist/transfer.js: export and import of the journal's own JSON and CSV (papaparse) and of Daylio
// exports. Pure core code, loaded the first time the user exports or imports.
export { checkImportSize, csvWork, decodeImportText, decodeWork, exportCsv, exportJson, ImportCancelled, ImportError, importCsv, importJson, jsonWork, planImport, planWork, runPaced } from '../core/transfer/transfer';
export { daylioWork, defaultDaylioMapping, moodLabelsIn, moodLabelsWork, parseDaylio } from '../core/transfer/daylio';
