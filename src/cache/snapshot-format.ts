/**
 * The snapshot's on-disk form: a line format read without a big JSON parse, because the no-op `check` reads it
 * on every commit and at 1,000 contracts it holds ~28k entries.
 *
 *     llm-contracts-state/3 \t <key> \t <HMAC of key and body with the per-user key (secret.ts)>
 *     S \t <startedAt>
 *     R \t <result as JSON, one line>
 *     B \t <absolute folder>                                   base and current folder
 *     D \t <mtime> \t <ctime|=> \t <ino> \t <names hash> \t <path relative to base, "" for base>   current folder
 *     F \t <size> \t <mtime|=> \t <ctime|=> \t <ino> \t <content hash, base64url> \t <name in current folder>
 *     A \t <absolute path that must stay absent>
 *
 * Why this shape: paths are relative to their folder (the absolute prefix is written once per folder), an
 * `=` stands for "same as the previous value" (files written by one build share their timestamps), and a
 * content hash is the full sha256 in base64url (43 characters), so the memo stays exact. Folder signatures
 * hash only entry names and are compared against a fresh listing; 64 bits (16 hex digits) keep an accidental
 * collision negligible. Names come last on their line, so only a name holding a line break cannot be written:
 * then no snapshot is kept at all (the next run does the work, never a wrong replay).
 */
import path from "node:path";
import type { FileRecord } from "./files.js";
import { cacheKey, mac, macAsciiTail } from "./secret.js";

/** [path, mtimeMs, ctimeMs, ino, hash of sorted entry names] */
export type DirRecord = readonly [string, number, number, number, string];

export interface Snapshot<R> {
  readonly startedAt: number;
  readonly files: readonly FileRecord[];
  readonly dirs: readonly DirRecord[];
  /** Paths that must still not exist (a config file, an interrupted swap's backup). */
  readonly absent: readonly string[];
  readonly result: R;
}

/** A snapshot as read: its entries stay text until someone walks them. */
export interface StoredSnapshot<R> {
  readonly startedAt: number;
  readonly result: R;
  /** The base file's entries (without its S and R lines). */
  readonly body: string;
  /** The base file's integrity code: a delta names it to be read over this base and no other (snapshot-delta.ts). */
  readonly mac?: string;
  /** The delta read over the base, if any: its entries, and the base folders whose entries still hold. */
  readonly delta?: { readonly body: string; readonly kept: ReadonlySet<string> };
}

export interface EntryVisitor {
  dir(abs: string, mtimeMs: number, ctimeMs: number, ino: number, namesHash: string): boolean;
  /** `listed`: the file follows its folder's record (D), not a bare base line (B) of files recorded alone. */
  file(abs: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string, listed: boolean): boolean;
  absent(abs: string): boolean;
  /**
   * Asked after `dir` held: true skips every entry below that folder unvisited (a focused run's contract folders
   * outside its focus, src/incremental/focus.ts), read over without the expression (skipBelow).
   */
  skipBelow?(abs: string): boolean;
}

const FORMAT = "llm-contracts-state/3";

const SEP = path.sep.charCodeAt(0);
/** `dir` joined with a name read from a folder (it holds no separator), without path.join's normalising. */
export const join = (dir: string, name: string): string => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);
/*
 * path.dirname and path.basename for the paths the walks make (absolute, normalised, no trailing separator)
 * without their parsing: a scoped run asks them for ~2,000 contract folders and ~600 files while it writes its
 * delta, and path's functions, not yet warmed up, cost about a microsecond each. Near the root, or on Windows
 * (where "/" separates too), path's own.
 */
const PLAIN = path.sep === "/";
export const parentOf = (p: string): string => {
  const at = PLAIN ? p.lastIndexOf("/") : -1;
  return at > 0 && at < p.length - 1 ? p.slice(0, at) : path.dirname(p);
};
export const nameOf = (p: string): string => {
  const at = PLAIN ? p.lastIndexOf("/") : -1;
  return at >= 0 && at < p.length - 1 ? p.slice(at + 1) : path.basename(p);
};
/*
 * Why a memo of hashes read: a run that redid a few contracts writes back ~28k hashes it read from the previous
 * snapshot, and converting each back costs more than the whole rest of the line. A hash read as base64url (43
 * characters: 32 bytes, the canonical form this module writes) encodes back to the same text, so the memo gives
 * exactly what the conversion would. It is bounded, and cleared when full (a watch process lives long).
 */
