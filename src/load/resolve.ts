import fs from "node:fs";
import path from "node:path";
import { inputError, type Diagnostic, type InputError } from "../errors.js";
import { draftOf, isJsonObject, pointerAppend, pointerTokens, type Draft, type JsonValue } from "../ir/json.js";
import { displayPath, isInside, nodeAt, type Doc, type LoadCache, type NodeLocation, type RefSite } from "./doc.js";
import { MAX_FILES } from "./limits.js";
import { readDocument, SCHEMA_EXTENSIONS } from "./read.js";
import { decode, FILE_SCHEME, fileRelPath, fileUri, isRemote, resolveId, resolveRef } from "./uri.js";
import { subschemas } from "../ir/keywords.js";
import { draftFacts, draftList } from "../ir/drafts.js";
import { closest, didYouMean } from "../suggest/did-you-mean.js";
import { assertInsideRoot } from "../contain/real-path.js";
import { canonicalUri, namesCurrent, olderDraftKeyword, variantDraft } from "./lenient.js";

/** The files of one bundle with every `$ref` resolved to the node it names. */
export interface FileSet {
  readonly root: Doc;
  readonly docs: readonly Doc[];
  readonly draft: Draft;
  /** The draft's own URI when the root's `$schema` was a variant spelling (the bundle carries it instead). */
  readonly schemaUri?: string;
  /** Sloppy but unambiguous input read generously (lenient.ts), one per file and pointer. */
  readonly warnings: readonly Diagnostic[];
  targetOf(doc: Doc, refPointer: string): NodeLocation;
}

export interface ResolveContext {
  readonly schemasDir: string;
  readonly rootDir: string;
  readonly cache: LoadCache;
  readonly defaultDraft?: Draft;
}

/**
 * Reads the root file and every file its refs reach (refs anywhere in a loaded file count, used or not: a broken
 * ref in a shared file is an error wherever it sits), indexes `$id`s and anchors, then resolves every `$ref`.
 * All files are indexed before any ref is resolved, so an `$id` declared in a later file is found too.
 */
export function resolveFiles(absFile: string, ctx: ResolveContext): FileSet {
  const files = new Files(ctx);
  const root = files.loadRoot(absFile);
  // A ref to a node that is not a schema position makes that node a schema (see `adopt`), which can bring new
  // refs and files: repeat until every ref has a target.
  for (let pending = true; pending; ) {
    for (let i = 0; i < files.docs.length; i++) files.discover(files.docs[i]!);
    pending = false;
    for (const doc of files.docs) {
      for (const [pointer, site] of doc.refs) {
        if (site.target !== undefined) continue;
        if (site.uri === undefined) pending = true;
        else site.target = files.resolve(doc, pointer, site);
      }
    }
  }
  return {
    root,
    docs: files.docs,
    draft: files.draft,
    ...(files.schemaUri !== undefined ? { schemaUri: files.schemaUri } : {}),
    warnings: files.warnings,
    targetOf(doc, refPointer) {
      const target = doc.refs.get(refPointer)?.target;
      if (target === undefined) throw new Error(`internal: unresolved $ref ${doc.file}#${refPointer}`);
      return target;
    },
  };
}

class Files {
  readonly docs: Doc[] = [];
  draft: Draft = "2020-12";
  schemaUri: string | undefined;
  readonly warnings: Diagnostic[] = [];
  private readonly schemasDir: string;
  private readonly byPath = new Map<string, Doc>();
  /** Absolute URI (no fragment) → node: file URIs and every `$id`. */
  private readonly resources = new Map<string, NodeLocation>();
  /** `resource#name` → node, for `$anchor`, `$dynamicAnchor` and draft-04..07 `$id: "#name"` / `id: "#name"`. */
  private readonly anchors = new Map<string, NodeLocation>();
  private realSchemasDir: string | undefined;

  constructor(private readonly ctx: ResolveContext) {
    this.schemasDir = path.resolve(ctx.schemasDir);
    this.draft = ctx.defaultDraft ?? this.draft;
  }

  loadRoot(absFile: string): Doc {
    const abs = path.resolve(absFile);
    const file = displayPath(abs, this.ctx.rootDir);
    // Virtual URIs are relative to the schemas folder, so the root must be in it.
    if (!isInside(this.schemasDir, abs)) {
      throw inputError("input.outside-schemas-dir", { file }, "schema file is not inside the schemas folder");
    }
    // By real path too: a version file linked to a file elsewhere is refused before it is read.
    assertInsideRoot(this.ctx.rootDir, abs, file);
    const doc = this.load(abs, undefined);
    const value = doc.value;
    if (!isJsonObject(value)) {
      throw inputError("schema.root-not-object", { file, pointer: "" }, "a contract schema must be a JSON object");
    }
    if (value["$schema"] !== undefined) this.draft = this.draftAt(doc, "", value["$schema"]);
    this.index(doc, fileUri(doc.rel));
    return doc;
  }

