// Child commands of the harness (npm, tar, code-server's CLI) with their output in a log file.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

// Runs a command with its output going to logFile; the error carries the log tail, since npm's and
// node-gyp's useful diagnostics are at the end.
function run(cmd, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const log = fs.readFileSync(logFile, 'utf8');
      reject(
        new Error(
          `${cmd} ${args.join(' ')} failed (${signal || `exit ${code}`}); full log: ${logFile}\n${tail(log)}`
        )
      );
    });
  });
}

module.exports = { run, tail };
