import type { ContractManifest } from "../../discover/discover.js";

/**
 * One rule: a tool whose handler acts again on every run (`sideEffects: "unsafe"`) names the argument that
 * identifies one intended action (`idempotencyKey`), and every version of the contract requires it as a string.
 * Without it a retried or replayed call (a network retry, a model repeating itself) pays a refund twice.
 * @see https://docs.stripe.com/api/idempotent_requests
 */

/** A finding of this rule, before it is placed in a file (`where: "manifest"`: contract.json, else version N). */
export interface SideEffectFinding {
  readonly code: string;
  readonly where: "manifest" | number;
  readonly pointer: string;
  readonly message: string;
}

type Json = unknown;

function isObject(v: Json): v is { readonly [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A property schema, following local `$ref`s (at most 16, so a ref cycle ends). */
function resolve(root: Json, schema: Json): Json {
  let s = schema;
  for (let hops = 0; hops < 16 && isObject(s) && typeof s["$ref"] === "string" && s["$ref"].startsWith("#"); hops++) {
    const tokens = s["$ref"].slice(1).split("/").slice(1).map((t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~"));
    let at: Json = root;
    for (const t of tokens) at = isObject(at) && Object.prototype.hasOwnProperty.call(at, t) ? at[t] : undefined;
    s = at;
  }
  return s;
}

function isStringSchema(s: Json): boolean {
  if (!isObject(s)) return false;
  if (s["type"] === "string") return true;
  if (Array.isArray(s["enum"])) return s["enum"].length > 0 && s["enum"].every((v) => typeof v === "string");
  return typeof s["const"] === "string";
}

/** Checks one contract: its manifest and each version's (bundled) schema. */
export function checkIdempotencyKey(manifest: ContractManifest, versions: readonly { readonly version: number; readonly schema: Json }[]): SideEffectFinding[] {
  const { sideEffects, idempotencyKey: key } = manifest;
  if (manifest.kind === "model-output") {
    if (sideEffects === undefined && key === undefined) return [];
    const field = sideEffects !== undefined ? "sideEffects" : "idempotencyKey";
    return [{ code: "lint.side-effects-not-a-tool", where: "manifest", pointer: `/${field}`, message: `\`${field}\` describes a tool's handler; this contract is a model-output contract (kind: model-output): remove it` }];
  }
  if (key === undefined) {
    if (sideEffects !== "unsafe") return [];
    return [
      {
        code: "lint.unsafe-tool-without-idempotency-key",
        where: "manifest",
        pointer: "/sideEffects",
        message: 'the tool is `unsafe` (every run acts again) but names no `idempotencyKey`: add "idempotencyKey": "<a required string argument>" so a retried or replayed call cannot act twice',
      },
    ];
  }
  const out: SideEffectFinding[] = [];
  for (const { version, schema } of versions) {
    const properties = isObject(schema) ? schema["properties"] : undefined;
    const property = isObject(properties) && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (property === undefined || !isStringSchema(resolve(schema, property))) {
      const what = property === undefined ? "has no such top-level property" : "declares it with a type other than string";
      out.push({ code: "lint.idempotency-key-not-string", where: version, pointer: property === undefined ? "/properties" : `/properties/${escapeToken(key)}`, message: `idempotencyKey ${JSON.stringify(key)}: v${version} ${what}; it must be a required string argument` });
      continue;
    }
    const required = isObject(schema) ? schema["required"] : undefined;
    if (!Array.isArray(required) || !required.includes(key)) {
      out.push({ code: "lint.idempotency-key-not-required", where: version, pointer: "/required", message: `idempotencyKey ${JSON.stringify(key)} is optional in v${version}: list it in \`required\`, or a call without it cannot be told from a replay` });
    }
  }
  return out;
}
