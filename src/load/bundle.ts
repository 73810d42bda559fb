import { typeNameFrom } from "../emit/codegen/escape.js";
import { inputError, type Diagnostic, type InputError, type Location } from "../errors.js";
import { uPattern } from "./lenient.js";
import { isJsonObject, pointerAppend, pointerTokens, type JsonObject, type JsonValue } from "../ir/json.js";
import { MAX_BUNDLE_NODES } from "./limits.js";
import { nodeAt, type Doc, type NodeLocation } from "./doc.js";
import type { FileSet } from "./resolve.js";
import { pointerFragment } from "./uri.js";
import { keywordKind, mapKeyword } from "../ir/keywords.js";
import { carryLiteral, doubleText, literalOf } from "../ir/exact.js";
import { draftFacts } from "../ir/drafts.js";

/**
 * Keywords dropped from the output: once every `$ref` is a plain pointer into one document, identifiers only
 * risk clashing (two hoisted files declaring the same anchor) or re-basing refs a consumer might still resolve.
 */
const ANCHORS = ["$anchor", "$dynamicAnchor", "$recursiveAnchor"];

/** Keywords whose number literals the generated validators compare (or show): an inexact one is worth a warning. */
const NUMBER_KEYWORDS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
const VALUE_KEYWORDS = new Set(["enum", "const", "default", "examples"]);
/** Inexact-number warnings per bundle; past it, one more warning says how many were left out. */
const MAX_NUMBER_WARNINGS = 20;

/**
 * Copies the root file into one self-contained schema: every `$ref` becomes a local pointer, and every target
 * outside the root file is copied once into the root's `$defs` (`definitions` before 2019-09) under a readable name.
 * Names and bytes depend only on the input: names are given in the order targets are first met while copying.
 */
export function bundleSchema(files: FileSet): Bundle {
  const bundler = new Bundler(files);
  return { schema: bundler.run(), sourceOf: (pointer) => bundler.sourceOf(pointer), warnings: bundler.warnings };
}

export interface Bundle {
  readonly schema: JsonObject;
  /** Patterns rewritten to their `u`-flag form (lenient.ts), one warning each, at the pattern as written. */
  readonly warnings: readonly Diagnostic[];
  /** Where the node at a pointer of `schema` came from: file, pointer there, and line/column when known. */
  sourceOf(pointer: string): Location;
}

class Bundler {
  private readonly defsKey: string;
  /** The draft's identifier keyword (`id` in draft-04, `$id` after) and the anchor keywords. */
  private readonly dropped: ReadonlySet<string>;
  /** Names already used in the output `$defs`: the root's own keys, then hoisted ones. */
  private readonly taken: Set<string>;
  private readonly hoisted = new Map<Doc, Map<string, string>>();
  private readonly queue: { readonly name: string; readonly target: NodeLocation }[] = [];
  private readonly byName = new Map<string, NodeLocation>();
  private nodes = 0;
  private inexact = 0;
  readonly warnings: Diagnostic[] = [];

  constructor(private readonly files: FileSet) {
    const root = files.root.value as JsonObject;
    const { defsKeyword: preferred, idKeyword } = draftFacts(files.draft);
    this.dropped = new Set([idKeyword, ...ANCHORS]);
    const other = preferred === "$defs" ? "definitions" : "$defs";
    // A root that already keeps its definitions under the other keyword gets the hoisted ones there too.
    this.defsKey = root[preferred] === undefined && isJsonObject(root[other]) ? other : preferred;
    const existing = root[this.defsKey];
    this.taken = new Set(isJsonObject(existing) ? Object.keys(existing) : []);
  }

  /**
   * A pattern valid only without the `u` flag, in the `u` form that means the same (every consumer of the bundle,
   * build, check and diff, sees the same pattern); as written otherwise (refused downstream when invalid).
   */
  private pattern(written: string, doc: Doc, at: string): string {
    const rewritten = uPattern(written);
    if (rewritten === undefined) return written;
    const message = `pattern ${JSON.stringify(written)} is valid only without the u flag our validators use; read as ${JSON.stringify(rewritten)}, which means the same`;
    this.warnings.push({ code: "schema.pattern-rewritten", file: doc.file, pointer: at, ...doc.locate(at), message });
    return rewritten;
  }

