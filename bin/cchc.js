#!/usr/bin/env node
'use strict';
// Runs the CLI that `npm ci` / `npm run build` compiles into dist/cchc.cjs. (This file is
// CommonJS, as bin/package.json says: Node starts it without its ES module loader.)
//
// The bundle is compiled with V8's code cache, dist/cchc.cjs.cache, which the build writes by
// running a check of the bundled example with CCHC_WRITE_CODE_CACHE=1. Starting from it spares
// compiling the bundle on every run, about a tenth of checking the example. The cache begins
// with the bundle's first line, which names the build, and the bundle's size and modification
// time (to the second): it is used only with the file it was made from. V8 itself refuses it
// from another Node version, with other V8 flags, or cut short. Without a usable cache the
// bundle is compiled as usual. With --enable-source-maps the bundle is required instead, so that
// Node maps stack traces to src/ (it does not for code compiled with vm.Script).
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '../dist/cchc.cjs');
const writeCache = process.env.CCHC_WRITE_CODE_CACHE === '1';

/** A missing, cut-short or broken build says so (exit 2), not with a stack trace and exit 1 ("criteria fail"). */
function notBuilt(error) {
  process.stderr.write(`cchc: chưa biên dịch hoặc cài đặt hỏng — chạy "npm ci" hoặc "npm run build" (not built: run "npm ci" or "npm run build")\n${process.argv.includes('--verbose') ? `${error.stack}\n` : ''}`);
  process.exitCode = 2;
}

/** What the cache must begin with to be this bundle's: its first line, then its size and time. */
function cacheStamp(source) {
  const { size, mtimeMs } = statSync(bundle);
  // Whole seconds: what a copy that keeps times keeps (cpSync's preserveTimestamps goes through a
  // Date and seconds as a float: 55.731 s comes back as 55.730999…).
  return Buffer.from(`${source.slice(0, source.indexOf('\n') + 1)}${size} ${Math.floor(mtimeMs / 1000)}\n`);
}

function run() {
  if (process.sourceMapsEnabled === true && !writeCache) {
    require(bundle);
    return;
  }
  const source = readFileSync(bundle, 'utf8');
  const stamp = source.startsWith('"use strict";// cchc build ') ? cacheStamp(source) : undefined;
  let cachedData;
  if (stamp && !writeCache) {
    try {
      const cache = readFileSync(`${bundle}.cache`);
      if (cache.subarray(0, stamp.length).equals(stamp)) cachedData = cache.subarray(stamp.length);
    } catch {
      // No cache (a build without one): compile as usual.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
  if (writeCache && stamp) {
    // Written whole under another name, then renamed: a build interrupted here leaves no half
    // cache. A cache that cannot be written (a read-only install) is only a slower start: say so,
    // and leave the run's own exit code alone.
    process.once('exit', () => {
      const temp = `${bundle}.cache.${process.pid}.tmp`;
      try {
        writeFileSync(temp, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(temp, `${bundle}.cache`);
      } catch (error) {
        rmSync(temp, { force: true });
        process.stderr.write(`cchc: code cache not written: ${error.message}\n`);
      }
    });
  }
}

// Errors thrown while the bundle is read, compiled or first run; the CLI's own errors are
// handled inside it (src/cli.ts), after this returns.
try {
  run();
} catch (error) {
  notBuilt(error);
}
