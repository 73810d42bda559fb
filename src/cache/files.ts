/**
 * Content hashes of files, memoised by stat signature the way git's index does it.
 *
 * Why a stat memo is safe: a record (size, mtime, ctime, inode) is trusted only when the file's ctime is older
 * than the moment its content was read by more than any filesystem's timestamp granularity (RACY_MS). A later
 * write then always moves ctime past the recorded value (ctime cannot be set by user code), so a matching
 * signature means the bytes are the ones hashed. A "racily clean" file (changed shortly before it was read) is
 * re-hashed on every run until it has settled.
 */
import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { lstatSync } from "../contain/stat.js";
import path from "node:path";
import { hashBounded } from "./read-bounded.js";

/** Larger than the coarsest timestamp granularity in use (2 s on FAT, 1 s on some network filesystems). */
export const RACY_MS = 2500;

/** [path, size, mtimeMs, ctimeMs, ino, sha256 of content] */
export type FileRecord = readonly [string, number, number, number, number, string];

export function sameStat(rec: FileRecord, st: Stats): boolean {
  return rec[1] === st.size && rec[2] === st.mtimeMs && rec[3] === st.ctimeMs && rec[4] === st.ino;
}

export function contentHash(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hashes files, reusing the hashes of an earlier run's records when the stat signature proves them current. */
export class FileHasher {
  private previousMap: Map<string, FileRecord> | undefined;
  private readonly seen = new Map<string, FileRecord | null>();

  /**
   * `startedAt`: Date.now() taken before this run read any file. `previous` may be a function, called on the
   * first file hashed: a run that replays a snapshot never needs the memo.
   */
  constructor(
    readonly startedAt: number,
    private readonly previous: readonly FileRecord[] | (() => readonly FileRecord[]) = [],
    private readonly previousStartedAt = 0,
  ) {}

  private memo(): Map<string, FileRecord> {
    if (this.previousMap === undefined) {
      const list = typeof this.previous === "function" ? this.previous() : this.previous;
      this.previousMap = new Map(list.map((r) => [r[0], r]));
    }
    return this.previousMap;
  }

  /** The file's record (undefined when it is not a readable regular file). */
  record(file: string): FileRecord | undefined {
    const known = this.seen.get(file);
    if (known !== undefined) return known ?? undefined;
    let rec: FileRecord | null = null;
    try {
      // Stat before reading: a write between the two leaves a signature older than the bytes, so it never matches again.
      const st = lstatSync(file);
      if (st.isFile()) {
        const prev = this.memo().get(file);
        // Read through read-bounded.ts: what was a file at the lstat may be a pipe or a link by the read.
        const hash = prev !== undefined && sameStat(prev, st) && prev[3] < this.previousStartedAt - RACY_MS ? prev[5] : hashBounded(file);
        if (hash !== undefined) rec = [file, st.size, st.mtimeMs, st.ctimeMs, st.ino, hash];
      }
    } catch {
      rec = null;
    }
    this.seen.set(file, rec);
    return rec ?? undefined;
  }

  hash(file: string): string | undefined {
    return this.record(file)?.[5];
  }

  /** Drops what this run learnt about the files under `dir` (it has just rewritten them). */
  forgetUnder(dir: string): void {
    for (const file of this.seen.keys()) if (file.startsWith(dir + path.sep)) this.seen.delete(file);
  }

  /** Every record made in this run, for the next run's memo. */
  records(): FileRecord[] {
    return [...this.seen.values()].filter((r): r is FileRecord => r !== null);
  }
}
