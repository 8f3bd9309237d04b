/*
 * Loaded with `node --require` into every process of a command under test (NODE_OPTIONS), so
 * `--help` can be checked for side effects from the inside: a TCP listen, a write, a delete or a
 * rename under SIDE_EFFECT_ROOT (the repository), or a program started other than Node, a shell
 * or esbuild (a browser, a database) is refused and reported on stderr as `SIDE EFFECT: ...`. Writes
 * elsewhere (npm's logs, tsx's cache in the temporary directory) and pipe listens (tsx talks to
 * its child over one) are let through.
 */
'use strict';
/* global URL, Buffer */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const childProcess = require('node:child_process');
const { syncBuiltinESMExports } = require('node:module');

const root = path.resolve(process.env.SIDE_EFFECT_ROOT || process.cwd());
const report = (what) => {
  fs.writeSync(2, `SIDE EFFECT: ${what}\n`);
  return new Error(`side effect refused: ${what}`);
};
const inside = (target) => {
  if (typeof target !== 'string' && !(target instanceof URL) && !Buffer.isBuffer(target)) return false;
  const resolved = path.resolve(target instanceof URL ? target.pathname : String(target));
  return resolved === root || resolved.startsWith(root + path.sep);
};

// Each function with the positions of its path arguments (a rename's target counts, its data does not).
const guardPaths = (object, functions, label) => {
  for (const [name, positions] of Object.entries(functions)) {
    const original = object[name];
    if (typeof original !== 'function') continue;
    object[name] = function guarded(...args) {
      const touched = positions.map((i) => args[i]).filter(inside);
      if (touched.length > 0) throw report(`${label}${name}(${touched.join(', ')})`);
      return original.apply(this, args);
    };
  }
};
const FIRST = ['writeFile', 'appendFile', 'mkdir', 'rm', 'rmdir', 'unlink', 'truncate', 'utimes', 'chmod'];
const BOTH = ['rename', 'copyFile', 'cp', 'symlink', 'link'];
const positions = (names, at) => Object.fromEntries(names.map((n) => [n, at]));
const functions = { ...positions(FIRST, [0]), ...positions(BOTH, [0, 1]) };
const syncFunctions = Object.fromEntries(Object.entries(functions).map(([name, at]) => [`${name}Sync`, at]));
guardPaths(fs, { ...functions, ...syncFunctions, createWriteStream: [0] }, 'fs.');
guardPaths(fs.promises, functions, 'fs.promises.');

// open() for writing: any flag but plain read.
for (const name of ['open', 'openSync']) {
  const original = fs[name];
  fs[name] = function guardedOpen(file, flags, ...rest) {
    const writing = flags !== undefined && flags !== 'r' && flags !== fs.constants.O_RDONLY && typeof flags !== 'function';
    if (writing && inside(file)) throw report(`fs.${name}(${file}, ${flags})`);
    return original.call(this, file, flags, ...rest);
  };
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(...args) {
  const first = args[0];
  const pipe = typeof first === 'string' && !/^\d+$/.test(first);
  const pipeOption = first && typeof first === 'object' && typeof first.path === 'string';
  if (!pipe && !pipeOption) throw report(`listen(${JSON.stringify(first)})`);
  return listen.apply(this, args);
};

// Node, a shell (npm runs scripts through one) and esbuild, which tsx compiles every file with
// (a build's own writes are caught above: it clears and fills console/dist through fs).
const allowedProgram = (command) => {
  const name = path.basename(String(command));
  return command === process.execPath || ['node', 'sh', 'bash', 'npm', 'esbuild'].includes(name);
};
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function guardedSpawn(command, ...rest) {
    if (name !== 'fork' && !allowedProgram(command)) throw report(`child_process.${name}(${command})`);
    return original.call(this, command, ...rest);
  };
}
syncBuiltinESMExports();