const B64_OF_HEX = new Map<string, string>();
const MEMO_MAX = 200_000;

const hexToB64 = (hex: string): string => B64_OF_HEX.get(hex) ?? (/^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex").toString("base64url") : `!${hex}`);
export const b64ToHex = (b64: string): string => {
  if (b64.startsWith("!")) return b64.slice(1);
  const hex = Buffer.from(b64, "base64url").toString("hex");
  if (b64.length === 43 && hex.length === 64) {
    if (B64_OF_HEX.size >= MEMO_MAX) B64_OF_HEX.clear();
    B64_OF_HEX.set(hex, b64);
  }
  return hex;
};

/** The number of lines of `text` (line breaks plus one), without splitting it into an array. */
function lineCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) n++;
  return n;
}

/** The entry lines (B, D, F, A) of a snapshot's records, in the order of `dirs`. */
export function entryLines(snap: Pick<Snapshot<unknown>, "files" | "dirs" | "absent">, lines: string[]): void {
  const byDir = new Map<string, FileRecord[]>();
  for (const f of snap.files) {
    const d = parentOf(f[0]);
    const list = byDir.get(d);
    if (list === undefined) byDir.set(d, [f]);
    else list.push(f);
  }
  let base: string | undefined;
  let mtime = NaN;
  const num = (n: number, prev: number): string => (n === prev ? "=" : String(n));
  const files = (dir: string): void => {
    for (const f of byDir.get(dir) ?? []) {
      lines.push(`F\t${f[1]}\t${num(f[2], mtime)}\t${num(f[3], f[2])}\t${f[4]}\t${hexToB64(f[5])}\t${nameOf(f[0])}`);
      mtime = f[2];
    }
    byDir.delete(dir);
  };
  for (const d of snap.dirs) {
    if (base === undefined || !(d[0] === base || d[0].startsWith(base + path.sep))) {
      base = d[0];
      lines.push(`B\t${base}`);
    }
    lines.push(`D\t${d[1]}\t${num(d[2], d[1])}\t${d[3]}\t${d[4]}\t${d[0] === base ? "" : d[0].slice(base.length + 1)}`);
    files(d[0]);
  }
  for (const dir of [...byDir.keys()].sort()) {
    lines.push(`B\t${dir}`);
    files(dir);
  }
  for (const a of snap.absent) lines.push(`A\t${a}`);
}

/** `lines` joined, or undefined when some path holds a character the line format cannot carry. */
export function joinLines(lines: readonly string[]): string | undefined {
  const body = lines.join("\n");
  return /[\r\u2028\u2029]/.test(body) || lines.length !== lineCount(body) ? undefined : body;
}

/** The file's text, or undefined when some path cannot be written in the line format. */
export function encodeSnapshot<R>(key: string, snap: Snapshot<R>): string | undefined {
  const lines: string[] = [`S\t${snap.startedAt}`, `R\t${JSON.stringify(snap.result)}`];
  entryLines(snap, lines);
  const body = joinLines(lines);
  const secret = cacheKey();
  if (secret === undefined || body === undefined) return undefined;
  return `${FORMAT}\t${key}\t${mac(secret, key, body)}\n${body}`;
}

/**
 * undefined for another format, another key, an integrity not signed with our key, or a malformed head. `ascii`:
 * the file's bytes when they are all ASCII (store.ts `readTextFile`), so the integrity is checked on them as read.
 */
