/**
 * A memo of texts by text key, bounded by the characters it holds (keys and values): past the limit the oldest
 * entries go first, and an entry larger than the limit is not kept. For the per-thread memos of a run (validators
 * and printed types by shape), which must not grow with the size of the project.
 */
export class TextMemo {
  private readonly byKey = new Map<string, string>();
  private chars = 0;

  constructor(private readonly limit: number) {}

  get(key: string): string | undefined {
    return this.byKey.get(key);
  }

  /** Keeps `value` as the newest entry (set again: counted once). */
  set(key: string, value: string): void {
    const cost = key.length + value.length;
    if (cost > this.limit) return;
    const old = this.byKey.get(key);
    if (old !== undefined) this.chars -= key.length + old.length;
    this.byKey.delete(key);
    this.byKey.set(key, value);
    this.chars += cost;
    for (const [k, v] of this.byKey) {
      if (this.chars <= this.limit) break;
      this.byKey.delete(k);
      this.chars -= k.length + v.length;
    }
  }

  /** Keys kept, oldest first. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  clear(): void {
    this.byKey.clear();
    this.chars = 0;
  }
}