  run(): JsonObject {
    const { root } = this.files;
    const out = this.schema(root.value, root, "", true) as JsonObject;
    this.dropEmptiedDefinitions(out);
    if (this.queue.length === 0) return out;
    const hoisted: JsonObject = {};
    // The queue grows while it is drained: hoisted schemas can reference further files.
    for (let i = 0; i < this.queue.length; i++) {
      const { name, target } = this.queue[i]!;
      hoisted[name] = this.schema(nodeAt(target.doc.value, target.pointer)!, target.doc, target.pointer, false);
    }
    if (out[this.defsKey] === undefined) out[this.defsKey] = {};
    const defs = out[this.defsKey];
    if (!isJsonObject(defs)) {
      const pointer = pointerAppend("", this.defsKey);
      throw inputError(
        "schema.defs-not-object",
        { file: root.file, pointer, ...root.locate(pointer) },
        `${this.defsKey} must be an object`,
      );
    }
    Object.assign(defs, hoisted);
    return out;
  }

  /** Copies keep the source's shape (only identifiers are dropped), so a pointer maps back token by token. */
  sourceOf(pointer: string): Location {
    const tokens = pointerTokens(pointer);
    const hoisted = tokens[0] === this.defsKey && tokens[1] !== undefined ? this.byName.get(tokens[1]) : undefined;
    const doc = hoisted?.doc ?? this.files.root;
    let source = hoisted?.pointer ?? "";
    for (const token of hoisted === undefined ? tokens : tokens.slice(2)) source = pointerAppend(source, token);
    return { file: doc.file, pointer: source, ...doc.locate(source) };
  }

