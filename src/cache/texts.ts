/**
 * Texts kept once in the cache folder by their content address, for a text that many entries would otherwise each
 * repeat: the project files every version's compile plans (`_standard.ts`, `_json-schema.ts`: about 9 KB in each of
 * a cold run's 2,000 version outcomes at 1,000 contracts, #25). An entry holds the address; the text is a file
 * `text/<sha256>.txt` beside the entries.
 *
 * Why no HMAC here: the address is the SHA-256 of the text's UTF-8 bytes and sits in an entry whose integrity is
 * checked (store.ts), and a read hashes the bytes it got and takes them only when they give that address. So a
 * missing, truncated, swapped or rewritten text is a miss, whoever wrote the folder.
 *
 * A text with a lone surrogate has no UTF-8 form that reads back as itself: it is not stored by address (the
 * caller keeps it in its entry), so every text read back is exactly the text stored.
 */
import { createHash } from "node:crypto";
import { isAscii } from "node:buffer";
import path from "node:path";
import { TextMemo } from "../memo/text-memo.js";
import { writeText } from "./store.js";
import { readBounded } from "./read-bounded.js";

/** The folder of the texts, under the cache folder (beside the namespaces' folders of the entries). */
export const TEXTS_FOLDER = "text";

const ADDRESS = /^[0-9a-f]{64}$/;
/** Matches a lone surrogate only: with the `u` flag a well-formed pair is one code point, not two `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Characters of text the memo keeps per cache folder (the shared project files are about 9 K). */
const MEMO_CHARS = 4_000_000;

/** Texts this process wrote, or read and verified, by cache folder and address: each written once per run. */
const known = new Map<string, TextMemo>();

function fileOf(dir: string, address: string): string {
  return path.join(dir, TEXTS_FOLDER, `${address}.txt`);
}

function memo(dir: string): TextMemo {
  let m = known.get(dir);
  if (m === undefined) known.set(dir, (m = new TextMemo(MEMO_CHARS)));
  return m;
}

/** Stores `text` under its address and returns the address; undefined when it cannot be stored by address. */
export function putText(dir: string, text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return undefined;
  const address = createHash("sha256").update(text, "utf8").digest("hex");
  const m = memo(dir);
  if (m.get(address) === text) return address;
  writeText(fileOf(dir, address), text);
  m.set(address, text);
  return address;
}

/** The text stored under `address`; undefined when absent, unreadable or not the text of that address. */
export function getText(dir: string, address: unknown): string | undefined {
  if (typeof address !== "string" || !ADDRESS.test(address)) return undefined;
  const m = memo(dir);
  const seen = m.get(address);
  if (seen !== undefined) return seen;
  const bytes = readBounded(fileOf(dir, address));
  if (bytes === undefined) return undefined;
  if (createHash("sha256").update(bytes).digest("hex") !== address) return undefined;
  const text = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  m.set(address, text);
  return text;
}
