/** Criterion ids in reading order, part by part as numbers: 2.1.10 after 2.1.9, 2.1 before 2.1.1. */
export function compareIds(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
