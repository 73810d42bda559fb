/**
 * ajv writes each schema into standalone code whole (`const schema0 = {...}`, descriptions and all) and then reads
 * a few values out of it, e.g. `params: {allowedValues: schema0.properties.category.enum}` for an enum error. The
 * schema text is often most of a validator's size, so each value read gets its own constant instead, holding only
 * that value, and the whole-schema constants go away once nothing refers to them.
 *
 * Identity does not matter: the values are only compared by content (`llmcEqual`) or copied into error params.
 */
import { stringLiteral } from "../codegen/escape.js";
import { maskLiterals } from "./lexer.js";

const DECLARATION = /(?:^|[;}\n])const (schema\d+) = /g;
const READ = /\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:"\s*"|\d+)\])*)/g;

/** `source` (raw ajv standalone output, before `__proto__` keys are rewritten) with schema reads hoisted. */
export function hoistSchemaValues(source: string): string {
  const masked = maskLiterals(source);
  const schemas = new Map<string, { readonly start: number; readonly end: number; readonly value: unknown }>();
  for (const match of masked.matchAll(DECLARATION)) {
    const name = match[1]!;
    const valueStart = match.index + match[0].length;
    const end = masked.indexOf(";", valueStart);
    if (end === -1) return source;
    let value: unknown;
    try {
      value = JSON.parse(source.slice(valueStart, end));
    } catch {
      return source; // not plain JSON: leave the module as ajv wrote it
    }
    schemas.set(name, { start: match.index + match[0].length - `const ${name} = `.length, end: end + 1, value });
  }
  if (schemas.size === 0) return source;

  const ownKeyLookup = /const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(masked)?.[1];
  const hoisted = new Map<string, string>(); // JSON path key -> constant name
  const declarations: string[] = [];
  // Edits on `source` offsets, applied together: reads become hoisted names, whole-schema declarations go away
  // (every read is now a hoisted constant, so they are dead).
  const edits: { readonly start: number; readonly end: number; readonly text: string }[] = [];
  for (const { start, end } of schemas.values()) edits.push({ start, end, text: "" });
  for (const match of masked.matchAll(READ)) {
    const declared = schemas.get(match[1]!);
    if (declared === undefined) continue;
    // The declaration itself (`const schema0 =`) is not a read.
    if (match.index >= declared.start && match.index < declared.end) continue;
    const path = accessPath(source.slice(match.index + match[1]!.length, match.index + match[0].length));
    const value = resolve(declared.value, path);
    if (value === undefined) return source; // a read we do not understand: keep everything
    // `hasOwn.call(schema0.properties, key)` (additionalProperties over many names) needs the keys only.
    const keysOnly = ownKeyLookup !== undefined && masked.slice(0, match.index).endsWith(`${ownKeyLookup}.call(`) && isPlainObject(value.found);
    const key = JSON.stringify([keysOnly, match[1], ...path]);
    let name = hoisted.get(key);
    if (name === undefined) {
      name = `${match[1]}v${hoisted.size}`;
      hoisted.set(key, name);
      const literal = keysOnly ? compactLiteral(Object.fromEntries(Object.keys(value.found as object).map((k) => [k, 0]))) : compactLiteral(value.found);
      declarations.push(`const ${name} = ${literal};`);
    }
    edits.push({ start: match.index, end: match.index + match[0].length, text: name });
  }
  let out = "";
  let last = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += source.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  out += source.slice(last);
  const exportsEnd = out.indexOf("export default ");
  const insertAt = exportsEnd === -1 ? out.indexOf("\n") + 1 : out.indexOf(";", exportsEnd) + 1;
  return `${out.slice(0, insertAt)}${declarations.join("")}${out.slice(insertAt)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function accessPath(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const m of text.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/g)) {
    path.push(m[1] !== undefined ? m[1] : (JSON.parse(m[2]!) as string | number));
  }
  return path;
}

function resolve(root: unknown, path: readonly (string | number)[]): { readonly found: unknown } | undefined {
  let node = root;
  for (const step of path) {
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return { found: node };
}

/**
 * A one-line JS literal of a JSON value with every key quoted (the first-failure validator's renaming looks at
 * unquoted names only), `__proto__` as a computed key so it creates a property.
 */
function compactLiteral(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(compactLiteral).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${k === "__proto__" ? `[${stringLiteral(k)}]` : stringLiteral(k)}:${compactLiteral(v)}`,
  );
  return `{${entries.join(",")}}`;
}
