#!/usr/bin/env node
'use strict';
// Runs the CLI that `npm ci` / `npm run build` compiles into dist/cchc.cjs. (This file is
// CommonJS, as bin/package.json says: Node starts it without its ES module loader.)
//
// The bundle is compiled with V8's code cache, dist/cchc.cjs.cache, which the build writes by
// running a check of the bundled example with CCHC_WRITE_CODE_CACHE=1. Starting from it spares
// compiling the bundle on every run, about a tenth of checking the example. The cache is used
// only with the bundle it was made from (it begins with the bundle's first line, which names the
// build), and V8 itself refuses it from another Node version or with other V8 flags: then the
// bundle is compiled as usual.
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '../dist/cchc.cjs');
const writeCache = process.env.CCHC_WRITE_CODE_CACHE === '1';

let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch (error) {
  process.stderr.write(`cchc: chưa biên dịch hoặc cài đặt hỏng — chạy "npm ci" hoặc "npm run build" (not built: run "npm ci" or "npm run build")\n${process.argv.includes('--verbose') ? `${error.stack}\n` : ''}`);
  process.exitCode = 2;
  return;
}

const stamp = Buffer.from(source.slice(0, source.indexOf('\n') + 1));
let cachedData;
if (!writeCache) {
  try {
    const cache = readFileSync(`${bundle}.cache`);
    if (source.startsWith('// cchc build ') && cache.subarray(0, stamp.length).equals(stamp)) cachedData = cache.subarray(stamp.length);
  } catch {
    // No cache (a build without one): compile as usual.
  }
}

// Strict mode, as for the ES modules cchc is written in (esbuild's "use strict" comes after the
// bundle's first line, where it is no directive).
const script = new Script(`(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`, { filename: bundle, cachedData });
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
if (writeCache) {
  // Written whole under another name, then renamed: a build interrupted here leaves no half cache.
  // A cache that cannot be written (a read-only install) is only a slower start: say so, and
  // leave the run's own exit code alone.
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
