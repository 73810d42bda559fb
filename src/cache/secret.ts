/**
 * The key that authenticates cache entries and snapshots (trust model: docs/architecture.md, "Cache trust").
 *
 * Why a key kept outside the project: an unkeyed hash only detects damage. Whoever can write the cache folder (a
 * restored CI cache, a shared runner, a checked-in `node_modules/.cache`) can recompute it, re-sign a snapshot
 * so `check` replays "passed", or plant a validator the next `build` writes into `generated/`. An HMAC with a
 * per-user key they cannot read makes such an entry a miss. The key is created on first use with mode 0600 in
 * `$XDG_CACHE_HOME/llm-contracts-key/` (default `~/.cache/llm-contracts-key/`); `LLM_CONTRACTS_CACHE_KEY`
 * names another file (tests, CI runners that keep a key of their own).
 *
 * When no key can be had (no home folder, read-only, a key file owned by someone else or writable by others),
 * the cache is off for the run: it costs speed, never correctness.
 */
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, constants, linkSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { fstatSync, rmSync } from "../contain/stat.js";
import os from "node:os";
import path from "node:path";

export const CACHE_KEY_ENV = "LLM_CONTRACTS_CACHE_KEY";

/** Where the key lives: the env override, else the user's cache home. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[CACHE_KEY_ENV];
  if (override !== undefined && override !== "") return path.resolve(override);
  const xdg = env["XDG_CACHE_HOME"];
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : homeCache();
  return base === undefined ? undefined : path.join(base, "llm-contracts-key", "cache.key");
}

function homeCache(): string | undefined {
  try {
    const home = os.homedir();
    return home === "" ? undefined : path.join(home, ".cache");
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, Buffer | null>();

/** The key (32 random bytes), created on first use; undefined when it cannot be read or created safely. */
export function cacheKey(file: string | undefined = cacheKeyFile()): Buffer | undefined {
  if (file === undefined) return undefined;
  const known = loaded.get(file);
  if (known !== undefined) return known ?? undefined;
  let key: Buffer | null = null;
  try {
    key = readKey(file) ?? createKey(file);
  } catch {
    key = null;
  }
  loaded.set(file, key);
  return key ?? undefined;
}

const KEY_TEXT = /^[0-9a-f]{64}\n?$/;

function readKey(file: string): Buffer | null | undefined {
  let fd: number;
  try {
    // Without waiting: a named pipe put where the key belongs opens at once, and is refused below (not a file).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return null;
  }
  try {
    const st = fstatSync(fd);
    const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
    // Someone else's key, or one others may rewrite, authenticates nothing.
    if (!st.isFile() || st.size > 128 || (uid !== undefined && st.uid !== uid) || (process.platform !== "win32" && (st.mode & 0o022) !== 0)) return null;
    const text = readFileSync(fd, "utf8");
    return KEY_TEXT.test(text) ? Buffer.from(text.slice(0, 64), "hex") : null;
  } finally {
    closeSync(fd);
  }
}

/** Writes a fresh key beside its place and links it in: two first runs at once agree on one key. */
function createKey(file: string): Buffer | null {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  return readKey(file) ?? null;
}

/** HMAC-SHA256 of length-prefixed parts (so ("ab", "c") and ("a", "bc") never sign alike), hex. */
export function mac(key: Buffer, ...parts: readonly string[]): string {
  const h = createHmac("sha256", key);
  for (const p of parts) {
    h.update(`${p.length}:`);
    h.update(p, "utf8");
  }
  return h.digest("hex");
}

/**
 * `mac(key, ...parts, tail)` for a `tail` that is ASCII text, given as its bytes as read from a file. Why: a snapshot
 * is checked on every run, and at 1,000 contracts decoding its ~2.2 MB as UTF-8 and encoding it back for the HMAC
 * cost about three times hashing the bytes as read. For ASCII text, bytes and UTF-16 units are one to one, so the
 * length prefix and the hashed bytes are exactly those `mac` would use.
 */
export function macAsciiTail(key: Buffer, parts: readonly string[], tail: Uint8Array): string {
  const h = createHmac("sha256", key);
  for (const p of parts) {
    h.update(`${p.length}:`);
    h.update(p, "utf8");
  }
  h.update(`${tail.length}:`);
  h.update(tail);
  return h.digest("hex");
}
