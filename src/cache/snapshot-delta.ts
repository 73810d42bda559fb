/**
 * The delta snapshot: a run that redid a few contracts writes only what differs from the big signed snapshot (the
 * base) beside it, so the write costs what the change costs instead of re-encoding, re-signing and rewriting
 * ~28k entries at 1,000 contracts.
 *
 *     llm-contracts-delta/1 \t <key> \t <HMAC of key and body with the per-user key (secret.ts)>
 *     P \t <the base's integrity code>              the one base this delta is read over
 *     S \t <startedAt>                              this run's, as in the base format
 *     R \t <result as JSON, one line>               this run's
 *     K \t <absolute folder>                        parent of the kept folders that follow
 *     k \t <name>                                   a kept folder: the base's entries at or under it still hold
 *     B, D, F, A lines as in the base format        every other entry of this run's snapshot
 *
 * The snapshot a delta stands for is its own entries plus the base's entries at or under a kept folder; nothing
 * else of the base. Why that equals the snapshot a full write would hold: a folder is kept only when every record
 * at or under it, the folder's own included, came from the base and was proved unchanged by stat alone in this run
 * (src/incremental/changes.ts), so a full write would hold those very records; no entry of the delta may lie at or
 * under a kept folder (then the delta is not written). The entries are proved at or after the delta's `startedAt`
 * (this run's start; a focused run's records taken over unproved keep the previous start, src/cache/session.ts),
 * so it applies to the base's kept entries too, as it does to records a full write takes over.
 *
 * A delta whose base code is not the base's (a base rewritten since, a crash between writing a new base and
 * removing the old delta), or whose integrity does not verify, is ignored: the base alone is then the snapshot,
 * itself a complete, signed record of an earlier run, so the next run at worst redoes work.
 */
import path from "node:path";
import type { FileRecord } from "./files.js";
import { bodyMac, entryLines, joinLines, keptUnder, nameOf, parentOf, type DirRecord, type Snapshot } from "./snapshot-format.js";
import { cacheKey, mac } from "./secret.js";

const FORMAT = "llm-contracts-delta/1";
/** The integrity domain: a delta's code can never stand for a base's, nor the other way round. */
const DOMAIN = "delta";

/**
 * A folder whose records takeSnapshot took over from the base, as index ranges of its `dirs` and `files` (empty:
 * the records stay in the base, at that place of the lists). `self` is the folder's own record there, `records`
 * reads the others back from the base (snapshot-subtrees.ts) when a whole base is written instead of a delta.
 */
export interface KeptSpan {
  readonly root: string;
  /** The folder whose listing met `root` (its parent), when the walk knows it: spares a parentOf per kept folder. */
  readonly parent?: string;
  readonly dirs: readonly [number, number];
  readonly files: readonly [number, number];
  readonly self: DirRecord;
  readonly records: (root: string) => { readonly dirs: readonly DirRecord[]; readonly files: readonly FileRecord[] } | undefined;
}

export interface Delta<R> {
  readonly startedAt: number;
  readonly result: R;
  readonly body: string;
  readonly kept: ReadonlySet<string>;
}

/** Where the delta of the base `file` is kept. */
export function deltaFile(file: string): string {
  return `${file.slice(0, -4)}.delta`;
}

/** `list` without the index ranges `spans` pick. */
function without<T>(list: readonly T[], spans: readonly KeptSpan[], pick: (span: KeptSpan) => readonly [number, number]): readonly T[] {
  const ranges = spans.map(pick).sort((a, b) => a[0] - b[0]);
  const out: T[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    for (; at < from; at++) out.push(list[at]!);
    at = Math.max(at, to);
  }
  for (; at < list.length; at++) out.push(list[at]!);
  return out;
}

/**
 * The delta's text over the base signed `baseMac`, or undefined when it cannot stand for `snap`: an entry it would
 * hold lies under a kept folder, kept folders nest or repeat, or a path cannot be written in the line format.
 * Kept folders are written in the order of `spans` (a walk's: siblings one after the other), one K line each time
 * the parent changes; a reader gathers them into a set, so the order is only this writer's.
 */
export function encodeDelta<R>(key: string, baseMac: string, snap: Snapshot<R>, spans: readonly KeptSpan[]): string | undefined {
  // Every range empty (takeSnapshot leaves a kept folder's records in the base): the lists as they are, without
  // copying them or sorting ~2,000 spans.
  let empty = true;
  for (const s of spans) if (s.dirs[0] !== s.dirs[1] || s.files[0] !== s.files[1]) empty = false;
  const dirs = empty ? snap.dirs : without(snap.dirs, spans, (s) => s.dirs);
  const files = empty ? snap.files : without(snap.files, spans, (s) => s.files);
  const lines = [`P\t${baseMac}`, `S\t${snap.startedAt}`, `R\t${JSON.stringify(snap.result)}`];
  const kept = new Set<string>();
  // The parents met, each once per run of siblings: whether one lies at or under a kept folder is asked once each.
  const parents: string[] = [];
  let parent: string | undefined;
  for (const span of spans) {
    const root = span.root;
    if (kept.has(root)) return undefined;
    kept.add(root);
    const up = span.parent ?? parentOf(root);
    if (up !== parent) {
      lines.push(`K\t${(parent = up)}`);
      if (up !== root) parents.push(up);
    }
    lines.push(`k\t${nameOf(root)}`);
  }
  const under = keptUnder(kept);
  if (parents.some((p) => under(p))) return undefined;
  if (dirs.some((d) => under(d[0])) || files.some((f) => under(parentOf(f[0]))) || snap.absent.some((a) => under(a))) return undefined;
  entryLines({ dirs, files, absent: snap.absent }, lines);
  const body = joinLines(lines);
  const secret = cacheKey();
  if (secret === undefined || body === undefined) return undefined;
  return `${FORMAT}\t${key}\t${mac(secret, DOMAIN, key, body)}\n${body}`;
}

/**
 * undefined unless `text` is a delta of this key, signed with our key, over the base signed `baseMac`. `ascii`:
 * the file's bytes when they are all ASCII (see decodeSnapshot).
 */
export function decodeDelta<R>(key: string, baseMac: string, text: string, ascii?: Uint8Array): Delta<R> | undefined {
  const head = `${FORMAT}\t${key}\t`;
  if (!text.startsWith(head) || text.charCodeAt(head.length + 64) !== 10) return undefined;
  const body = text.slice(head.length + 65);
  const secret = cacheKey();
  if (secret === undefined || bodyMac(secret, [DOMAIN, key], body, head.length + 65, ascii) !== text.slice(head.length, head.length + 64)) return undefined;
  const lines = { at: 0 };
  const next = (tag: string): string | undefined => {
    if (!body.startsWith(`${tag}\t`, lines.at)) return undefined;
    const end = body.indexOf("\n", lines.at);
    const value = body.slice(lines.at + tag.length + 1, end < 0 ? body.length : end);
    lines.at = end < 0 ? body.length : end + 1;
    return value;
  };
  if (next("P") !== baseMac) return undefined;
  const started = Number(next("S"));
  const resultText = next("R");
  if (!Number.isFinite(started) || resultText === undefined) return undefined;
  const kept = new Set<string>();
  for (;;) {
    const parent = next("K");
    if (parent === undefined) break;
    for (let name = next("k"); name !== undefined; name = next("k")) kept.add(parent.endsWith(path.sep) ? parent + name : parent + path.sep + name);
  }
  try {
    return { startedAt: started, result: JSON.parse(resultText) as R, body: body.slice(lines.at), kept };
  } catch {
    return undefined;
  }
}
