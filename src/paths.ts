/**
 * The folder cchc is installed in (with bin/, schemas/, plans/). Resolved from this module, which
 * sits one level down both as compiled (dist/paths.js) and in the single-file build (dist/cchc.cjs)
 * and as source under test (src/paths.ts).
 */
export const packageRoot = new URL('../', import.meta.url);