export function decodeSnapshot<R>(key: string, text: string, ascii?: Uint8Array): StoredSnapshot<R> | undefined {
  const head = `${FORMAT}\t${key}\t`;
  if (!text.startsWith(head) || text.charCodeAt(head.length + 64) !== 10) return undefined;
  const body = text.slice(head.length + 65);
  const secret = cacheKey();
  if (secret === undefined || bodyMac(secret, [key], body, head.length + 65, ascii) !== text.slice(head.length, head.length + 64)) return undefined;
  const s = body.indexOf("\n");
  const r = body.indexOf("\n", s + 1);
  if (!body.startsWith("S\t") || body.slice(s + 1, s + 3) !== "R\t") return undefined;
  try {
    const startedAt = Number(body.slice(2, s));
    const result = JSON.parse(body.slice(s + 3, r < 0 ? undefined : r)) as R;
    const code = text.slice(head.length, head.length + 64);
    return Number.isFinite(startedAt) ? { startedAt, result, body: r < 0 ? "" : body.slice(r + 1), mac: code } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One entry line, read by the regular expression engine in one step. Why not field by field in JavaScript: the
 * walk runs once per process, before the JIT has warmed up, and at 1,000 contracts its ~28k lines cost about a
 * third less this way. The expression is linear: each alternative starts with its own kind letter, every field is
 * a run of non-tab, non-newline characters, and the last (a name, which may hold tabs) runs to the line's end.
 * Sticky: a line that does not match where the previous one ended (a malformed line) stops the walk.
 * Groups: F 1 size, 2 mtime, 3 ctime, 4 ino, 5 hash, 6 name; D 7 mtime, 8 ctime, 9 ino, 10 names, 11 path;
 * B 12 folder; A 13 path.
 */
const ENTRY =
  /(?:F\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\n]*)|D\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\n]*)|B\t([^\n]*)|A\t([^\n]*))(?:\n|$)/y;

/** `mac(secret, ...parts, body)`, where `body` is `text.slice(at)` and `ascii`, if given, is `text` as bytes. */
export function bodyMac(secret: Buffer, parts: readonly string[], body: string, at: number, ascii: Uint8Array | undefined): string {
  return ascii !== undefined && ascii.length - at === body.length ? macAsciiTail(secret, parts, ascii.subarray(at)) : mac(secret, ...parts, body);
}

/**
 * Calls the visitor for every entry in order; stops (returning false) as soon as it returns false. A malformed
 * line also returns false: the integrity hash makes that unreachable short of a bug, and false means "do the work".
 * `keep`, when given, filters by folder: an entry is visited only when `keep` holds for its folder (for a file,
 * the folder it was listed under; for a folder or an absent path, itself).
 */
export function walkSnapshot(body: string, visit: EntryVisitor, keep?: (dir: string) => boolean): boolean {
  // A copy per walk: a visitor may start another walk (src/cache/snapshot-subtrees.ts reads a base mid-walk).
  const entry = new RegExp(ENTRY);
  let base = "";
  let cur = "";
  let kept = true;
  let listed = false;
  let mtime = NaN;
  while (entry.lastIndex < body.length) {
    const m = entry.exec(body);
    if (m === null) return false;
    let ok: boolean;
    if (m[1] !== undefined) {
      // Read even when the file is not visited: the next line's "=" refers to it.
      const mt = m[2]!;
      if (mt !== "=") mtime = Number(mt);
      const c = m[3]!;
      ok = !kept || visit.file(join(cur, m[6]!), Number(m[1]), mtime, c === "=" ? mtime : Number(c), Number(m[4]), m[5]!, listed);
    } else if (m[7] !== undefined) {
      const mt = Number(m[7]);
      const c = m[8]!;
      const rel = m[11]!;
      cur = rel === "" ? base : join(base, rel);
      listed = true;
      kept = keep === undefined || keep(cur);
      ok = !kept || visit.dir(cur, mt, c === "=" ? mt : Number(c), Number(m[9]), m[10]!);
      if (ok && kept && visit.skipBelow?.(cur) === true) {
        const end = skipBelow(body, entry.lastIndex, rel === "" ? undefined : rel + path.sep);
        entry.lastIndex = end.next;
        if (end.mtime !== undefined) mtime = end.mtime;
      }
    } else if (m[12] !== undefined) {
      base = cur = m[12];
      listed = false;
      kept = keep === undefined || keep(cur);
      ok = true;
    } else {
      const abs = m[13]!;
      ok = (keep !== undefined && !keep(abs)) || visit.absent(abs);
    }
    if (!ok) return false;
  }
  return true;
}

