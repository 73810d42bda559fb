/**
 * ajv strict-mode messages turned into strictness findings (`strict.<id>`, see src/strictness/findings.ts); the
 * policy decides later which of them are errors. Most messages name a keyword but not where it is, so each rule
 * finds the offending nodes by walking the schema with the same condition ajv checked; messages that carry a schema
 * path (strictTypes, strictTuples) are resolved to a pointer directly.
 */
import type { Diagnostic } from "../../errors.js";
import { type JsonObject, isJsonObject, pointerAppend } from "../../ir/json.js";
import { keywordPointers, subschemas } from "./walk.js";
import { classifyUnknownKeyword, findingCode, type FindingId } from "../../strictness/index.js";

interface Rule {
  readonly pattern: RegExp;
  readonly id: FindingId;
  /** Pointers to the offending keywords. */
  readonly locate: (match: RegExpExecArray, schema: JsonObject) => string[];
  readonly explain: (match: RegExpExecArray) => string;
}

const has = (node: JsonObject, keyword: string): boolean => Object.prototype.hasOwnProperty.call(node, keyword);
const quotedTypes = (types: string): string =>
  types
    .split(",")
    .map((t) => `"${t}"`)
    .join(" or ");

const RULES: readonly Rule[] = [
  {
    id: "unknown-keyword",
    pattern: /^unknown keyword: "(.*)"$/,
    locate: (m, schema) => keywordPointers(schema, m[1]!),
    explain: (m) =>
      `unknown keyword "${m[1]}": fix the spelling or remove it (strict mode rejects keywords it cannot check)`,
  },
  {
    id: "ignored-keyword",
    pattern: /^"additionalItems" is ignored when "items" is not an array of schemas$/,
    locate: (_m, schema) => keywordPointers(schema, "additionalItems", (n) => !Array.isArray(n["items"])),
    explain: () => `"additionalItems" has no effect unless "items" is an array of schemas; remove it`,
  },
  {
    id: "ignored-keyword",
    pattern: /^"if" without "then" and "else" is ignored$/,
    locate: (_m, schema) => keywordPointers(schema, "if", (n) => !has(n, "then") && !has(n, "else")),
    explain: () => `"if" without "then" or "else" has no effect; add a branch or remove it`,
  },
  {
    id: "ignored-keyword",
    pattern: /^"(then|else)" without "if" is ignored$/,
    locate: (m, schema) => keywordPointers(schema, m[1]!, (n) => !has(n, "if")),
    explain: (m) => `"${m[1]}" without "if" has no effect; add the "if" or remove it`,
  },
  {
    id: "ignored-keyword",
    pattern: /^"(minContains|maxContains)" without "contains" is ignored$/,
    locate: (m, schema) => keywordPointers(schema, m[1]!, (n) => !has(n, "contains")),
    explain: (m) => `"${m[1]}" without "contains" has no effect; add "contains" or remove it`,
  },
  {
    id: "ignored-keyword",
    pattern: /^"minContains" == 0 without "maxContains": "contains" keyword ignored$/,
    locate: (_m, schema) =>
      keywordPointers(
        schema,
        "minContains",
        (n) => n["minContains"] === 0 && !has(n, "maxContains") && has(n, "contains"),
      ),
    explain: () =>
      `"minContains": 0 without "maxContains" makes "contains" accept anything; set "maxContains" or remove both`,
  },
  {
    id: "unsatisfiable",
    pattern: /^"minContains" > "maxContains" is always invalid$/,
    locate: (_m, schema) =>
      keywordPointers(schema, "minContains", (n) => Number(n["minContains"]) > Number(n["maxContains"])),
    explain: () => `"minContains" is greater than "maxContains", so no array can be valid`,
  },
  {
    id: "overlapping-properties",
    pattern: /^property (.*) matches pattern (.*) \(use allowMatchingProperties\)$/,
    locate: (m, schema) =>
      subschemas(schema)
        .filter(({ node }) => isJsonObject(node["properties"]) && has(node["properties"], m[1]!))
        .filter(({ node }) => isJsonObject(node["patternProperties"]) && has(node["patternProperties"], m[2]!))
        .map(({ pointer }) => pointerAppend(pointerAppend(pointer, "properties"), m[1]!)),
    explain: (m) =>
      `property "${m[1]}" is also matched by patternProperties "${m[2]}", so both schemas apply; rename one or merge them`,
  },
  {
    id: "ignored-keyword",
    pattern: /^\$recursiveAnchor: false is ignored$/,
    locate: (_m, schema) => keywordPointers(schema, "$recursiveAnchor", (n) => n["$recursiveAnchor"] === false),
    explain: () => `"$recursiveAnchor": false has no effect; remove it`,
  },
  {
    id: "open-tuple",
    pattern:
      /^"(items|prefixItems)" is (\d+)-tuple, but minItems or maxItems\/(\w+) are not specified or different at path "(.*)"$/,
    locate: (m, schema) => [pointerAppend(schemaPathPointer(m[4]!, schema), m[1]!)],
    explain: (m) =>
      `"${m[1]}" describes a ${m[2]}-item tuple but the array length is open; add "minItems": ${m[2]} and either ` +
      `"maxItems": ${m[2]} or "${m[3]}": false`,
  },
  {
    id: "missing-type",
    pattern: /^missing type "(.*)" for keyword "(.*)" at "(.*)" \(strictTypes\)$/,
    locate: (m, schema) => [pointerAppend(schemaPathPointer(m[3]!, schema), m[2]!)],
    explain: (m) =>
      `keyword "${m[2]}" only applies to ${quotedTypes(m[1]!)} values, but this schema does not say so; add ` +
      `"type": ${m[1]!.includes(",") ? `[${quotedTypes(m[1]!).replace(/ or /g, ", ")}]` : `"${m[1]}"`}`,
  },
  {
    id: "type-conflict",
    pattern: /^type "(.*)" not allowed by context "(.*)" at "(.*)" \(strictTypes\)$/,
    locate: (m, schema) => [pointerAppend(schemaPathPointer(m[3]!, schema), "type")],
    explain: (m) => `type "${m[1]}" can never match: an enclosing schema only allows ${quotedTypes(m[2]!)}`,
  },
  {
    id: "type-conflict",
    pattern: /^(.*) at "(.*)" \(strictTypes\)$/,
    locate: (m, schema) => [schemaPathPointer(m[2]!, schema)],
    explain: (m) => m[1]!,
  },
];

