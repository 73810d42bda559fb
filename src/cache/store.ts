/**
 * The build cache: a folder of content-addressed entries, one file per key. Safe to delete at any time (every entry
 * is recomputed on a miss), and meant to be kept by a CI cache or Nx/Turborepo between runs.
 *
 * Why a keyed integrity inside each entry: the folder is shared, restored from CI archives and may be truncated
 * by a full disk or a killed process, or rewritten by whoever can write it. An entry whose format, key or HMAC (with
 * the per-user key of secret.ts, which never lives in the cache folder) does not match is ignored (a miss), never
 * trusted, so a cache can make a run faster but never change its result.
 */
import { createHash } from "node:crypto";
import { isAscii } from "node:buffer";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { lstatSync, rmSync } from "../contain/stat.js";
import path from "node:path";
import { cacheKey, mac } from "./secret.js";
import { isOwnFolder, readBounded } from "./read-bounded.js";

/** Format 2: the integrity is an HMAC with the per-user key (secret.ts); entries of format 1 are never trusted. */
const FORMAT = "llm-contracts-cache/2";

export { defaultCacheDir } from "../config/config.js";

export function sha256(...parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    // Length-prefixed so that ("ab", "c") and ("a", "bc") never hash alike.
    h.update(`${p.length}:`);
    h.update(p, "utf8");
  }
  return h.digest("hex");
}

export class CacheStore {
  constructor(
    readonly dir: string,
    /** Hash of everything that can change an output besides the inputs: tool version and code, dependencies, node major. */
    readonly toolId: string,
  ) {}

  /** Key of an entry: its namespace and the hashes of its inputs, always bound to this tool. */
  key(namespace: string, ...parts: readonly string[]): string {
    return `${namespace}-${sha256(this.toolId, namespace, ...parts)}`;
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, key.indexOf("-")), `${key.slice(key.indexOf("-") + 1)}.json`);
  }

  get<T>(key: string): T | undefined {
    return readEntry<T>(this.file(key), key);
  }

  set(key: string, payload: unknown): void {
    writeEntry(this.file(key), key, payload);
  }
}

/** Reads an entry; undefined when absent, unreadable (read-bounded.ts), of another format, for another key, or corrupted. */
export function readEntry<T>(file: string, key: string): T | undefined {
  const text = readBounded(file)?.toString("utf8");
  if (text === undefined) return undefined;
  // The integrity covers the payload text exactly as written: `{"format":..,"key":..,"integrity":..,"payload":<text>}`.
  const head = `{"format":${JSON.stringify(FORMAT)},"key":${JSON.stringify(key)},"integrity":"`;
  if (!text.startsWith(head)) return undefined;
  const integrity = text.slice(head.length, head.length + 64);
  const rest = text.slice(head.length + 64);
  if (!rest.startsWith('","payload":') || !rest.endsWith("}")) return undefined;
  const payload = rest.slice('","payload":'.length, -1);
  const secret = cacheKey();
  if (secret === undefined || mac(secret, key, payload) !== integrity) return undefined;
  try {
    return JSON.parse(payload) as T;
  } catch {
    return undefined;
  }
}

/** Writes an entry atomically: temp file in the same folder, then rename. A failure to write is not an error. */
export function writeEntry(file: string, key: string, payload: unknown): void {
  const secret = cacheKey();
  if (secret === undefined) return;
  const body = JSON.stringify(payload);
  writeText(file, `{"format":${JSON.stringify(FORMAT)},"key":${JSON.stringify(key)},"integrity":"${mac(secret, key, body)}","payload":${body}}`);
}

/** A file's text, with its bytes when it is all ASCII (then byte i is character i); undefined when unreadable. */
export interface ReadText {
  readonly text: string;
  readonly ascii?: Buffer;
}

/**
 * Reads a file as UTF-8 text. Why the ASCII test first: a snapshot (~2.2 MB at 1,000 contracts) is read on every
 * run, and for ASCII bytes the Latin-1 decoder gives the very string the UTF-8 decoder would, several times faster.
 */
export function readTextFile(file: string): ReadText | undefined {
  const bytes = readBounded(file);
  if (bytes === undefined) return undefined;
  return isAscii(bytes) ? { text: bytes.toString("latin1"), ascii: bytes } : { text: bytes.toString("utf8") };
}

/**
 * Replaces `file` atomically with `text` (removes it when text is undefined); never fails the run. Nothing is
 * written or removed in a folder that is a link (read-bounded.ts `isOwnFolder`): through it, the write would land
 * outside the cache, and the project.
 */
export function writeText(file: string, text: string | undefined): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const dir = path.dirname(file);
  try {
    if (text === undefined) {
      if (isOwnFolder(dir)) rmSync(file, { force: true });
      return;
    }
    // A cold run writes thousands of entries into a few namespace folders: one mkdir per folder, not per entry.
    if (!madeFolders.has(dir)) mkdirSync(dir, { recursive: true });
    if (!isOwnFolder(dir)) return;
    try {
      writeFileSync(tmp, text, "utf8");
    } catch {
      // The folder was removed since (a cleared cache): made again, once, and asked again what it is.
      mkdirSync(dir, { recursive: true });
      if (!lstatSync(dir).isDirectory()) return;
      writeFileSync(tmp, text, "utf8");
    }
    madeFolders.add(dir);
    renameSync(tmp, file);
  } catch {
    // A read-only or full cache folder only costs speed.
    rmSync(tmp, { force: true });
  }
}

/** The folders this process made (or found) for entries. */
const madeFolders = new Set<string>();
