import path from "node:path";
import { isJsonObject, pointerTokens, type JsonValue } from "../ir/json.js";
import type { ParsedDocument } from "./read.js";
import type { UriTarget } from "./uri.js";

/** Parsed files shared by several loads in one build, keyed by real path. Cached values are never mutated. */
export class LoadCache {
  readonly documents = new Map<string, ParsedDocument>();
}

/** One file taking part in a bundle. */
export interface Doc {
  /** Display path (relative to the project root). */
  readonly file: string;
  /** Path relative to the schemas folder, `/` separators. */
  readonly rel: string;
  readonly value: JsonValue;
  readonly locate: ParsedDocument["locate"];
  /** Every schema position the indexer visited, by pointer. Only these can be `$ref` targets. */
  readonly schemas: Set<string>;
  /** Nodes outside schema positions that a `$ref` names, indexed as schemas and hoisted by the bundler. */
  readonly adopted: Set<string>;
  /** Every `$ref` in the file, by the pointer of the `$ref` member. */
  readonly refs: Map<string, RefSite>;
}

export interface RefSite {
  readonly ref: string;
  /** Base URI in effect where the `$ref` appears. */
  readonly base: string;
  uri?: UriTarget;
  target?: NodeLocation;
}

export interface NodeLocation {
  readonly doc: Doc;
  readonly pointer: string;
}

/** The node at a JSON pointer, or undefined. Array indexes must be canonical (`0`, `12`, never `01`). */
export function nodeAt(value: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}

export function displayPath(abs: string, rootDir: string): string {
  return path.relative(rootDir, abs).split(path.sep).join("/");
}

export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