/**
 * Findings for one ajv strict-mode message (with or without its "strict mode: " prefix). `known` lists the keywords
 * of the schema's draft, for "did you mean". An unknown keyword that is an annotation gives no finding.
 */
export function strictDiagnostic(message: string, schema: JsonObject, file: string, known: readonly string[] = []): Diagnostic[] {
  const text = message.replace(/^strict mode: /, "");
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match === null) continue;
    const pointers = rule.locate(match, schema);
    let id: FindingId = rule.id;
    let explanation = rule.explain(match);
    if (rule.id === "unknown-keyword") {
      const verdict = classifyUnknownKeyword(match[1]!, known);
      if (verdict === undefined) return [];
      id = verdict.id;
      explanation = verdict.message;
    }
    return (pointers.length > 0 ? pointers : [""]).map((pointer) => ({
      code: findingCode(id),
      file,
      pointer,
      message: explanation,
    }));
  }
  return [{ code: findingCode("type-conflict"), file, pointer: "", message: text }];
}

/**
 * JSON pointer for an ajv schema path `<baseId>#<fragment>`. The fragment is relative to the schema resource named
 * by baseId, which is the root unless a subschema has its own `$id`.
 */
function schemaPathPointer(schemaPath: string, schema: JsonObject): string {
  const hash = schemaPath.indexOf("#");
  const base = hash === -1 ? schemaPath : schemaPath.slice(0, hash);
  const fragment = hash === -1 ? "" : decodeURIComponent(schemaPath.slice(hash + 1));
  const idOf = (node: JsonObject): string | undefined => {
    const id = node["$id"];
    return typeof id === "string" ? id.replace(/#$/, "") : undefined;
  };
  if (base === "" || base === idOf(schema)) return fragment;
  const resource = subschemas(schema).find(({ node }) => {
    const id = idOf(node);
    return id !== undefined && id !== "" && base.endsWith(id);
  });
  return (resource?.pointer ?? "") + fragment;
}
