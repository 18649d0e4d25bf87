#!/usr/bin/env node
// The CLI is compiled into dist/ by `npm ci` / `npm run build`; say so instead of a stack trace.
import('../dist/cchc.js').catch((error) => {
  process.stderr.write(`cchc: chưa biên dịch hoặc cài đặt hỏng — chạy "npm ci" hoặc "npm run build" (not built: run "npm ci" or "npm run build")\n${process.argv.includes('--verbose') ? `${error.stack}\n` : ''}`);
  process.exitCode = 2;
});