/**
 * Where the entries below a folder end, from `from` (the line after the folder's D line): its files and every D
 * line whose path lies below it (`prefix`, its path relative to the base with a separator; undefined for the base
 * itself), each read only as far as its kind and its mtime (F) or path (D). A line without those tabs ends the
 * skip, so the walk meets it and fails. `mtime`: the last explicit file mtime passed over, which a later file's
 * "=" refers to.
 */
function skipBelow(body: string, from: number, prefix: string | undefined): { next: number; mtime?: number } {
  let at = from;
  let lastMtime = -1;
  while (at < body.length) {
    const kind = body.charCodeAt(at);
    // F \t size \t mtime \t …; D \t mtime \t ctime \t ino \t names \t path: read up to the tab before the mtime
    // (F) or the path (D), each within the line.
    const tabs = kind === 70 /* F */ ? 2 : kind === 68 /* D */ ? 5 : 0;
    if (tabs === 0 || body.charCodeAt(at + 1) !== 9) break;
    let end = body.indexOf("\n", at);
    if (end < 0) end = body.length;
    let tab = at + 1;
    for (let k = 1; k < tabs && tab >= 0 && tab < end; k++) tab = body.indexOf("\t", tab + 1);
    if (tab < 0 || tab >= end) break;
    if (kind === 70) {
      if (!(body.charCodeAt(tab + 1) === 61 /* = */ && body.charCodeAt(tab + 2) === 9)) lastMtime = tab + 1;
    } else if (prefix !== undefined && !body.startsWith(prefix, tab + 1)) break;
    at = end + 1;
  }
  return lastMtime < 0 ? { next: at } : { next: at, mtime: Number(body.slice(lastMtime, body.indexOf("\t", lastMtime))) };
}

/**
 * Walks every entry a stored snapshot stands for: its delta's first, then (after `visit.base`) the base's under the
 * folders the delta keeps (snapshot-delta.ts). Without a delta, the base's entries.
 */
export function walkStored(stored: StoredSnapshot<unknown>, visit: EntryVisitor & { base?(): void }): boolean {
  const delta = stored.delta;
  if (delta === undefined) return walkSnapshot(stored.body, visit);
  if (!walkSnapshot(delta.body, visit)) return false;
  visit.base?.();
  return walkSnapshot(stored.body, visit, keptUnder(delta.kept));
}

/**
 * Whether a path is one of `kept` or lies inside one (memoised by path: ancestors are asked once). A walk asks in
 * order, so a path inside the kept folder met last is answered by its prefix alone.
 */
export function keptUnder(kept: ReadonlySet<string>): (p: string) => boolean {
  const memo = new Map<string, boolean>();
  let last = "";
  const under = (p: string): boolean => {
    // Asked first: most folders a walk meets lie inside the kept folder met last (a set lookup hashes the whole path).
    if (last !== "" && p.charCodeAt(last.length) === SEP && p.startsWith(last)) return true;
    if (kept.has(p)) {
      last = p;
      return true;
    }
    const known = memo.get(p);
    if (known !== undefined) return known;
    const up = parentOf(p);
    const answer = up !== p && under(up);
    memo.set(p, answer);
    return answer;
  };
  return under;
}

/** Every entry as records (for the file hasher's memo and for a refresh). */
export function snapshotRecords<R>(stored: StoredSnapshot<R>): Snapshot<R> | undefined {
  const files: FileRecord[] = [];
  const dirs: DirRecord[] = [];
  const absent: string[] = [];
  const ok = walkStored(stored, {
    dir: (abs, m, c, ino, names) => dirs.push([abs, m, c, ino, names]) > 0,
    file: (abs, size, m, c, ino, hash) => files.push([abs, size, m, c, ino, b64ToHex(hash)]) > 0,
    absent: (abs) => absent.push(abs) > 0,
  });
  return ok ? { startedAt: stored.startedAt, files, dirs, absent, result: stored.result } : undefined;
}
