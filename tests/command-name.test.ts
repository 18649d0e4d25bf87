/**
 * Hints that print a command print the one that works for how cchc was started: `cchc` when it
 * was installed globally (typing `cchc` runs this copy), `npx cchc` in a checkout or a project.
 * The decision with a made-up file system, then `cchc init`'s hint through the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandName, type Invocation } from '../src/util/command-name.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A file system of links: each path leads to its real path (a path not listed does not exist). */
function invocation(links: Record<string, string>, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = 'linux'): Invocation {
  const self = platform === 'win32' ? 'C:\\src\\cchc\\bin\\cchc.js' : '/home/can-bo/cchc/bin/cchc.js';
  const all: Record<string, string> = { [self]: self, ...links };
  return { env, platform, self, realpath: (file) => all[file] };
}

describe('commandName', () => {
  it('is npx cchc in a checkout, where no cchc is on the PATH', () => {
    expect(commandName(invocation({}, { PATH: '/usr/local/bin:/usr/bin' }))).toBe('npx cchc');
  });

  it('is cchc when the first cchc on the PATH is this copy (npm install -g, also linked from a checkout)', () => {
    const links = { '/usr/local/bin/cchc': '/home/can-bo/cchc/bin/cchc.js' };
    expect(commandName(invocation(links, { PATH: '/usr/bin:/usr/local/bin' }))).toBe('cchc');
  });

  it('is npx cchc when the cchc a shell would run is another copy', () => {
    const links = { '/usr/local/bin/cchc': '/usr/local/lib/node_modules/cchc/bin/cchc.js', '/opt/bin/cchc': '/home/can-bo/cchc/bin/cchc.js' };
    expect(commandName(invocation(links, { PATH: '/usr/local/bin:/opt/bin' }))).toBe('npx cchc');
  });

  it('leaves out the node_modules/.bin folders npm puts on the PATH of what it runs', () => {
    const links = { '/srv/xa/node_modules/.bin/cchc': '/home/can-bo/cchc/bin/cchc.js' };
    expect(commandName(invocation(links, { PATH: '/srv/xa/node_modules/.bin:/usr/bin' }))).toBe('npx cchc');
  });

  it('is npx cchc when npx started it, whatever the PATH holds', () => {
    const links = { '/usr/local/bin/cchc': '/home/can-bo/cchc/bin/cchc.js' };
    expect(commandName(invocation(links, { PATH: '/usr/local/bin', npm_command: 'exec' }))).toBe('npx cchc');
  });

  it('on Windows, is cchc when npm\'s global folder holds cchc.cmd and this copy beside it', () => {
    const global = 'C:\\Users\\can-bo\\AppData\\Roaming\\npm';
    const links = {
      [`${global}\\cchc.cmd`]: `${global}\\cchc.cmd`,
      // `npm install -g` from a checkout makes node_modules\cchc a junction to it.
      [`${global}\\node_modules\\cchc\\bin\\cchc.js`]: 'C:\\src\\cchc\\bin\\cchc.js',
    };
    expect(commandName(invocation(links, { PATH: `C:\\Windows;${global}` }, 'win32'))).toBe('cchc');
    expect(commandName(invocation({}, { PATH: `C:\\Windows;${global}` }, 'win32'))).toBe('npx cchc');
  });
});

describe('cchc init, through the built CLI', () => {
  const init = (dir: string, env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [
    join(root, 'bin/cchc.js'), 'init', '--unit', 'kt', '--period', '2025-Q3', '--as-of', '2025-09-14', '-o', join(dir, `${Math.random()}.yaml`),
  ], { cwd: root, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });

  it.skipIf(process.platform === 'win32')('says "npx cchc validate" from a checkout, "cchc validate" when cchc on the PATH is this copy; so do usage errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-command-name-'));
    try {
      const env = { ...process.env, PATH: dirname(process.execPath) };
      delete env.npm_command;
      const fromCheckout = init(dir, env);
      expect(fromCheckout.status).toBe(0);
      expect(fromCheckout.stderr).toMatch(/Kiểm tra tệp: npx cchc validate \S+\.yaml$/mu);
      // What `npm install -g` makes: a link on the PATH to bin/cchc.js.
      mkdirSync(join(dir, 'bin'));
      symlinkSync(join(root, 'bin/cchc.js'), join(dir, 'bin/cchc'));
      const installed = init(dir, { ...env, PATH: `${join(dir, 'bin')}:${env.PATH}` });
      expect(installed.status).toBe(0);
      expect(installed.stderr).toMatch(/Kiểm tra tệp: cchc validate \S+\.yaml$/mu);
      // The example of a usage error that shows the command: `init` without --period.
      const missing = (path: string) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), 'init', '--unit', 'kt'], { cwd: root, encoding: 'utf8', env: { ...env, PATH: path } });
      expect(missing(env.PATH!).stderr).toMatch(/^cchc: Lệnh init cần --period\. Ghi thêm, ví dụ: npx cchc init --unit /u);
      expect(missing(`${join(dir, 'bin')}:${env.PATH}`).stderr).toMatch(/^cchc: Lệnh init cần --period\. Ghi thêm, ví dụ: cchc init --unit /u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
