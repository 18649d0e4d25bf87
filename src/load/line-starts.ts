/**
 * The offsets where the lines of a text start, and the 1-based `{ line, col }` of an offset, as
 * yaml's LineCounter gives them (cchc's own, so that files read without yaml need not load it).
 *
 * Lines are found only as far as an offset asks: most files are asked for a position near their
 * top, or none at all, and searching a province's 69 MB for line feeds up front cost 3% of
 * `cchc validate`.
 */
export class LineStarts {
  private readonly starts: number[] = [0];
  /** Every line feed is found (the last start is then the last line's). */
  private complete = false;

  constructor(private readonly text: string) {}

  linePos(offset: number): { line: number; col: number } {
    const { starts, text } = this;
    // Until a line is known to start at or after the offset (or there are no more lines).
    while (!this.complete && starts[starts.length - 1]! < offset) {
      const feed = text.indexOf('\n', starts[starts.length - 1]!);
      if (feed === -1) this.complete = true;
      else starts.push(feed + 1);
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }
}
