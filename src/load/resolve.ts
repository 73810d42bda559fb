import fs from "node:fs";
import path from "node:path";
import { inputError, type InputError } from "../errors.js";
import { draftOf, isJsonObject, pointerAppend, pointerTokens, type Draft, type JsonValue } from "../ir/json.js";
import { displayPath, isInside, nodeAt, type Doc, type LoadCache, type NodeLocation, type RefSite } from "./doc.js";
import { MAX_FILES } from "./limits.js";
import { readDocument, SCHEMA_EXTENSIONS } from "./read.js";
import { decode, FILE_SCHEME, fileRelPath, fileUri, isRemote, resolveId, resolveRef } from "./uri.js";
import { subschemas } from "../ir/keywords.js";

/** The files of one bundle with every `$ref` resolved to the node it names. */
export interface FileSet {
  readonly root: Doc;
  readonly docs: readonly Doc[];
  readonly draft: Draft;
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
  for (let i = 0; i < files.docs.length; i++) files.discover(files.docs[i]!);
  for (const doc of files.docs) for (const [pointer, site] of doc.refs) site.target = files.resolve(doc, pointer, site);
  return {
    root,
    docs: files.docs,
    draft: files.draft,
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
  private readonly schemasDir: string;
  private readonly byPath = new Map<string, Doc>();
  /** Absolute URI (no fragment) → node: file URIs and every `$id`. */
  private readonly resources = new Map<string, NodeLocation>();
  /** `resource#name` → node, for `$anchor`, `$dynamicAnchor` and draft-07 `$id: "#name"`. */
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
      try {
        real = fs.realpathSync(abs);
      } catch {
        continue; // Missing: reported by `resolve` unless an `$id` turns out to match.
      }
      this.realSchemasDir ??= fs.realpathSync(this.schemasDir);
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
        throw fail("ref.unresolvable", `cannot resolve "${site.ref}": no node at #${name} in ${resourceNode.doc.file}`);
      }
      target = found;
    } else {
      target = this.anchors.get(`${resource}#${name}`);
      if (target === undefined) throw fail("ref.unresolvable", `cannot resolve "${site.ref}": no anchor "${name}"`);
    }
    if (!target.doc.schemas.has(target.pointer)) {
      throw fail(
        "ref.not-a-schema",
        `"${site.ref}" names ${target.doc.file}#${target.pointer}, which is not a schema position (move it under $defs)`,
      );
    }
    return target;
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
    const doc: Doc = { file, rel, value: parsed.value, locate: parsed.locate, schemas: new Set(), refs: new Map() };
    this.docs.push(doc);
    this.byPath.set(abs, doc);
    return doc;
  }

  /** Walks one file by keyword position: records schema positions, `$id`s, anchors and `$ref`s. */
  private index(doc: Doc, uri: string): void {
    this.register(this.resources, uri, { doc, pointer: "" }, doc, "", "$id");
    // Explicit stack; depth is bounded by MAX_DEPTH anyway, but this walker needs no such argument.
    const stack: [JsonValue, string, string][] = [[doc.value, "", uri]];
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
    const id = node["$id"];
    if (id !== undefined) {
      const at = pointerAppend(pointer, "$id");
      if (typeof id !== "string") throw this.error("schema.invalid-id", doc, at, "$id must be a string");
      const fail = (_code: string, message: string) => this.error("schema.invalid-id", doc, at, message);
      const { resource, fragment } = resolveId(id, inherited, fail);
      if (!id.startsWith("#")) {
        base = resource;
        this.register(this.resources, base, here, doc, at, "$id");
      }
      // Draft-07 names anchors with `$id: "#name"`.
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
    const draft = typeof uri === "string" ? draftOf(uri) : undefined;
    if (draft === undefined) {
      throw this.error(
        "schema.unknown-draft",
        doc,
        at,
        `unknown $schema ${JSON.stringify(uri)}; use draft-07, 2019-09 or 2020-12`,
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
