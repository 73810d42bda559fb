/**
 * The lock file of published versions, `<schemasDir>/published.lock.json`: committed beside the schemas like a
 * package lock, read by `check` (no git needed) and written only by `llm-contracts publish`.
 *
 *     { "lockfileVersion": 1, "published": { "<contract>": { "v<N>": { "sha256": "…", "parts": { "/pointer": "…" } } } } }
 *
 * Written deterministically (contracts by name, versions by number, parts by pointer, two-space indent, LF, a
 * trailing newline) and atomically (a temporary file renamed over the old one).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import { inputError } from "../errors.js";
import { isJsonObject, pointerAppend, type JsonValue } from "../ir/json.js";
import { readDocument } from "../load/read.js";
import type { Fingerprint } from "./fingerprint.js";

export const LOCK_FILE = "published.lock.json";
const LOCK_VERSION = 1;
const VERSION_KEY = /^v([1-9][0-9]*)$/;
const HEX = /^[0-9a-f]+$/;

/** contract → version number → fingerprint. */
export type PublishedLock = ReadonlyMap<string, ReadonlyMap<number, Fingerprint>>;

export function lockPath(project: Project): { abs: string; display: string } {
  const abs = path.join(project.schemasDir, LOCK_FILE);
  return { abs, display: displayPath(project.rootDir, abs) };
}

/** The lock, empty when there is no lock file. A malformed lock is an input error naming its pointer (exit 2). */
export function readLock(project: Project): PublishedLock {
  const { abs, display } = lockPath(project);
  if (!existsSync(abs)) return new Map();
  const doc = readDocument(abs, display);
  const fail = (pointer: string, message: string): never => {
    const at = doc.locate(pointer);
    throw inputError("publish.lock-invalid", { file: display, pointer, ...(at !== undefined ? { line: at.line, column: at.column } : {}) }, `${message}; restore the file from version control or run \`llm-contracts publish\` to write it again`);
  };
  const root = doc.value;
  if (!isJsonObject(root)) return fail("", "the lock must be a JSON object");
  if (root["lockfileVersion"] !== LOCK_VERSION) return fail("/lockfileVersion", `lockfileVersion must be ${LOCK_VERSION}`);
  const published = root["published"];
  if (!isJsonObject(published)) return fail("/published", "published must be an object of contracts");
  const lock = new Map<string, Map<number, Fingerprint>>();
  for (const [contract, versions] of Object.entries(published)) {
    const at = pointerAppend("/published", contract);
    if (!isJsonObject(versions)) return fail(at, "each contract must map v<N> to a fingerprint");
    const byVersion = new Map<number, Fingerprint>();
    for (const [key, entry] of Object.entries(versions)) {
      const entryAt = pointerAppend(at, key);
      const match = VERSION_KEY.exec(key);
      if (match === null) return fail(entryAt, `version keys are v<N> (got ${JSON.stringify(key)})`);
      byVersion.set(Number(match[1]), fingerprintAt(entry as JsonValue, entryAt, fail));
    }
    lock.set(contract, byVersion);
  }
  return lock;
}

function fingerprintAt(entry: JsonValue, at: string, fail: (pointer: string, message: string) => never): Fingerprint {
  if (!isJsonObject(entry)) return fail(at, "a fingerprint is an object with sha256 and parts");
  const sha256 = entry["sha256"];
  if (typeof sha256 !== "string" || sha256.length !== 64 || !HEX.test(sha256)) return fail(`${at}/sha256`, "sha256 must be 64 lowercase hex digits");
  const parts = entry["parts"] ?? {};
  if (!isJsonObject(parts)) return fail(`${at}/parts`, "parts must be an object of pointer → hash");
  for (const [pointer, hash] of Object.entries(parts)) {
    if (typeof hash !== "string" || !HEX.test(hash)) return fail(pointerAppend(`${at}/parts`, pointer), "each part hash must be lowercase hex digits");
  }
  return { sha256, parts: parts as Record<string, string> };
}

/** The lock's text: the same lock always gives the same bytes. */
export function lockText(lock: PublishedLock): string {
  const published: Record<string, Record<string, Fingerprint>> = {};
  for (const contract of [...lock.keys()].sort()) {
    const versions: Record<string, Fingerprint> = {};
    for (const v of [...lock.get(contract)!.keys()].sort((a, b) => a - b)) {
      const f = lock.get(contract)!.get(v)!;
      const parts = Object.fromEntries(Object.keys(f.parts).sort().map((k) => [k, f.parts[k]!]));
      versions[`v${v}`] = { sha256: f.sha256, parts };
    }
    published[contract] = versions;
  }
  return `${JSON.stringify({ lockfileVersion: LOCK_VERSION, published }, null, 2)}\n`;
}

export function writeLock(project: Project, lock: PublishedLock): void {
  const { abs } = lockPath(project);
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, lockText(lock), "utf8");
    renameSync(tmp, abs);
  } finally {
    rmSync(tmp, { force: true });
  }
}
