import { inputError, type InputError } from "../errors.js";
import { isExactLiteral, recordLiteral, standIn } from "../ir/exact.js";
import { pointerAppend, type JsonObject, type JsonValue } from "../ir/json.js";
import { MAX_DEPTH } from "./limits.js";
import { LineIndex, PositionMap } from "./positions.js";

/** A parsed file: its value plus what is needed to point back into the text. */
export interface ParsedText {
  readonly value: JsonValue;
  readonly positions: PositionMap;
  readonly lines: LineIndex;
}

/** Shared by the JSON and YAML readers so both refuse the same things with the same words. */
export function protoKeyError(file: string, pointer: string, at: { line: number; column: number }): InputError {
  return inputError(
    "schema.proto-key",
    { file, pointer, ...at },
    'object key "__proto__" is not allowed: validators cannot check a property with this name correctly',
  );
}

export function tooDeepError(file: string, pointer: string, at: { line: number; column: number }): InputError {
  return inputError("input.too-deep", { file, pointer, ...at }, `nesting is deeper than ${MAX_DEPTH} levels`);
}

/**
 * Parses JSON text (RFC 8259) without recursion, so that nesting is bounded by MAX_DEPTH instead of the stack.
 *
 * Hand-written rather than `JSON.parse` because JSON.parse silently keeps the last of duplicate keys, knows nothing
 * of depth limits, and gives no positions for nodes; those positions serve every later diagnostic.
 */
export function parseJson(text: string, file: string): ParsedText {
  return new JsonParser(text, file).parse();
}

interface Frame {
  readonly container: JsonObject | JsonValue[];
  /** Key (or index, as a string) of the member being parsed. */
  key: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const SIMPLE_ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

class JsonParser {
  private readonly lines: LineIndex;
  private readonly stack: Frame[] = [];
  private positions: PositionMap | undefined;
  private i: number;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.lines = new LineIndex(text);
    this.i = 0;
  }

  parse(): ParsedText {
    const { text, stack } = this;
    this.skipWhitespace();
    const positions = (this.positions = new PositionMap(this.i));
    for (;;) {
      let value: JsonValue;
      const c = text[this.i];
      if (c === "{" || c === "[") {
        if (stack.length >= MAX_DEPTH) throw tooDeepError(this.file, this.pointer(), this.lines.at(this.i));
        const frame: Frame = { container: c === "{" ? {} : [], key: "" };
        this.i++;
        this.skipWhitespace();
        if (text[this.i] !== (c === "{" ? "}" : "]")) {
          stack.push(frame);
          this.beginMember(frame);
          continue;
        }
        this.i++;
        value = frame.container;
      } else {
        value = this.scalar();
      }
      // Attach the finished value to its parent, then close every container that ends right after it.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          this.skipWhitespace();
          if (this.i < text.length) throw this.syntax("unexpected content after the JSON value");
          return { value, positions, lines: this.lines };
        }
        const isArray = Array.isArray(top.container);
        if (isArray) (top.container as JsonValue[]).push(value);
        else (top.container as JsonObject)[top.key] = value;
        this.skipWhitespace();
        const d = text[this.i];
        if (d === ",") {
          this.i++;
          this.skipWhitespace();
          this.beginMember(top);
          break;
        }
        if (d !== (isArray ? "]" : "}")) throw this.syntax(`expected ',' or '${isArray ? "]" : "}"}'`);
        this.i++;
        stack.pop();
        value = top.container;
      }
    }
  }

  /** Reads the key of the next object member (or numbers the next array element) and records its position. */
  private beginMember(frame: Frame): void {
    const positions = this.positions!;
    if (Array.isArray(frame.container)) {
      frame.key = String(frame.container.length);
      positions.add(frame.container, frame.key, this.i);
      return;
    }
    if (this.text[this.i] !== '"') throw this.syntax("expected a string key in double quotes");
    const keyOffset = this.i;
    const key = this.string();
    frame.key = key;
    if (key === "__proto__") throw protoKeyError(this.file, this.pointer(), this.lines.at(keyOffset));
    if (Object.hasOwn(frame.container, key)) {
      throw inputError(
        "input.duplicate-key",
        { file: this.file, pointer: this.pointer(), ...this.lines.at(keyOffset) },
        `duplicate key ${JSON.stringify(key)}`,
      );
    }
    positions.add(frame.container, key, keyOffset);
    this.skipWhitespace();
    if (this.text[this.i] !== ":") throw this.syntax("expected ':' after the object key");
    this.i++;
    this.skipWhitespace();
  }

  private scalar(): JsonValue {
    const { text } = this;
    const c = text[this.i];
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = this.i;
      const match = NUMBER.exec(text);
      if (match === null) throw this.syntax("invalid number");
      // A literal the nearest double misrepresents (beyond 2^53, 0.10000000000000001, 1e400) keeps its text
      // beside the value (src/ir/exact.ts); out of range, the double is the largest finite one of its sign.
      const written = match[0];
      let value = Number(written);
      if (!isExactLiteral(written, value)) {
        value = standIn(written);
        const top = this.stack[this.stack.length - 1];
        if (top !== undefined) recordLiteral(top.container, top.key, written);
      }
      this.i += match[0].length;
      return value;
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    if (c === undefined) throw this.syntax("unexpected end of file");
    throw this.syntax(`unexpected character ${JSON.stringify(String.fromCodePoint(text.codePointAt(this.i)!))}`);
  }

  /** Scans a string token by hand (a regex over a multi-megabyte string can exhaust the regex backtrack stack). */
  private string(): string {
    const { text } = this;
    const start = this.i;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.i = start;
        throw this.syntax("unterminated string");
      }
      if (c === 0x22) break;
      if (c < 0x20) {
        this.i = i;
        throw this.syntax("control character in a string (escape it)");
      }
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        HEX4.lastIndex = i + 2;
        if (e === "u" && HEX4.test(text)) i += 6;
        else if (e !== undefined && SIMPLE_ESCAPES.has(e)) i += 2;
        else {
          this.i = i;
          throw this.syntax("invalid escape sequence in a string");
        }
        continue;
      }
      i++;
    }
    this.i = i + 1;
    // JSON.parse decodes escapes exactly as the standard says, including lone surrogates.
    return escaped ? (JSON.parse(text.slice(start, this.i)) as string) : text.slice(start + 1, i);
  }

  private skipWhitespace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.i++;
    }
  }

  /** Pointer of the member currently being parsed. */
  private pointer(): string {
    let pointer = "";
    for (const frame of this.stack) pointer = pointerAppend(pointer, frame.key);
    return pointer;
  }

  private syntax(message: string): InputError {
    return inputError("input.json-syntax", { file: this.file, ...this.lines.at(this.i) }, message);
  }
}
