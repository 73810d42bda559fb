/**
 * A schema as a readable tree: each node's type, whether it is required, its enum or const values, its limits and
 * the description the model sees; properties, items and branches nested below. `$ref`s are shown as links to the
 * definition's own entry, never followed, so the tree is as large as the document and cycles end by themselves.
 * Depth and node count are bounded; what is cut is said.
 */
import type { JsonObject, JsonValue } from "../../ir/json.js";
import { anchorId, html, join, type Html } from "../../html/escape.js";

const MAX_DEPTH = 24;
const MAX_NODES = 2_000;
const MAX_ENUM = 50;

/** Keywords shown as `name: value` limits on a node. */
const LIMITS = [
  "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "default", "deprecated", "readOnly", "writeOnly",
] as const;

/** Keywords whose value is one subschema, shown as a child named by the keyword. */
const SINGLE = ["items", "additionalProperties", "contains", "not", "if", "then", "else", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems"] as const;
const LISTS = ["prefixItems", "anyOf", "oneOf", "allOf"] as const;

interface Budget {
  nodes: number;
  /** Prefix of anchor ids: the version the tree belongs to. */
  readonly idPrefix: string;
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** The tree of a whole schema, with its `$defs` / `definitions` as further roots. */
export function schemaTree(schema: JsonObject, idPrefix: string): Html {
  const budget: Budget = { nodes: 0, idPrefix };
  const root = html`<ul class="tree">${node("(root)", schema, false, 0, budget)}</ul>`;
  const defs: Html[] = [];
  for (const keyword of ["$defs", "definitions"]) {
    const group = schema[keyword];
    if (!isObject(group)) continue;
    for (const name of Object.keys(group).sort()) {
      const pointer = `#/${keyword}/${escapeToken(name)}`;
      defs.push(html`<ul class="tree" id="${defAnchor(idPrefix, pointer)}">${node(pointer, group[name]!, false, 0, budget)}</ul>`);
    }
  }
  const cut = budget.nodes > MAX_NODES ? html`<p class="muted">The tree is cut after ${MAX_NODES} nodes; the full schema is below.</p>` : html``;
  return html`${root}${defs.length > 0 ? html`<h4>Definitions</h4>${defs}` : html``}${cut}`;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function defAnchor(prefix: string, ref: string): string {
  return `${prefix}-def-${anchorId(ref)}`;
}

function node(label: string, schema: JsonValue, required: boolean, depth: number, budget: Budget): Html {
  budget.nodes++;
  if (budget.nodes > MAX_NODES) return html``;
  const head = html`<span class="key">${label}</span>${required ? html` <span class="req">required</span>` : html``}`;
  if (typeof schema === "boolean") return html`<li>${head}: <span class="type">${schema ? "anything" : "nothing (false)"}</span></li>`;
  if (!isObject(schema)) return html`<li>${head}: <span class="muted">not a schema</span></li>`;
  const bits: Html[] = [];
  const type = schema["type"];
  if (type !== undefined) bits.push(html`<span class="type">${Array.isArray(type) ? type.map(String).join(" | ") : String(type)}</span>`);
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    bits.push(ref.startsWith("#/") ? html`→ <a href="${`#${defAnchor(budget.idPrefix, ref)}`}"><code>${ref}</code></a>` : html`→ <code>${ref}</code>`);
  }
  if ("const" in schema) bits.push(html`const <span class="enum"><code>${JSON.stringify(schema["const"])}</code></span>`);
  const values = schema["enum"];
  if (Array.isArray(values)) {
    const shown = values.slice(0, MAX_ENUM).map((v) => html`<code>${JSON.stringify(v)}</code>`);
    bits.push(html`one of <span class="enum">${join(shown, " ")}</span>${values.length > MAX_ENUM ? html` <span class="muted">and ${values.length - MAX_ENUM} more</span>` : html``}`);
  }
  for (const k of LIMITS) if (k in schema) bits.push(html`<span class="muted">${k}: <code>${JSON.stringify(schema[k])}</code></span>`);
  const title = schema["title"];
  const description = schema["description"];
  const text = [typeof title === "string" ? html`<div class="desc"><strong>${title}</strong></div>` : html``, typeof description === "string" ? html`<div class="desc">${description}</div>` : html``];
  if (depth >= MAX_DEPTH) return html`<li>${head}: ${join(bits, " ")} <span class="muted">(nested deeper than ${MAX_DEPTH} levels: see the full schema)</span>${text}</li>`;
  const children: Html[] = [];
  const props = schema["properties"];
  const req = new Set(Array.isArray(schema["required"]) ? schema["required"].filter((r): r is string => typeof r === "string") : []);
  if (isObject(props)) for (const name of Object.keys(props)) children.push(node(name, props[name]!, req.has(name), depth + 1, budget));
  const patterns = schema["patternProperties"];
  if (isObject(patterns)) for (const p of Object.keys(patterns)) children.push(node(`/${p}/`, patterns[p]!, false, depth + 1, budget));
  for (const k of SINGLE) {
    const sub = schema[k];
    if (isObject(sub) || typeof sub === "boolean") children.push(node(`[${k}]`, sub, false, depth + 1, budget));
  }
  if (Array.isArray(schema["items"])) schema["items"].forEach((s, i) => children.push(node(`[items ${i}]`, s, false, depth + 1, budget)));
  for (const k of LISTS) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach((s, i) => children.push(node(`[${k} ${i + 1}]`, s, false, depth + 1, budget)));
  }
  const nested = children.length > 0 ? html`<ul>${children}</ul>` : html``;
  return html`<li>${head}${bits.length > 0 ? html`: ${join(bits, " ")}` : html``}${text}${nested}</li>`;
}