  /** Resolves the URIs of a file's refs and loads every schema file they name that is not known yet. */
  discover(doc: Doc): void {
    for (const [pointer, site] of doc.refs) {
      if (site.uri !== undefined) continue;
      const fail = (code: string, message: string) => this.error(code, doc, pointer, message);
      const uri = (site.uri = resolveRef(site.ref, site.base, fail));
      const resource = uri.resource;
      if (this.resources.has(resource) || isRemote(resource) || !resource.startsWith(FILE_SCHEME)) continue;
      const rel = decode(new URL(resource).pathname.slice(1), fail);
      // Not a schema file name: perhaps an `$id` declared in a file loaded later; `resolve` reports it otherwise.
      if (!SCHEMA_EXTENSIONS.includes(path.extname(rel).toLowerCase())) continue;
      const abs = path.resolve(this.schemasDir, rel);
      if (!isInside(this.schemasDir, abs)) {
        throw fail("ref.escapes-root", `"${site.ref}" resolves outside the schemas folder`);
      }
      let real: string;
      // The kernel's realpath, not node:fs's JavaScript one: that one trusts a mode a stat of a named pipe left in a
      // shared array and may stop before a link (nodejs/node#51142, src/contain/stat.ts), which this check must see.
      try {
        real = fs.realpathSync.native(abs);
      } catch {
        continue; // Missing: reported by `resolve` unless an `$id` turns out to match.
      }
      this.realSchemasDir ??= fs.realpathSync.native(this.schemasDir);
      if (!isInside(this.realSchemasDir, real)) {
        throw fail("ref.escapes-root", `"${site.ref}" resolves through a symlink to a file outside the schemas folder`);
      }
      const known = this.byPath.get(abs);
      if (known !== undefined) {
        // The same file spelled differently (`a%5Bb.json` and `a[b.json`): one document, two names.
        this.register(this.resources, resource, { doc: known, pointer: "" }, known, "", "$id");
        continue;
      }
      if (this.docs.length >= MAX_FILES) {
        throw fail("input.too-many-files", `more than ${MAX_FILES} files are referenced`);
      }
      const loaded = this.load(abs, real);
      if (isJsonObject(loaded.value) && loaded.value["$schema"] !== undefined) {
        this.draftAt(loaded, "", loaded.value["$schema"]);
      }
      this.index(loaded, resource);
    }
  }

  /** The node a `$ref` names. Every way of not finding it is an InputError at the `$ref`. */
  resolve(doc: Doc, pointer: string, site: RefSite): NodeLocation {
    const fail = (code: string, message: string) => this.error(code, doc, pointer, message);
    const { resource, fragment } = site.uri!;
    const resourceNode = this.resources.get(resource);
    if (resourceNode === undefined) {
      if (isRemote(resource)) {
        // A relative ref under a remote `$id` is remote too; say so, or the message would make no sense.
        const via = site.ref.startsWith(resource) ? "" : ` (it resolves to ${resource} against the $id base)`;
        throw fail(
          "ref.remote",
          `"${site.ref}" is not available offline${via}; copy the schema into the schemas folder and use a relative path`,
        );
      }
      const what = resource.startsWith(FILE_SCHEME)
        ? `no schema file or $id "${fileRelPath(resource)}"`
        : `no $id "${resource}"`;
      throw fail("ref.unresolvable", `cannot resolve "${site.ref}": ${what}`);
    }
    if (fragment === "") return resourceNode;
    const name = decode(fragment, fail);
    let target: NodeLocation | undefined;
    if (name.startsWith("/")) {
      const found = this.canonical(resourceNode, name);
      if (found === undefined) {
        const hint = pointerSuggestion(nodeAt(resourceNode.doc.value, resourceNode.pointer)!, name);
        throw fail(
          "ref.unresolvable",
          `cannot resolve "${site.ref}": no node at #${name} in ${resourceNode.doc.file}` +
            (hint === undefined ? "" : `; did you mean "#${hint}"?`),
        );
      }
      target = found;
    } else {
      target = this.anchors.get(`${resource}#${name}`);
      if (target === undefined) {
        const names = [...this.anchors.keys()].filter((k) => k.startsWith(`${resource}#`)).map((k) => k.slice(resource.length + 1));
        throw fail("ref.unresolvable", `cannot resolve "${site.ref}": no anchor "${name}"${didYouMean(name, names)}`);
      }
    }
    if (!target.doc.schemas.has(target.pointer)) {
      const node = nodeAt(target.doc.value, target.pointer);
      if (typeof node !== "boolean" && !isJsonObject(node)) {
        throw fail(
          "ref.not-a-schema",
          `"${site.ref}" names ${target.doc.file}#${target.pointer}, which is ${describe(node)}, not a schema (an object or a boolean)`,
        );
      }
      this.adopt(target, node, resource);
    }
    return target;
  }

