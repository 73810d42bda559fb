/**
 * The named things of a bundled schema: the root, every `$defs`/`definitions` entry, and every other subschema some
 * `$ref` points into. Each becomes one declaration, and every `$ref` to it prints as its name.
 *
 * Why name ref targets that are not defs (`$ref: "#/properties/a"`): a reference can be recursive, and only a named
 * type can refer to itself. The name comes from the pointer, so it is stable.
 */
import {
  type Draft,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  pointerAppend,
  pointerTokens,
} from "../../ir/json.js";
import { draftFacts } from "../../ir/drafts.js";
import { subschemas } from "../../ir/keywords.js";
import { assertRootName, assignNames, nameFromPointer, type NameRequest, stableTypeName } from "./names.js";

export interface Entry {
  readonly schema: JsonValue;
  readonly name: string;
}

/** Calls `visit` on every subschema object (schema positions only: `enum`, `const`, `default` hold data). */
function forEachSubschema(schema: JsonValue, visit: (node: JsonObject) => void): void {
  if (!isJsonObject(schema)) return;
  visit(schema);
  for (const [child] of subschemas(schema, "")) forEachSubschema(child, visit);
}

/** A `$ref` as a JSON pointer into the document; only in-document refs exist in a bundled schema. */
function refPointer(ref: string): string {
  if (ref !== "#" && !ref.startsWith("#/")) {
    throw new Error(`$ref ${JSON.stringify(ref)} is not an in-document JSON pointer; bundle the schema first`);
  }
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    throw new Error(`$ref ${JSON.stringify(ref)} is not a valid URI fragment`);
  }
}

export class SchemaIndex {
  readonly entries: Entry[] = [];
  private readonly byNode = new Map<JsonObject, Entry>();
  private readonly byPointer = new Map<string, Entry | boolean>();

  constructor(
    private readonly root: JsonObject,
    rootName: string,
    draft: Draft,
    reserved: readonly string[] = [],
  ) {
    assertRootName(rootName);
    const defs: { pointer: string; key: string; schema: JsonValue }[] = [];
    for (const container of ["$defs", "definitions"]) {
      const map = root[container];
      if (!isJsonObject(map)) continue;
      for (const key of Object.keys(map))
        defs.push({ pointer: pointerAppend(pointerAppend("", container), key), key, schema: map[key]! });
    }
    const defPointers = new Set(defs.map((d) => d.pointer));
    const targets = new Map<string, JsonObject>();
    forEachSubschema(root, (node) => {
      const ref = node["$ref"];
      if (typeof ref !== "string") return;
      const pointer = refPointer(ref);
      if (pointer === "" || targets.has(pointer) || defPointers.has(pointer)) return;
      const target = this.at(pointer);
      if (isJsonObject(target)) targets.set(pointer, target);
      else if (typeof target === "boolean") this.byPointer.set(pointer, target);
      else throw new Error(`$ref ${JSON.stringify(ref)} does not point at a schema`);
    });

    // Pydantic-style root (`{"$ref": "#/$defs/Model", "$defs": ...}`) whose def would take the root's own name:
    // the def is the root, instead of `Root = Root_2`. Otherwise the root is an alias of the def.
    const rootDef = rootAliasTarget(root, draft);
    const merged = defs.find((d) => d.pointer === rootDef && stableTypeName(d.key) === rootName);

    const requests: NameRequest[] = [
      ...defs
        .filter((d) => d !== merged)
        .map((d) => ({ id: d.pointer, base: stableTypeName(d.key), rank: 0, exact: d.key === stableTypeName(d.key) })),
      ...[...targets.keys()].map((p) => ({ id: p, base: nameFromPointer(p), rank: 1, exact: false })),
    ];
    const names = assignNames(requests, new Set([rootName, ...reserved]));
    const add = (pointer: string, schema: JsonValue, name: string): void => {
      const entry: Entry = { schema, name };
      this.entries.push(entry);
      this.byPointer.set(pointer, entry);
      if (isJsonObject(schema) && !this.byNode.has(schema)) this.byNode.set(schema, entry);
    };
    if (merged === undefined) add("", root, rootName);
    else {
      add(merged.pointer, merged.schema, rootName);
      this.byPointer.set("", this.entries[0]!);
    }
    for (const d of defs) if (d !== merged) add(d.pointer, d.schema, names.get(d.pointer)!);
    for (const pointer of [...targets.keys()].sort()) add(pointer, targets.get(pointer)!, names.get(pointer)!);
  }

  /** The named entry (or inlined boolean schema) a `$ref` resolves to. */
  target(ref: string): Entry | boolean {
    const pointer = refPointer(ref);
    const found = this.byPointer.get(pointer);
    if (found === undefined) throw new Error(`$ref ${JSON.stringify(ref)} was not indexed`);
    return found;
  }

  /** The entry whose body is this subschema, if any: its occurrences print as a reference to the name. */
  entryOf(node: JsonObject): Entry | undefined {
    return this.byNode.get(node);
  }

  /** The subschema a `$ref` points at, for kind analysis. */
  resolve = (ref: string): JsonValue => {
    const target = this.target(ref);
    return typeof target === "boolean" ? target : target.schema;
  };

  private at(pointer: string): JsonValue | undefined {
    let value: JsonValue | undefined = this.root;
    for (const token of pointerTokens(pointer)) {
      if (Array.isArray(value)) value = /^(0|[1-9][0-9]*)$/.test(token) ? value[Number(token)] : undefined;
      else if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, token)) value = value[token];
      else value = undefined;
      if (value === undefined) throw new Error(`$ref pointer ${JSON.stringify(pointer)} does not resolve`);
    }
    return value;
  }
}

/** The def pointer a root that is only a `$ref` (plus annotations) points at. */
function rootAliasTarget(root: JsonObject, draft: Draft): string | undefined {
  const ref = root["$ref"];
  if (typeof ref !== "string") return undefined;
  const ignored = new Set([
    "$ref",
    "$schema",
    "$id",
    "$defs",
    "definitions",
    "$comment",
    "title",
    "description",
    "examples",
    "default",
  ]);
  if (!draftFacts(draft).refOverridesSiblings && Object.keys(root).some((k) => !ignored.has(k))) return undefined;
  return refPointer(ref);
}
