import type { JsonObject, JsonValue } from "../../../src/ir/json.js";
import type { TypeCase } from "./harness.js";

/** Text that breaks naive code generation: comment and template terminators, quotes, line separators, emoji. */
export const HOSTILE_KEYS = [
  "*/",
  "/*",
  "*/ export const pwned = 1; /*",
  "${process.exit(1)}",
  "`backtick`",
  "\"double\" 'single'",
  "back\\slash",
  "line\nbreak",
  "carriage\rreturn",
  "sep\u2028arator",
  "para\u2029graph",
  "emoji 🎉",
  "constructor",
  "default",
  "class",
  "__proto__",
  "hasOwnProperty",
  "toString",
  "",
  "0",
  "1st",
  "a b",
  "$k0",
  "[k: string]",
];

/** Also a lone surrogate, which ajv cannot take as a property name (it URI-encodes schema paths). */
export const HOSTILE = [...HOSTILE_KEYS, "lone \uD83D surrogate"];

const parse = (text: string): JsonObject => JSON.parse(text) as JsonObject;

/** An object with one key per hostile string: built through JSON.parse so `__proto__` is an own key. */
function keyed(value: (key: string) => JsonValue): JsonObject {
  return parse(`{${HOSTILE_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value(k))}`).join(",")}}`);
}

export const hostileCases: readonly TypeCase[] = [
  {
    name: "hostile property names",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: keyed(() => ({ type: "string" })),
      required: ["__proto__", "hasOwnProperty"],
      additionalProperties: false,
    },
    // ajv never applies `properties.__proto__`, so its value is free (`__proto__: 1` passes).
    accepts: [keyed((k) => k), parse('{"__proto__":1,"hasOwnProperty":"h"}')],
    rejectsIfPrecise: [{ hasOwnProperty: "h" }, parse('{"__proto__":"p","hasOwnProperty":1}')],
  },
  {
    name: "hostile descriptions, titles, examples, defaults and patterns",
    draft: "2020-12",
    schema: {
      type: "object",
      description: HOSTILE.join(" | "),
      title: "*/ export const t = 1; /*",
      examples: [{ "*/": "*/ export const e = 1; /*" }],
      default: { a: "*/ export const d = 1; /*" },
      $comment: "*/ export const c = 1; /*",
      properties: keyed((k) => ({
        description: k,
        title: k,
        examples: [k],
        default: k,
        deprecated: true,
        type: "number",
      })),
      patternProperties: { "a*/ export const p = 1; /*": { type: "number" } },
      additionalProperties: false,
      $defs: {
        "*/ def": { description: "*/ export const d2 = 1; /*", title: "*/ export const t2 = 1; /*", type: "boolean" },
      },
    },
    accepts: [{}, { "*/": 1, "/ export const p = 1; ": 2 }],
    // Titles, examples, defaults, `$comment`s and patterns never reach the output; descriptions do, escaped.
    contains: ["*\\/ export const d2 = 1; /*", "@deprecated"],
    excludes: ["const t =", "const e =", "const d =", "const c =", "const p =", "const t2 ="],
  },
  {
    name: "hostile enum and const strings",
    draft: "2020-12",
    schema: { enum: [...HOSTILE, { [HOSTILE[2]!]: HOSTILE[3]! }] },
    accepts: [...HOSTILE, { [HOSTILE[2]!]: HOSTILE[3]! }],
    rejectsIfPrecise: ["not in the list"],
  },
  {
    name: "object const with __proto__ and hasOwnProperty keys",
    draft: "2020-12",
    schema: parse('{"const":{"__proto__":{"hasOwnProperty":[1]},"constructor":null}}'),
    accepts: [parse('{"__proto__":{"hasOwnProperty":[1]},"constructor":null}')],
    rejectsIfPrecise: [parse('{"__proto__":{"hasOwnProperty":[2]},"constructor":null}')],
  },
  {
    name: "jsts extensions are stripped (tsType is verbatim code)",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: {
        t: { type: "string", tsType: "Date; export const pwned = 1" },
        e: { type: "string", enum: ["a", "b"], tsEnumNames: ["A", "B"] },
        i: { $id: "https://example.com/evil", type: "string" },
      },
    },
    accepts: [{ t: "x", e: "a", i: "z" }],
    rejectsIfPrecise: [{ e: "c" }],
    excludes: ["Date", "pwned", "enum ", "Evil"],
  },
];