  /**
   * Makes a node that no keyword puts in a schema position (`#/definitions/a/full`, a member of an unknown
   * keyword) a schema, as ajv does when a `$ref` names it: its `$id`s, anchors and refs are indexed from there on,
   * and the bundler hoists it into the definitions under its own name. The base URI inside it is the resource's.
   */
  private adopt(target: NodeLocation, node: JsonValue, base: string): void {
    target.doc.adopted.add(target.pointer);
    this.walk(target.doc, target.pointer, node, base);
  }

  /** `pointer` (relative to `from`) as the canonical pointer of an existing node, or undefined. */
  private canonical(from: NodeLocation, pointer: string): NodeLocation | undefined {
    let result = from.pointer;
    for (const token of pointerTokens(pointer)) result = pointerAppend(result, token);
    return nodeAt(from.doc.value, result) === undefined ? undefined : { doc: from.doc, pointer: result };
  }

  private load(abs: string, real: string | undefined): Doc {
    const file = displayPath(abs, this.ctx.rootDir);
    const key = real ?? abs;
    let parsed = this.ctx.cache.documents.get(key);
    if (parsed === undefined) {
      parsed = readDocument(abs, file);
      this.ctx.cache.documents.set(key, parsed);
    }
    const rel = path.relative(this.schemasDir, abs).split(path.sep).join("/");
    const doc: Doc = { file, rel, value: parsed.value, locate: parsed.locate, schemas: new Set(), adopted: new Set(), refs: new Map() };
    this.docs.push(doc);
    this.byPath.set(abs, doc);
    return doc;
  }

  /** Walks one file by keyword position: records schema positions, `$id`s, anchors and `$ref`s. */
  private index(doc: Doc, uri: string): void {
    this.register(this.resources, uri, { doc, pointer: "" }, doc, "", "$id");
    this.walk(doc, "", doc.value, uri);
  }

