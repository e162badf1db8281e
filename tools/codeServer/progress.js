// Says how a long install step is going while its output goes to a log file: every so often, the
// time so far and the log's latest line, so a first `npm start` is never silent for minutes.
'use strict';

const fs = require('fs');

const EVERY_MS = 15_000;
const TAIL_BYTES = 4096;

function elapsed(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The log's last non-empty line, cut to fit a terminal line. */
function lastLine(logFile) {
  let text;
  try {
    const fd = fs.openSync(logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.min(size, TAIL_BYTES));
      fs.readSync(fd, buf, 0, buf.length, size - buf.length);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
  // npm writes no colour codes to a file, so the line is shown as it is.
  const lines = text.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  const line = lines[lines.length - 1] ?? '';
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/** Runs `fn`, logging "<what>: 1 min 15 s so far (latest log line)" every `everyMs` until it settles. */
async function withProgress({ log, what, logFile, everyMs = EVERY_MS }, fn) {
  const started = Date.now();
  const timer = setInterval(() => {
    const line = lastLine(logFile);
    log(`  ${what}: ${elapsed(Date.now() - started)} so far${line ? ` (${line})` : ''}`);
  }, everyMs);
  timer.unref?.();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

module.exports = { withProgress, elapsed, lastLine };
