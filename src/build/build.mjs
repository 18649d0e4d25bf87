// `npm run build`: compiles cchc into dist/.
//
//  1. src/generated/validators.ts: the JSON Schemas compiled to code (generate-validators.mjs);
//  2. tsc: type-checks everything and writes one module per source file (dist/**, used by tests
//     that load a single module);
//  3. esbuild: the CLI that bin/cchc.js runs, dist/cchc.cjs, bundled with its dependencies into
//     one file. Node then reads one file at start instead of some two hundred modules, which was
//     most of `cchc --version`'s time. exceljs and yaml stay packages of their own (loaded only
//     when needed);
//  4. the code cache for that file, dist/cchc.cjs.cache.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const step = (command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(process.execPath, ['src/build/generate-validators.mjs']);
step(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
// Remove the previous build's bundle, chunks and code cache.
for (const name of readdirSync(`${root}dist`)) if (/^cchc(?:[.-].*)?\.(?:js|cjs|cache|map|tmp|txt)$/u.test(name)) rmSync(`${root}dist/${name}`);
// cli-table3 measures text with the string-width package; give it src/format/string-width.ts,
// which gives the same widths and is much faster on Vietnamese text (see that file).
const tableWidths = {
  name: 'cchc-table-widths',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]cli-table3[\\/]/u.test(args.importer) ? { path: 'string-width', namespace: 'cchc-table-widths' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'cchc-table-widths' }, () => ({
      contents: "module.exports = require('./src/format/string-width.ts').stringWidth;",
      resolveDir: root,
      loader: 'js',
    }));
  },
};
// A fresh id for each build: the code cache below is used only with the bundle it was made from.
const buildId = randomUUID();
await build({
  absWorkingDir: root,
  entryPoints: { cchc: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  // One CommonJS file that bin/cchc.js compiles with V8's code cache (Node 20 has no code cache
  // for ES modules); each command's code is still run only when that command is (see src/cli.ts).
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // exceljs is required when an .xlsx is written, docx when a Word report is; yaml when a file
  // needs it (src/load/yaml-lib.ts): none is bundled.
  external: ['exceljs', 'yaml', 'docx'],
  // src/paths.ts and yaml-lib.ts find the package from import.meta.url.
  define: { 'import.meta.url': 'cchcBundleUrl' },
  // The first line names the build (bin/cchc.js matches the code cache to it) after a "use strict"
  // of its own: esbuild's comes after the banner, where it is no directive.
  banner: { js: `"use strict";// cchc build ${buildId}\nconst cchcBundleUrl = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [tableWidths],
  // Without the indentation the file is 570 KB instead of 800: reading it is most of what a run
  // that starts from the code cache still pays for the bundle. Stack traces point into src/ with
  // NODE_OPTIONS=--enable-source-maps (the map is dist/cchc.cjs.map).
  minifyWhitespace: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});

// The code cache: V8's compiled code for the functions a check of the bundled example runs,
// written by bin/cchc.js as that check ends. The next runs start from it instead of compiling
// the bundle again (~20 ms of ~300). A stale or foreign cache is ignored (bin/cchc.js).
const made = spawnSync(process.execPath, ['bin/cchc.js', 'check', '--as-of', '2025-09-14', '--no-color'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, CCHC_WRITE_CODE_CACHE: '1' },
});
if (!existsSync(`${root}dist/cchc.cjs.cache`)) {
  console.error(`build: the code cache was not written (the check exited with ${made.status ?? made.signal}); cchc works without it, only slower to start`);
}