  /** Indexes the schema at `start` and every subschema under it. */
  private walk(doc: Doc, start: string, value: JsonValue, uri: string): void {
    // Explicit stack; depth is bounded by MAX_DEPTH anyway, but this walker needs no such argument.
    const stack: [JsonValue, string, string][] = [[value, start, uri]];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const [node, pointer, inherited] = item;
      if (typeof node === "boolean") doc.schemas.add(pointer);
      if (!isJsonObject(node)) continue;
      doc.schemas.add(pointer);
      const base = this.identify(doc, pointer, node, inherited);
      for (const keyword of ["$dynamicRef", "$recursiveRef"]) {
        if (node[keyword] !== undefined) {
          throw this.error(
            "ref.dynamic-unsupported",
            doc,
            pointerAppend(pointer, keyword),
            `${keyword} is not supported in contracts; use $ref`,
          );
        }
      }
      const ref = node["$ref"];
      if (ref !== undefined) {
        const at = pointerAppend(pointer, "$ref");
        if (typeof ref !== "string") throw this.error("ref.invalid", doc, at, "$ref must be a string");
        doc.refs.set(at, { ref, base });
      }
      if (pointer !== "" && node["$schema"] !== undefined) this.draftAt(doc, pointer, node["$schema"]);
      const children = subschemas(node, pointer);
      for (let i = children.length - 1; i >= 0; i--) stack.push([...children[i]!, base]);
    }
  }

  /** Registers the `$id` and anchors of a schema object; returns the base URI inside it. */
  private identify(doc: Doc, pointer: string, node: Record<string, JsonValue>, inherited: string): string {
    let base = inherited;
    const here: NodeLocation = { doc, pointer };
    // `id` in draft-04, `$id` after; the other spelling is an unknown keyword (reported by strict mode).
    const idKeyword = draftFacts(this.draft).idKeyword;
    const id = node[idKeyword];
    if (id !== undefined) {
      const at = pointerAppend(pointer, idKeyword);
      if (typeof id !== "string") throw this.error("schema.invalid-id", doc, at, `${idKeyword} must be a string`);
      const fail = (_code: string, message: string) => this.error("schema.invalid-id", doc, at, message);
      const { resource, fragment } = resolveId(id, inherited, fail);
      if (!id.startsWith("#")) {
        base = resource;
        this.register(this.resources, base, here, doc, at, "$id");
      }
      // Draft-04 to -07 name anchors with `$id: "#name"` (`id` in draft-04).
      if (fragment !== "" && !fragment.startsWith("/")) {
        this.register(this.anchors, `${base}#${decode(fragment, fail)}`, here, doc, at, "anchor");
      }
    }
    for (const keyword of ["$anchor", "$dynamicAnchor"]) {
      const name = node[keyword];
      if (name === undefined) continue;
      const at = pointerAppend(pointer, keyword);
      if (typeof name !== "string") throw this.error("schema.invalid-anchor", doc, at, `${keyword} must be a string`);
      this.register(this.anchors, `${base}#${name}`, here, doc, at, "anchor");
    }
    return base;
  }

  private register(
    map: Map<string, NodeLocation>,
    key: string,
    loc: NodeLocation,
    doc: Doc,
    at: string,
    what: string,
  ): void {
    const existing = map.get(key);
    if (existing === undefined) map.set(key, loc);
    else if (existing.doc !== loc.doc || existing.pointer !== loc.pointer) {
      const code = what === "anchor" ? "schema.duplicate-anchor" : "schema.duplicate-id";
      throw this.error(code, doc, at, `${what} "${key}" is also declared at ${existing.doc.file}#${existing.pointer}`);
    }
  }

  /** Checks a `$schema`: known, and the root's draft everywhere but the root (which sets it). */
  private draftAt(doc: Doc, pointer: string, uri: JsonValue): Draft {
    const at = pointerAppend(pointer, "$schema");
    let draft = typeof uri === "string" ? draftOf(uri) : undefined;
    const variant = draft === undefined && typeof uri === "string" ? variantDraft(uri) : undefined;
    if (variant !== undefined && typeof uri === "string" && namesCurrent(uri)) {
      const older = olderDraftKeyword(nodeAt(doc.value, pointer) ?? null);
      if (older !== undefined) {
        const why = `this schema uses "${older.keyword}" (at ${older.pointer}), which ${variant} reads differently from the draft it was written for`;
        throw this.error("schema.ambiguous-draft", doc, at, `$schema ${JSON.stringify(uri)} names no draft, and ${why}; name that draft: ${draftList()}`);
      }
    }
    if (variant !== undefined) {
      draft = variant;
      if (doc === this.docs[0] && pointer === "") this.schemaUri = canonicalUri(variant);
      this.warnings.push({
        code: "schema.draft-spelling",
        file: doc.file,
        pointer: at,
        ...doc.locate(at),
        message: `$schema ${JSON.stringify(uri)} is not the draft's own URI; read as ${variant} (write ${JSON.stringify(canonicalUri(variant))})`,
      });
    }
    if (draft === undefined) {
      throw this.error(
        "schema.unknown-draft",
        doc,
        at,
        `unknown $schema ${JSON.stringify(uri)}; use ${draftList()}`,
      );
    }
    if (doc !== this.docs[0] || pointer !== "") {
      if (draft !== this.draft) {
        throw this.error(
          "schema.draft-mismatch",
          doc,
          at,
          `declares ${draft} but ${this.docs[0]!.file} is ${this.draft}; one bundle cannot mix drafts`,
        );
      }
    }
    return draft;
  }

  private error(code: string, doc: Doc, pointer: string, message: string): InputError {
    return inputError(code, { file: doc.file, pointer, ...doc.locate(pointer) }, message);
  }
}

function describe(node: JsonValue | undefined): string {
  if (Array.isArray(node)) return "an array";
  if (node === null) return "null";
  return `a ${typeof node}`;
}

/**
 * The pointer the user probably meant: the existing part of `pointer`, then for the first token that is missing,
 * the closest key there (`/definitions/Adress` → `/definitions/Address`) when the rest then exists.
 */
function pointerSuggestion(root: JsonValue, pointer: string): string | undefined {
  const tokens = pointerTokens(pointer);
  let node: JsonValue | undefined = root;
  let good = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isJsonObject(node)) return undefined;
    if (Object.hasOwn(node, token)) {
      node = node[token];
      good = pointerAppend(good, token);
      continue;
    }
    const match = closest(token, Object.keys(node));
    if (match === undefined) return undefined;
    let fixed = pointerAppend(good, match);
    for (const rest of tokens.slice(i + 1)) fixed = pointerAppend(fixed, rest);
    return nodeAt(root, fixed) === undefined ? undefined : fixed;
  }
  return undefined;
}
