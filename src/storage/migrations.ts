// Schema versions, tracked with PRAGMA user_version. A migration only ever adds: columns get
// defaults, tables are created, so every earlier journal opens without losing a row.
import type { Database } from 'sql.js';
import { LEGACY_IDENTITY_SQL } from './journalIdentity';

export const APP_ID = 'mood-dose-journal';

const BASE = `id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`;
const STAMP = `at TEXT NOT NULL, local_date TEXT NOT NULL, utc_offset INTEGER NOT NULL`;

/** MIGRATIONS[i] upgrades a journal from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  // v1: the first check-in slice.
  `CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
   INSERT INTO meta (key, value) VALUES ('app', '${APP_ID}');
   CREATE TABLE checkins (${BASE}, ${STAMP}, mood INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');
   CREATE TABLE doses (${BASE}, ${STAMP}, medication TEXT NOT NULL, mg REAL NOT NULL,
     status TEXT NOT NULL DEFAULT 'taken', checkin_id TEXT);
   CREATE INDEX checkins_at ON checkins (at);
   CREATE INDEX doses_at ON doses (at);`,
  // v2: the full model: optional check-in scales, medications, taper plan, symptoms, life events,
  // free-standing notes, appointments and questionnaires.
  `ALTER TABLE checkins ADD COLUMN energy INTEGER;
   ALTER TABLE checkins ADD COLUMN anxiety INTEGER;
   ALTER TABLE checkins ADD COLUMN sleep_hours REAL;
   ALTER TABLE checkins ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE doses ADD COLUMN medication_id TEXT;
   CREATE INDEX checkins_local_date ON checkins (local_date);
   CREATE INDEX doses_local_date ON doses (local_date);
   CREATE INDEX doses_checkin ON doses (checkin_id);
   CREATE TABLE medications (${BASE}, name TEXT NOT NULL, unit TEXT NOT NULL DEFAULT 'mg', form TEXT NOT NULL DEFAULT '');
   CREATE TABLE taper_steps (${BASE}, medication_id TEXT, start_date TEXT NOT NULL, target_mg REAL NOT NULL,
     note TEXT NOT NULL DEFAULT '');
   CREATE TABLE symptoms (${BASE}, ${STAMP}, key TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
     severity INTEGER NOT NULL, checkin_id TEXT, source TEXT NOT NULL DEFAULT 'checkin');
   CREATE INDEX symptoms_local_date ON symptoms (local_date);
   CREATE INDEX symptoms_checkin ON symptoms (checkin_id);
   CREATE TABLE life_events (${BASE}, ${STAMP}, title TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
   CREATE TABLE notes (${BASE}, ${STAMP}, text TEXT NOT NULL);
   CREATE TABLE appointments (${BASE}, date TEXT NOT NULL, time TEXT, provider TEXT NOT NULL DEFAULT '',
     questions TEXT NOT NULL DEFAULT '[]', outcome TEXT, outcome_asked INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE questionnaires (${BASE}, ${STAMP}, kind TEXT NOT NULL, answers TEXT NOT NULL, total INTEGER NOT NULL,
     band TEXT NOT NULL, difficulty INTEGER);
   CREATE INDEX questionnaires_kind_at ON questionnaires (kind, at);`,
  // v3: medication history as recalled (never mixed with logged doses), and the tablet supply:
  // each medication's tablet strength and split, and refills and counts as rows of their own.
  `ALTER TABLE medications ADD COLUMN tablet_mg REAL;
   ALTER TABLE medications ADD COLUMN split TEXT NOT NULL DEFAULT 'none';
   CREATE TABLE recalled_periods (${BASE}, medication TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
     mg REAL NOT NULL, context TEXT NOT NULL DEFAULT '', mood INTEGER, certainty TEXT);
   CREATE TABLE tablet_supply (${BASE}, ${STAMP}, medication_id TEXT NOT NULL, kind TEXT NOT NULL, tablets REAL NOT NULL);
   CREATE INDEX tablet_supply_medication_at ON tablet_supply (medication_id, at);`,
  // v4: the journal's own id (journalIdentity.ts); a journal made before ids takes one from its first row.
  // The tables as they were at v4, written out: a migration never changes with TABLE_NAMES.
  LEGACY_IDENTITY_SQL([
    'checkins',
    'doses',
    'medications',
    'taper_steps',
    'symptoms',
    'life_events',
    'notes',
    'appointments',
    'questionnaires',
    'recalled_periods',
    'tablet_supply'
  ]),
  // v5: the inbox's ledger, so each line of the phone inbox is read once (core/schemas inboxLineSchema).
  // "IF NOT EXISTS": a newer file relabelled as older (as tests make old backups) upgrades again.
  `CREATE TABLE IF NOT EXISTS inbox_lines (${BASE}, time_id TEXT NOT NULL, rows TEXT NOT NULL DEFAULT '[]', imported_at TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS inbox_lines_time_id ON inbox_lines (time_id);`
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function userVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

/** Brings `db` up to SCHEMA_VERSION in one transaction. Returns the version it started from. */
export function migrate(db: Database, target = SCHEMA_VERSION): number {
  const from = userVersion(db);
  if (from >= target) return from;
  db.run('BEGIN');
  try {
    for (let v = from; v < target; v++) db.exec(MIGRATIONS[v]);
    db.exec(`PRAGMA user_version = ${target}`);
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
  return from;
}
