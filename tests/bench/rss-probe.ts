// Preloaded with `node --import` when GNU time is missing: at exit, writes the process's own peak
// RSS and CPU time (process.resourceUsage) to the file named by CCHC_BENCH_PROBE.
import { writeFileSync } from 'node:fs';

const file = process.env.CCHC_BENCH_PROBE;
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
}
