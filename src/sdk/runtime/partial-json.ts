/*
 * Best-effort reading of a JSON prefix for display while a response streams. Copied verbatim into
 * `generated/_sdk/`. Never used to decide success: the final result always goes through the full parser.
 *
 * What a prefix shows: complete scalars, strings so far (an unfinished escape is held back), objects and arrays
 * with what they hold so far. An unfinished number or literal, or a key without its value, is left out (`12` may
 * still become `123`). Iterative, so nesting depth costs no stack; linear in the length of the text.
 */

type Frame = { readonly kind: "object"; readonly value: { [key: string]: unknown }; key: string | undefined } | { readonly kind: "array"; readonly value: unknown[] };

const WS = /[ \t\n\r]/;
const NUMBER_END = /[,\]}\s]/;

function setOwn(target: { [key: string]: unknown }, key: string, value: unknown): void {
  // defineProperty, so a key named `__proto__` is data, not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The string starting at `start` (a quote): its decoded text so far, whether it closed, and where it ended. */
function readString(text: string, start: number): { value: string; closed: boolean; end: number } | undefined {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') break;
    if (c === "\\") {
      if (i + 1 >= text.length) break;
      if (text[i + 1] === "u") {
        if (i + 6 > text.length) break;
        i += 6;
      } else i += 2;
      continue;
    }
    i++;
  }
  const closed = i < text.length && text[i] === '"';
  const raw = text.slice(start + 1, Math.min(i, text.length));
  try {
    return { value: JSON.parse(`"${raw}"`) as string, closed, end: closed ? i + 1 : text.length };
  } catch {
    return undefined;
  }
}

/** The value a JSON prefix shows so far, or `undefined` when nothing is readable yet. */
export function readPartialJson(text: string): unknown {
  const stack: Frame[] = [];
  let root: unknown = undefined;
  let i = 0;
  const attach = (value: unknown): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) root = value;
    else if (top.kind === "array") top.value.push(value);
    else if (top.key !== undefined) {
      setOwn(top.value, top.key, value);
      top.key = undefined;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (WS.test(c) || c === "," || c === ":") {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === "}" || c === "]") {
      stack.pop();
      i++;
      if (stack.length === 0) return root;
      continue;
    }
    if (top?.kind === "object" && top.key === undefined) {
      // Expecting a key.
      if (c !== '"') return root;
      const key = readString(text, i);
      if (key === undefined || !key.closed) return root;
      top.key = key.value;
      i = key.end;
      continue;
    }
    if (top === undefined && root !== undefined) return root;
    if (c === "{") {
      const value: { [key: string]: unknown } = {};
      attach(value);
      stack.push({ kind: "object", value, key: undefined });
      i++;
    } else if (c === "[") {
      const value: unknown[] = [];
      attach(value);
      stack.push({ kind: "array", value });
      i++;
    } else if (c === '"') {
      const s = readString(text, i);
      if (s === undefined) return root;
      attach(s.value);
      if (!s.closed) return root;
      i = s.end;
    } else {
      let j = i;
      while (j < text.length && !NUMBER_END.test(text[j]!)) j++;
      if (j === text.length) return root; // may still grow
      const word = text.slice(i, j);
      let value: unknown;
      try {
        value = JSON.parse(word);
      } catch {
        return root;
      }
      attach(value);
      i = j;
    }
  }
  return root;
}
