/**
 * Type names: from `$defs` keys (or, for a `$ref` into the middle of a schema, from its pointer), stable and unique.
 *
 * Why not let jsts name things: it names from `title` first, so two inline `title: "Item"` schemas become `Item` and
 * `Item1`, in traversal order (jsts #116, #629). Here only defs and the root get names, every name is decided before
 * jsts runs, and a collision between distinct keys (`foo-bar`, `foo_bar`, `FooBar`) is settled by a rule that does
 * not depend on key order: the key that already is the name keeps it, the others follow in code-unit order of their
 * keys with a `_2`, `_3`... suffix (never a bare digit, which reads as part of the name).
 */
import { pointerTokens } from "../../ir/json.js";
import { typeNameFrom } from "../codegen/escape.js";

/**
 * `typeNameFrom` plus what jsts's `toSafeString` would still change: it upper-cases a letter after a digit
 * (`T1st` → `T1St`). Names here are fixed points of jsts's renaming, so jsts prints exactly what we chose.
 */
export function stableTypeName(text: string): string {
  return typeNameFrom(text).replace(
    /([0-9])([a-z])/g,
    (_m, digit: string, letter: string) => digit + letter.toUpperCase(),
  );
}

/** A root name the caller chose must already be stable (`TicketTriageV1`); anything else is a caller bug. */
export function assertRootName(name: string): void {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name) || stableTypeName(name) !== name) {
    throw new Error(
      `root type name ${JSON.stringify(name)} must be PascalCase ASCII (a letter after a digit upper-case)`,
    );
  }
}

/** Keywords that only route to a subschema; the name comes from the keys around them. */
const ROUTING = new Set([
  "$defs",
  "definitions",
  "properties",
  "patternProperties",
  "dependentSchemas",
  "dependencies",
]);

/** `#/$defs/order/properties/line-items/items` → `OrderLineItemsItems`. */
export function nameFromPointer(pointer: string): string {
  return stableTypeName(
    pointerTokens(pointer)
      .filter((t) => !ROUTING.has(t))
      .join(" "),
  );
}

export interface NameRequest {
  /** Unique id of the thing to name (a def key or a pointer). */
  readonly id: string;
  readonly base: string;
  /** Defs outrank names made up from pointers. */
  readonly rank: number;
  /** The def key already is the name (`FooBar` among `foo-bar`, `foo_bar`). */
  readonly exact: boolean;
}

/** Assigns unique names; `reserved` (the root name) is never handed out. Same requests, same names. */
export function assignNames(requests: readonly NameRequest[], reserved: ReadonlySet<string>): Map<string, string> {
  const order = [...requests].sort(
    (a, b) => compare(a.base, b.base) || Number(b.exact) - Number(a.exact) || a.rank - b.rank || compare(a.id, b.id),
  );
  const used = new Set(reserved);
  const names = new Map<string, string>();
  for (const request of order) {
    let name = request.base;
    for (let n = 2; used.has(name); n++) name = `${request.base}_${n}`;
    used.add(name);
    names.set(request.id, name);
  }
  return names;
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
