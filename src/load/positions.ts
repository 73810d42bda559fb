import { pointerTokens } from "../ir/json.js";

export interface LineColumn {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

/** Converts offsets in a text to line/column. The table of line starts is built on first use only. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  at(offset: number): LineColumn {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Source offsets of the members of every container of a parsed document, keyed by the container object itself
 * (the parsers create each container once, so identity is a safe key). For an object member the offset is that
 * of its key, which is where an editor or a GitHub annotation should point; for an array element, its start.
 */
export class PositionMap {
  /** Arrays get a plain list: a 5 MB file can hold millions of elements, too many for one Map each. */
  private readonly members = new Map<object, Map<string, number> | number[]>();
  constructor(private readonly rootOffset: number) {}

  add(container: object, token: string, offset: number): void {
    let entry = this.members.get(container);
    if (Array.isArray(container)) {
      if (entry === undefined) this.members.set(container, (entry = []));
      (entry as number[])[Number(token)] = offset;
      return;
    }
    if (entry === undefined) this.members.set(container, (entry = new Map()));
    (entry as Map<string, number>).set(token, offset);
  }

  /** Offset of the node at `pointer` in `root`, or undefined when the pointer names no node. */
  offsetOf(root: unknown, pointer: string): number | undefined {
    let node = root;
    let offset = this.rootOffset;
    for (const token of pointerTokens(pointer)) {
      if (typeof node !== "object" || node === null) return undefined;
      const entry = this.members.get(node);
      const found = Array.isArray(entry)
        ? /^(0|[1-9][0-9]*)$/.test(token)
          ? entry[Number(token)]
          : undefined
        : entry?.get(token);
      if (found === undefined) return undefined;
      offset = found;
      node = (node as Record<string, unknown>)[token];
    }
    return offset;
  }
}
