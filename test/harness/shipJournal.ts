// Entry point for runAll.js: puts test/fixtures/shippedJournal.ts into a workspace before its window opens.
export { shipJournal } from '../fixtures/shippedJournal';