  private schema(value: JsonValue, doc: Doc, pointer: string, isRoot: boolean): JsonValue {
    if (!isJsonObject(value)) return this.data(value, doc, pointer);
    this.count();
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (this.dropped.has(key) || (key === "$schema" && !isRoot)) continue;
      const at = pointerAppend(pointer, key);
      // A node a `$ref` made a schema is hoisted under its own name; its original place only held it.
      if (doc.adopted.has(at)) continue;
      const kind = keywordKind(key);
      if (key === "$ref" && typeof member === "string") out[key] = this.localRef(doc, at);
      else if (key === "$schema" && this.files.schemaUri !== undefined) out[key] = this.files.schemaUri;
      else if (key === "pattern" && typeof member === "string") out[key] = this.pattern(member, doc, at);
      else if (kind === undefined) {
        out[key] = this.data(member, doc, at, VALUE_KEYWORDS.has(key));
        if (typeof member === "number") this.number(value, key, out, doc, at, NUMBER_KEYWORDS.has(key) || VALUE_KEYWORDS.has(key));
      }
      else {
        const copySchema = (s: JsonValue, p: string) => this.schema(s, doc, p, false);
        out[key] = mapKeyword(kind, member, at, copySchema, (d) => this.data(d, doc, at));
      }
    }
    return out;
  }

  /** Deep copy of data (depth is bounded by MAX_DEPTH, so recursion is safe), without hoisted (adopted) nodes. */
  private data(value: JsonValue, doc: Doc, pointer: string, warn = false): JsonValue {
    this.count();
    if (Array.isArray(value)) {
      const out = value.map((v, i) => this.data(v, doc, pointerAppend(pointer, i), warn));
      value.forEach((v, i) => typeof v === "number" && this.number(value, i, out, doc, pointerAppend(pointer, i), warn));
      return out;
    }
    if (!isJsonObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      const at = pointerAppend(pointer, key);
      if (doc.adopted.has(at)) continue;
      out[key] = this.data(member, doc, at, warn);
      if (typeof member === "number") this.number(value, key, out, doc, at, warn);
    }
    return out;
  }

  /**
   * Carries the literal of a number a double misrepresents to the copy (src/ir/exact.ts) and, where validators
   * compare it, warns: the generated validator sees only the double, so it cannot tell such values apart.
   */
  private number(from: object, key: string | number, to: object, doc: Doc, at: string, warn: boolean): void {
    const written = literalOf(from, key);
    if (written === undefined) return;
    carryLiteral(from, key, to);
    if (!warn) return;
    if (++this.inexact > MAX_NUMBER_WARNINGS) {
      if (this.inexact === MAX_NUMBER_WARNINGS + 1) {
        const message = `more number literals a JavaScript number cannot hold exactly; only the first ${MAX_NUMBER_WARNINGS} are listed`;
        this.warnings.push({ code: "schema.number-inexact", file: doc.file, pointer: at, ...doc.locate(at), message });
      }
      return;
    }
    const held = doubleText((to as Record<string, number>)[String(key)]!);
    const message = `number ${written.length > 40 ? `${written.slice(0, 40)}…` : written} cannot be held exactly by a JavaScript number (read as ${held}): the generated validator cannot tell it from nearby values; drift compares it as written`;
    this.warnings.push({ code: "schema.number-inexact", file: doc.file, pointer: at, ...doc.locate(at), message });
  }

  /**
   * A root definition whose every member was hoisted (`definitions/a` holding only `full`) is left empty by the
   * copy; unless a `$ref` names it, it is dropped rather than kept as an empty schema.
   */
  private dropEmptiedDefinitions(out: JsonObject): void {
    const root = this.files.root;
    const named = new Set<string>();
    for (const doc of this.files.docs)
      for (const site of doc.refs.values()) if (site.target?.doc === root) named.add(site.target.pointer);
    for (const key of ["$defs", "definitions"]) {
      const source = (root.value as JsonObject)[key];
      const copy = out[key];
      if (!isJsonObject(source) || !isJsonObject(copy)) continue;
      for (const [name, def] of Object.entries(source)) {
        const at = pointerAppend(pointerAppend("", key), name);
        if (!isJsonObject(def) || named.has(at)) continue;
        const members = Object.keys(def);
        if (members.length > 0 && members.every((m) => root.adopted.has(pointerAppend(at, m)))) delete copy[name];
      }
    }
  }

  /** The adopted node `pointer` lies in (itself or an ancestor), if any. */
  private adoptedAncestor(doc: Doc, pointer: string): string | undefined {
    if (doc.adopted.size === 0) return undefined;
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf("/"))) {
      if (doc.adopted.has(at)) return at;
      if (at === "") return undefined;
    }
  }

  private localRef(doc: Doc, refPointer: string): string {
    const found = this.files.targetOf(doc, refPointer);
    const fail = (code: string, message: string): InputError =>
      inputError(code, { file: doc.file, pointer: refPointer, ...doc.locate(refPointer) }, message);
    // A target inside an adopted node is reached through the hoisted copy of that node.
    const adopted = this.adoptedAncestor(found.doc, found.pointer);
    if (found.doc === this.files.root && adopted === undefined) return pointerFragment(found.pointer, fail);
    const target = adopted === undefined ? found : { doc: found.doc, pointer: adopted };
    const rest = found.pointer.slice(target.pointer.length);
    let names = this.hoisted.get(target.doc);
    if (names === undefined) this.hoisted.set(target.doc, (names = new Map()));
    let name = names.get(target.pointer);
    if (name === undefined) {
      name = this.pickName(target);
      names.set(target.pointer, name);
      this.taken.add(name);
      this.queue.push({ name, target });
      this.byName.set(name, target);
    }
    return pointerFragment(pointerAppend(pointerAppend("", this.defsKey), name) + rest, fail);
  }

  /**
   * `Money` for `money.json#/$defs/Money` (tokens after the last `$defs`/`definitions`), or the file name for
   * other targets (`money.json` → `Money`, `orders/v1.json` → `OrdersV1`). On a collision the name is qualified
   * by the file's path, nearest part first (`SharedMoney` for `_shared/money.json`); a counter is the last resort.
   */
  private pickName(target: NodeLocation): string {
    const tokens = pointerTokens(target.pointer);
    const segments = target.doc.rel.replace(/\.(json|ya?ml)$/i, "").split("/");
    const stem = segments[segments.length - 1]!;
    let defsAt = -1;
    for (let i = tokens.length - 2; i >= 0 && defsAt === -1; i--) {
      if (tokens[i] === "$defs" || tokens[i] === "definitions") defsAt = i;
    }
    const fileWords = /^v[0-9]+$/i.test(stem) && segments.length > 1 ? segments.slice(-2) : [stem];
    const words = defsAt >= 0 ? tokens.slice(defsAt + 1) : [...fileWords, ...tokens];
    const base = typeNameFrom(words.join(" "));
    // Path parts not already in the name can qualify it.
    const qualifiers = segments.slice(
      0,
      segments.length - (defsAt >= 0 && typeNameFrom(stem) !== base ? 0 : fileWords.length),
    );
    const candidates = [base];
    for (let k = 1; k <= qualifiers.length; k++) {
      candidates.push(typeNameFrom([...qualifiers.slice(-k), ...words].join(" ")));
    }
    for (const candidate of candidates) if (!this.taken.has(candidate)) return candidate;
    for (let n = 2; ; n++) if (!this.taken.has(`${base}${n}`)) return `${base}${n}`;
  }

  private count(): void {
    if (++this.nodes > MAX_BUNDLE_NODES) {
      const file = this.files.root.file;
      throw inputError("input.bundle-too-large", { file }, `bundled schema exceeds ${MAX_BUNDLE_NODES} nodes`);
    }
  }
}
