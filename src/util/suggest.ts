function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest candidate to a misspelt id, or undefined when nothing is close. */
export function suggest(wrong: string, candidates: Iterable<string>): string | undefined {
  const w = wrong.toLowerCase();
  const list = [...candidates];
  // "tan-long" for "tan-long-2025": a unique candidate that starts with what was typed.
  const prefixed = w.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(w) && c.toLowerCase() !== w) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = distance(w, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return bestDistance <= limit ? best : undefined;
}
