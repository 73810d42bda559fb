import { createRequire } from "node:module";
import type { Node } from "yaml";
import { inputError, type InputError } from "../errors.js";
import { pointerAppend, type JsonObject, type JsonValue } from "../ir/json.js";
import { protoKeyError, tooDeepError, type ParsedText } from "./json-parser.js";
import { decimalOf, isExactLiteral, recordLiteral, standIn } from "../ir/exact.js";
import { MAX_DEPTH } from "./limits.js";
import { LineIndex, PositionMap } from "./positions.js";

/**
 * Parses YAML that is plain JSON data: one document of maps, sequences, strings, finite numbers, booleans and null.
 * Anchors, aliases, tags and non-string keys are refused, because they either have no JSON equivalent or make
 * the file mean something other than what it shows (an alias shares one node between two places).
 */
/** The yaml package, loaded on first use: most projects hold no YAML, and loading it costs as much as starting node. */
let yamlModule: typeof import("yaml") | undefined;
function yaml(): typeof import("yaml") {
  yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yamlModule;
}

export function parseYaml(text: string, file: string): ParsedText {
  const { isAlias, isMap, isScalar, isSeq, parseDocument } = yaml();
  const lines = new LineIndex(text);
  let doc;
  try {
    doc = parseDocument(text, {
      version: "1.2",
      schema: "core",
      uniqueKeys: true,
      merge: false,
      strict: true,
      prettyErrors: false,
    });
  } catch (error) {
    // The yaml composer recurses per nesting level; absurd nesting must still end in a diagnostic.
    if (error instanceof RangeError) throw tooDeepError(file, "", { line: 1, column: 1 });
    throw error;
  }
  const first = doc.errors[0];
  if (first !== undefined) {
    const code = first.code === "DUPLICATE_KEY" ? "input.duplicate-key" : "input.yaml-syntax";
    throw inputError(code, { file, ...lines.at(first.pos[0]) }, first.message.split("\n")[0]!);
  }
  const contents = doc.contents;
  const positions = new PositionMap(contents?.range[0] ?? 0);
  const unsupported = (node: Node, pointer: string, what: string): InputError =>
    inputError("input.yaml-unsupported", { file, pointer, ...lines.at(node.range?.[0] ?? 0) }, what);

  let root: JsonValue = null;
  // Explicit work list instead of recursion: depth is only known, and bounded, once we get there.
  const work: Task[] = [{ node: contents, pointer: "", depth: 0, set: (v) => (root = v) }];
  for (let task = work.pop(); task !== undefined; task = work.pop()) {
    const { node, pointer, depth } = task;
    if (node === null) {
      task.set(null);
      continue;
    }
    if (isAlias(node)) throw unsupported(node, pointer, "YAML aliases are not allowed: write the value out");
    if (node.anchor !== undefined) throw unsupported(node, pointer, `YAML anchor &${node.anchor} is not allowed`);
    if (node.tag !== undefined) throw unsupported(node, pointer, `YAML tag ${node.tag} is not allowed`);
    if (isScalar(node)) {
      // A number written as a JSON literal keeps its text when a double misrepresents it (src/ir/exact.ts), as in
      // JSON files; `.inf`, `.nan` and other YAML spellings are read as the YAML core schema says, or refused.
      const source = (node as { source?: unknown }).source;
      if (typeof node.value === "number" && typeof source === "string" && decimalOf(source) !== undefined && !isExactLiteral(source, node.value)) {
        if (task.container !== undefined) recordLiteral(task.container, task.key!, source);
        task.set(standIn(source));
        continue;
      }
      if (typeof node.value === "number" && !Number.isFinite(node.value)) {
        const at = lines.at(node.range?.[0] ?? 0);
        throw inputError("input.number-range", { file, pointer, ...at }, `${String(node.value)} is not a JSON number`);
      }
      task.set(
        scalarValue(node.value, () =>
          unsupported(node, pointer, "only strings, numbers, booleans and null are allowed"),
        ),
      );
      continue;
    }
    if (depth >= MAX_DEPTH) throw tooDeepError(file, pointer, lines.at(node.range?.[0] ?? 0));
    if (isSeq(node)) {
      const array: JsonValue[] = node.items.map(() => null);
      task.set(array);
      const children = node.items.map((item, index) => {
        const at = (item as Node | null)?.range?.[0];
        if (at !== undefined) positions.add(array, String(index), at);
        return {
          node: item as Node | null,
          pointer: pointerAppend(pointer, index),
          depth: depth + 1,
          set: (v: JsonValue) => (array[index] = v),
          container: array,
          key: index,
        };
      });
      pushInOrder(work, children);
      continue;
    }
    if (isMap(node)) {
      const object: JsonObject = {};
      task.set(object);
      const children: Task[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (keyNode !== null && (keyNode.anchor !== undefined || keyNode.tag !== undefined || isAlias(keyNode))) {
          throw unsupported(keyNode, pointer, "YAML anchors, aliases and tags are not allowed on keys");
        }
        if (!isScalar(keyNode) || typeof keyNode.value !== "string") {
          const shown = isScalar(keyNode) ? String(keyNode.value) : "a non-scalar key";
          throw unsupported(keyNode ?? node, pointer, `object keys must be strings: quote ${shown} in the source`);
        }
        const key = keyNode.value;
        const memberPointer = pointerAppend(pointer, key);
        const at = lines.at(keyNode.range?.[0] ?? 0);
        if (key === "__proto__") throw protoKeyError(file, memberPointer, at);
        // Keeps the member in source order; the value is filled in when its task runs.
        object[key] = null;
        positions.add(object, key, keyNode.range?.[0] ?? 0);
        children.push({
          node: pair.value as Node | null,
          pointer: memberPointer,
          depth: depth + 1,
          set: (v) => (object[key] = v),
          container: object,
          key,
        });
      }
      pushInOrder(work, children);
      continue;
    }
    throw unsupported(node, pointer, "unsupported YAML node");
  }
  return { value: root, positions, lines };
}

interface Task {
  readonly node: Node | null;
  readonly pointer: string;
  readonly depth: number;
  readonly set: (value: JsonValue) => void;
  /** Where the value goes, for the literal side table. */
  readonly container?: object;
  readonly key?: string | number;
}

/** Pushes reversed so the stack pops in document order, and the first problem in the file is the one reported. */
function pushInOrder(work: Task[], children: Task[]): void {
  for (let i = children.length - 1; i >= 0; i--) work.push(children[i]!);
}

function scalarValue(value: unknown, fail: () => InputError): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  throw fail();
}
