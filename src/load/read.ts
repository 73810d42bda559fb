import path from "node:path";
import { inputError } from "../errors.js";
import type { JsonValue } from "../ir/json.js";
import { parseJson, type ParsedText } from "./json-parser.js";
import { readInputBytes } from "./read-source.js";
import type { LineColumn } from "./positions.js";
import { parseYaml } from "./yaml-parser.js";

/** A parsed schema file. `value` is plain JSON data and must be treated as immutable: it may be cached and shared. */
export interface ParsedDocument {
  readonly value: JsonValue;
  /** Line and column of the node at a JSON pointer (of the key, for an object member); undefined if there is none. */
  locate(pointer: string): LineColumn | undefined;
}

/** File name endings the loader reads; anything else is refused rather than guessed. */
export const SCHEMA_EXTENSIONS: readonly string[] = [".json", ".yaml", ".yml"];

/** Reads and parses one JSON or YAML file. Every problem is an `InputError` naming `displayFile`. */
export function readDocument(absFile: string, displayFile: string): ParsedDocument {
  const file = displayFile;
  const ext = path.extname(absFile).toLowerCase();
  if (!SCHEMA_EXTENSIONS.includes(ext)) {
    throw inputError("input.file-type", { file }, `unsupported file type "${ext}" (expected .json, .yaml or .yml)`);
  }
  const bytes = readInputBytes(absFile, file);
  let text: string;
  try {
    // Fatal decoding: a stray Latin-1 byte would otherwise become U+FFFD inside a name or pattern. Strips a BOM.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw inputError("input.encoding", { file }, "file is not valid UTF-8");
  }
  const parsed: ParsedText = ext === ".json" ? parseJson(text, file) : parseYaml(text, file);
  return {
    value: parsed.value,
    locate(pointer) {
      const offset = parsed.positions.offsetOf(parsed.value, pointer);
      return offset === undefined ? undefined : parsed.lines.at(offset);
    },
  };
}

