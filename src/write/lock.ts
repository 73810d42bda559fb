/**
 * One run at a time per output folder, and the leftovers of dead runs cleared by the next one.
 *
 * Why a lock: two builds swapping the same folder rename into each other's staging and backup (`ENOTEMPTY …
 * rename`), and a run killed while staging leaves `.<out>.llm-contracts-new-<pid>` that no later run knew to
 * remove. The lock is a file `.<out>.llm-contracts-lock` beside the folder, created exclusively, holding the
 * owner's pid and host. A second run waits for it (polling, bounded); a lock whose owner is dead on this host is
 * taken over. Holding the lock, a run may remove every staging and temp file of the folder: no one else writes.
 *
 * Taking over a stale lock: the stale file is renamed to a name of our own first (atomic; only one of two runs
 * racing for it succeeds), its content checked again, and then removed; both runs then race on the exclusive
 * create as usual.
 */
import { closeSync, existsSync, openSync, readdirSync, renameSync, writeSync } from "node:fs";
import { rmSync, statSync } from "../contain/stat.js";
import { readRegular, type RegularRead } from "../contain/read-regular.js";
import os from "node:os";
import path from "node:path";
import { inputError } from "../errors.js";
import { environmentError } from "../fault/environment.js";
import { STREAM_INFIX } from "./stream.js";

export interface OutputLock {
  readonly file: string;
  release(): void;
}

/** How long a run waits for another run on the same folder before giving up (ms); tests shorten it. */
export const LOCK_WAIT_MS = Number(process.env["LLM_CONTRACTS_LOCK_WAIT_MS"] ?? 120_000);
const POLL_MS = 25;

export function lockFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.llm-contracts-lock`);
}

/** Acquires the lock of `outDir` (waiting while a live run holds it); `display` names the folder in messages. */
export function lockOutput(outDir: string, display: string, waitMs: number = LOCK_WAIT_MS): OutputLock {
  const file = lockFile(outDir);
  const me = `${process.pid} ${os.hostname()}\n`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(file, me, display)) return { file, release: () => releaseLock(file, me) };
    const owner = readOwner(file, display);
    if (owner !== undefined && !owner.alive) takeOver(file, owner.text);
    else if (Date.now() >= deadline) {
      throw inputError("generated.locked", { file: display }, `another llm-contracts run (${owner?.text.trim() ?? "unknown"}) is writing this folder; try again when it has finished`);
    } else sleep(POLL_MS);
  }
}

function tryCreate(file: string, text: string, display: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw environmentError(error, display);
  }
  try {
    writeSync(fd, text);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw environmentError(error, display);
  }
  closeSync(fd);
  return true;
}

/**
 * The lock's owner; a torn or foreign-host lock counts as alive (never taken from a run we cannot see). Something
 * there that no run makes (a folder, a named pipe: reading one would wait forever, a link) is refused at once; a
 * lock that cannot be read otherwise (released in between, or not readable by us) is waited for as before.
 */
function readOwner(file: string, display: string): { text: string; alive: boolean } | undefined {
  const read = readLock(file);
  if (!read.ok) {
    if (read.why === "absent" || (read.why === "unreadable" && read.code !== "ELOOP")) return undefined;
    const lock = path.posix.join(path.posix.dirname(display), path.basename(file));
    throw inputError("generated.locked", { file: lock }, "this is not a lock file llm-contracts wrote (not a regular file, or too large): remove it");
  }
  const text = read.bytes.toString("utf8");
  const m = /^([0-9]+) (.*)\n$/.exec(text);
  if (m === null) return { text, alive: !olderThan(file, 10_000) };
  if (m[2] !== os.hostname()) return { text, alive: true };
  return { text, alive: pidAlive(Number(m[1])) };
}

/** A lock torn by a kill between create and write is empty: stale once it is old enough not to be in the making. */
function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeOver(file: string, staleText: string): void {
  const mine = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, mine);
  } catch {
    return; // another run took it first
  }
  // Gone, or not a lock since: nothing to put back.
  const read = readLock(mine);
  const moved = read.ok ? read.bytes.toString("utf8") : "";
  // Between reading it and renaming it, the stale lock may have been replaced by a live run's: put that one back.
  if (moved !== staleText && moved !== "") {
    try {
      renameSync(mine, file);
    } catch {
      // cannot happen short of the folder going away; the live run finds its lock missing only at release
    }
    return;
  }
  rmSync(mine, { force: true });
}

/** A lock file's bytes: a pid and a host name, far below the limit. */
function readLock(file: string): RegularRead {
  return readRegular(file, { limit: 4096, noFollow: true });
}

function releaseLock(file: string, me: string): void {
  try {
    const read = readLock(file);
    if (read.ok && read.bytes.toString("utf8") === me) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/**
 * Removes what dead runs left beside the output folder: staging folders (`.<out>.llm-contracts-new-<pid>`),
 * manifest temp files and taken-over locks. Only call while holding the lock, after an interrupted swap has been
 * finished (its manifest may name a staging folder still needed).
 */
export function clearLeftovers(outDir: string): string[] {
  const parent = path.dirname(outDir);
  const removed = leftovers(outDir);
  for (const name of removed) rmSync(path.join(parent, name), { recursive: true, force: true });
  return removed;
}

/**
 * The names of dead runs' leftovers beside the output folder (one listing of its parent). A build the cache
 * would replay as a no-op runs instead when there are any, so they never outlive the next build.
 */
export function leftovers(outDir: string): string[] {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const prefixes = [`.${base}.llm-contracts-new-`, `.${base}.llm-contracts-carry.`, `.${base}.llm-contracts-lock.`];
  // A stream folder (stream.ts) is written before its run takes the lock: it is a leftover only once its run is dead.
  const streamed = `.${base}${STREAM_INFIX}`;
  const deadStream = (name: string): boolean => name.startsWith(streamed) && /^[0-9]+$/.test(name.slice(streamed.length)) && !pidAlive(Number(name.slice(streamed.length)));
  if (!existsSync(parent)) return [];
  return readdirSync(parent).filter((name) => prefixes.some((p) => name.startsWith(p)) || deadStream(name));
}

/** Takes the lock and removes dead runs' leftovers: for a build the cache proved a no-op (nothing else to write). */
export function clearDeadRuns(outDir: string, display: string): void {
  const lock = lockOutput(outDir, display);
  try {
    clearLeftovers(outDir);
  } finally {
    lock.release();
  }
}
