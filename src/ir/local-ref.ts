/**
 * A `$ref` to a JSON pointer in the same document (`#`, `#/$defs/A`, percent- and `~`-escaped), resolved in its
 * root: the only form a bundled schema holds (src/load/bundle.ts writes every `$ref` so). Anything else (an anchor,
 * another document, bad percent-encoding, no node there) is undefined.
 * @see https://datatracker.ietf.org/doc/html/rfc6901
 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-3.5
 */
import { isJsonObject, type JsonObject, type JsonValue } from "./json.js";

export interface LocalTarget {
  /** The schema the reference names (an object or a boolean). */
  readonly node: JsonObject | boolean;
  /** Its JSON pointer in the root, unescaped (`""` for the root). */
  readonly pointer: string;
}

export function localTarget(root: JsonObject, ref: string): LocalTarget | undefined {
  if (!ref.startsWith("#")) return undefined;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (pointer !== "" && !pointer.startsWith("/")) return undefined;
  let node: JsonValue | undefined = root;
  for (const raw of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return typeof node === "boolean" || isJsonObject(node) ? { node, pointer } : undefined;
}
