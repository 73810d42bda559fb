import type { InputError } from "../errors.js";

/**
 * Virtual URIs for schema files: `lc-file:///` + the path relative to the schemas folder. They give every file a
 * base for `$id` and relative `$ref` resolution without putting absolute paths of this machine into anything.
 */
export const FILE_SCHEME = "lc-file:";

/** Base URI of the file at `rel` (relative to the schemas folder, `/` separators). */
export function fileUri(rel: string): string {
  return new URL(rel.split("/").map(encodeURIComponent).join("/"), `${FILE_SCHEME}///`).href;
}

/** The relative file path a virtual file URI names (percent-decoded). */
export function fileRelPath(uri: string): string {
  return decodeURIComponent(new URL(uri).pathname.slice(1));
}

/** A URI reference split into the absolute URI of the resource it names and its raw (still encoded) fragment. */
export interface UriTarget {
  readonly resource: string;
  readonly fragment: string;
}

export type Fail = (code: string, message: string) => InputError;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Resolves a `$ref` against a base URI (which has no fragment). Throws through `fail` for references that are
 * wrong whatever files exist: unparsable, `file:` URLs, absolute paths, remote hosts spelled relative (`//host`),
 * and relative paths climbing out of the schemas folder.
 */
export function resolveRef(reference: string, base: string, fail: Fail): UriTarget {
  const uriPart = splitFragment(reference)[0];
  const scheme = SCHEME.exec(uriPart)?.[1]?.toLowerCase();
  // A one-letter scheme is a Windows drive letter (`C:/...`), i.e. an absolute path.
  if (scheme === "file" || scheme?.length === 1) {
    throw fail("ref.escapes-root", "file URLs and absolute paths are not allowed; use a path relative to this file");
  }
  if (scheme === undefined && uriPart !== "" && base.startsWith(FILE_SCHEME)) {
    if (uriPart.startsWith("//")) {
      throw fail("ref.remote", `"${uriPart}" names a remote host; refs are resolved offline only`);
    }
    if (uriPart.startsWith("/")) {
      throw fail("ref.escapes-root", "absolute paths are not allowed; use a path relative to this file");
    }
    // URL resolution silently clamps `..` at the root, which would hide an escape: count the levels ourselves.
    if (climbsAboveRoot(new URL(base).pathname, decode(uriPart, fail))) {
      throw fail("ref.escapes-root", `"${uriPart}" resolves outside the schemas folder`);
    }
  }
  const target = resolveId(reference, base, fail);
  const url = new URL(target.resource);
  if (url.protocol === FILE_SCHEME && url.search !== "") {
    throw fail("ref.invalid", `"${uriPart}": a file reference cannot have a query string`);
  }
  return target;
}

/**
 * Resolves an `$id` (or a `$ref` already checked by `resolveRef`) against a base URI. An `$id` is only a name, so
 * no file rules apply; only an unparsable one fails.
 */
export function resolveId(reference: string, base: string, fail: Fail): UriTarget {
  const [uriPart, fragment] = splitFragment(reference);
  if (uriPart === "") return { resource: base, fragment };
  let url: URL;
  try {
    url = new URL(uriPart, base);
  } catch {
    throw fail("ref.invalid", `"${uriPart}" is not a valid URI reference`);
  }
  url.hash = "";
  return { resource: url.href, fragment };
}

function splitFragment(reference: string): [string, string] {
  const hash = reference.indexOf("#");
  return hash === -1 ? [reference, ""] : [reference.slice(0, hash), reference.slice(hash + 1)];
}

function climbsAboveRoot(basePath: string, relative: string): boolean {
  const segments = basePath.split("/").slice(1, -1);
  for (const segment of relative.split("/")) {
    if (segment === "..") {
      if (segments.length === 0) return true;
      segments.pop();
    } else if (segment !== "." && segment !== "") {
      segments.push(segment);
    }
  }
  return false;
}

/** Percent-decodes a fragment or path; malformed escapes are an error, not a guess. */
export function decode(text: string, fail: Fail): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw fail("ref.invalid", `"${text}" has an invalid percent-escape`);
  }
}

/**
 * `#` + a JSON pointer as a URI fragment. Only characters a fragment cannot hold are percent-encoded, so the
 * common case stays readable (`#/$defs/Money`) while ajv and other consumers decode the rest correctly.
 */
export function pointerFragment(pointer: string, fail: Fail): string {
  try {
    return `#${pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]+/g, encodeURIComponent)}`;
  } catch {
    // encodeURIComponent rejects lone surrogates, which JSON keys may contain.
    throw fail("ref.invalid", "the target's JSON pointer contains a lone surrogate and cannot be written as a URI");
  }
}

/**
 * True for a URI naming something to fetch: any scheme but our own files and location-free names, and our own
 * scheme with a host (`lc-file://host/...`, from an `$id` or ref spelled `//host/...`).
 */
export function isRemote(resource: string): boolean {
  const scheme = SCHEME.exec(resource)?.[1]?.toLowerCase();
  if (`${scheme}:` === FILE_SCHEME) return !resource.startsWith(`${FILE_SCHEME}///`);
  return scheme !== undefined && scheme !== "urn" && scheme !== "tag";
}
