import { realpathSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';

/** What deciding needs to know; a test gives its own. */
export interface Invocation {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** This copy's bin/cchc.js. */
  self: string;
  /** The real path of a file (through links), or undefined when there is none. */
  realpath: (file: string) => string | undefined;
}

/**
 * How to start cchc again, for a hint to print: `cchc` when that word, typed in a shell, runs this
 * copy (installed with `npm install -g`, from the registry or linked from a checkout); otherwise
 * `npx cchc`, which runs it from a checkout of cchc or from a project that has it among its
 * dependencies — and is what the user just typed when npx started it.
 */
export function commandName(given: Partial<Invocation> = {}): 'cchc' | 'npx cchc' {
  const { env, platform, self, realpath } = { ...thisInvocation(), ...given };
  if (env.npm_command === 'exec') return 'npx cchc';
  const path = platform === 'win32' ? win32 : posix;
  const selfReal = realpath(self);
  const same = (file: string) => selfReal !== undefined && realpath(file) === selfReal;
  for (const dir of (env.PATH ?? '').split(platform === 'win32' ? ';' : ':')) {
    // npm puts node_modules/.bin folders first on the PATH of what it runs; a shell does not.
    if (dir === '' || /[\\/]node_modules[\\/]\.bin[\\/]?$/u.test(dir)) continue;
    if (platform === 'win32') {
      // npm's global folder holds the cchc.cmd shim and node_modules\cchc beside it.
      if (realpath(path.join(dir, 'cchc.cmd')) === undefined) continue;
      return same(path.join(dir, 'node_modules', 'cchc', 'bin', 'cchc.js')) ? 'cchc' : 'npx cchc';
    }
    // A global install links <prefix>/bin/cchc to <prefix>/lib/node_modules/cchc/bin/cchc.js.
    if (realpath(path.join(dir, 'cchc')) === undefined) continue;
    // The first cchc on the PATH is the one a shell runs: another copy means `cchc` is not this one.
    return same(path.join(dir, 'cchc')) ? 'cchc' : 'npx cchc';
  }
  return 'npx cchc';
}

function thisInvocation(): Invocation {
  return {
    env: process.env,
    platform: process.platform,
    self: join(fileURLToPath(packageRoot), 'bin', 'cchc.js'),
    realpath: (file) => {
      try {
        return realpathSync(file);
      } catch {
        return undefined;
      }
    },
  };
}
