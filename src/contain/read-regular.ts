/**
 * The one way the tool reads a file's bytes from a folder someone else may have written (the project's inputs, its
 * output folders, the cache): without waiting, a regular file only, and bounded.
 *
 * Why: a named pipe where a file should be holds the run forever (opening it, then reading it, waits for a writer
 * that never comes), a device never ends (`/dev/zero`: memory fills), and a huge file fills memory too. So the
 * file is opened with `O_NONBLOCK` (a pipe with no writer opens at once), the open file itself is asked what it is
 * (nothing swapped in between a check and the read is read), and at most `limit` bytes are read. `noFollow` also
 * refuses a link as the last part of the path (the cache, whose files the tool only ever makes by rename).
 * Nothing here throws: every refusal is a value the caller turns into its own answer (a miss, an input error).
 */
import { closeSync, constants, openSync, readSync } from "node:fs";
import { fstatSync } from "./stat.js";

export type RegularRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly why: "absent" | "not-regular" | "unreadable"; readonly code?: string }
  | { readonly ok: false; readonly why: "too-large"; readonly size: number };

export interface RegularOptions {
  /** The most bytes read; a larger file (or one that grows past it while read) is refused as "too-large". */
  readonly limit: number;
  /** Refuse a link as the path's last part ("unreadable", ELOOP) instead of following it. */
  readonly noFollow?: boolean;
}

/**
 * The largest file of an output folder (generated/, a catalogue) the tool reads back to compare: far above any
 * file it writes (a version's files come from schemas of at most 5 MB each), so a larger one is not its own.
 */
export const OUTPUT_FILE_LIMIT = 64 * 1024 * 1024;

// A terminal is never made the process's controlling terminal by being opened here.
const NO_WAIT = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Calls `use` with the open file and its size when `abs` is a regular file (else the refusal), and closes it.
 * An error `use` throws is "unreadable".
 */
export function withRegularFile<T>(abs: string, noFollow: boolean, use: (fd: number, size: number) => T): { ok: true; value: T } | Exclude<RegularRead, { ok: true }> {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | NO_WAIT | (noFollow ? NOFOLLOW : 0));
  } catch (error) {
    const code = errnoOf(error);
    return code === "ENOENT" || code === "ENOTDIR" ? { ok: false, why: "absent", code } : { ok: false, why: "unreadable", ...(code !== undefined ? { code } : {}) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, why: "not-regular" };
    return { ok: true, value: use(fd, st.size) };
  } catch (error) {
    const code = errnoOf(error);
    return { ok: false, why: "unreadable", ...(code !== undefined ? { code } : {}) };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a regular file of at most `options.limit` bytes, or why not. */
export function readRegular(abs: string, options: RegularOptions): RegularRead {
  const { limit } = options;
  // A number: the size of a file over the limit.
  const read = withRegularFile(abs, options.noFollow === true, (fd, size): Buffer | number => {
    if (size > limit) return size;
    // One byte more than the size: a file that grew since the stat is read on (a racing writer's prefix, at most
    // one byte past its size), and refused if that passes the limit.
    const bytes = Buffer.alloc(size + 1);
    let at = 0;
    for (;;) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
      if (at === bytes.length) break;
    }
    return at > limit ? at : bytes.subarray(0, at);
  });
  if (!read.ok) return read;
  return typeof read.value === "number" ? { ok: false, why: "too-large", size: read.value } : { ok: true, bytes: read.value };
}

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
