/**
 * Copies that hold no string of a file's text.
 *
 * yaml hands out each value as a slice of the file's text, and V8 keeps a slice of 13 characters
 * or more as a pointer into the whole text: the id of a plan, kept as a key, kept the plan's 67 KB
 * of text alive; a progress file's plan id or note kept its text. A province keeps a thousand
 * plans and tens of thousands of reports until the end of a run, so both are detached from their
 * texts once, when they are built (measured with heap snapshots: the plans' texts were 5.7 MB of
 * 14 MB at N = 100).
 */

/**
 * A plan: a deep copy. structuredClone copies in one native call, with strings of their own,
 * Maps and Sets in order and shared objects still shared.
 */
export function detachedCopy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A progress report: its long strings replaced in place (most of its strings are short ids and
 * dates, which V8 copies anyway, and a deep copy would take more memory than it frees).
 */
export function detachLongStrings<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (node instanceof Map) {
      for (const [key, item] of node) {
        if (typeof item === 'string') node.set(key, copy(item));
        else stack.push(item);
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => (typeof item === 'string' ? (node[i] = copy(item)) : stack.push(item)));
    } else if (!(node instanceof Set)) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (typeof item === 'string') record[key] = copy(item);
        else stack.push(item);
      }
    }
  }
  return value;
}

/** V8 makes a slice only of a string this long or longer; shorter ones are copies already. */
const SLICE_MIN = 13;

/** A string of its own: JSON.parse builds a new sequential string. */
export const copy = (text: string): string => (text.length < SLICE_MIN ? text : (JSON.parse(JSON.stringify(text)) as string));
