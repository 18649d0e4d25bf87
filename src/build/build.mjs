// `npm run build`: compiles cchc into dist/.
//
//  1. src/generated/validators.ts: the JSON Schemas compiled to code (generate-validators.mjs);
//  2. tsc: type-checks everything and writes one module per source file (dist/**, used by tests
//     that load a single module);
//  3. esbuild: the CLI that bin/cchc.js runs, dist/cchc.js, bundled with its dependencies into
//     one file plus a chunk per command. Node then reads a few files at start instead of some two
//     hundred modules, which was most of `cchc --version`'s time. exceljs stays a package of its own
//     (large; loaded only for .xlsx).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const step = (command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(process.execPath, ['src/build/generate-validators.mjs']);
step(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
// The bundle's chunk names change with their content: remove the previous build's.
for (const name of readdirSync(`${root}dist`)) if (/^cchc[.-].*\.(?:js|txt|LEGAL\.txt)$/u.test(name)) rmSync(`${root}dist/${name}`);
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
await build({
  absWorkingDir: root,
  entryPoints: { cchc: 'src/cli.ts' },
  outdir: 'dist',
  // Chunks sit beside dist/cchc.js, so that paths resolved from import.meta.url (src/paths.ts)
  // are the same in every chunk.
  chunkNames: 'cchc-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // exceljs is imported when an .xlsx is written; yaml is required when a file needs it
  // (src/load/yaml-lib.ts): neither is bundled.
  external: ['exceljs', 'yaml'],
  // cli-table3 and its helpers are CommonJS and call require() for Node's own modules.
  banner: { js: "import { createRequire as cchcCreateRequire } from 'node:module'; const require = cchcCreateRequire(import.meta.url);" },
  plugins: [tableWidths],
  legalComments: 'linked',
  logLevel: 'warning',
});
