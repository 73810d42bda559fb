/**
 * `format`, as ajv with ajv-formats full mode checks it: a regular expression (compiled once at module level,
 * through `patternMatcher`) or one of our inlined function formats (validators/formats.ts), called directly
 * rather than through a formats object, so a bundle carries only the formats it calls. Custom formats from the
 * config are "u" regexes. Unknown formats are ignored, as ajv does when it compiles them at all.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-vocabularies-for-semantic-c
 */
import { Unsupported, type FastContext } from "./context.js";
import { patternMatcher } from "./pattern.js";
import { functionFormat } from "../validators/formats.js";
// ajv-formats' definitions with its quadratic regexes made linear (the same strings match).
import { RUN_FORMATS as FULL_FORMATS } from "../validators/format-regexes.js";

/** A format check: the JSON type it applies to and an expression of `value` that is true when it passes. */
export interface FormatCheck {
  readonly type: "string" | "number";
  readonly test: (value: string) => string;
}

export function formatCheck(ctx: FastContext, name: string): FormatCheck | undefined {
  if (Object.prototype.hasOwnProperty.call(ctx.customFormats, name)) {
    const matcher = patternMatcher(ctx, ctx.customFormats[name]!);
    return { type: "string", test: (v) => `${matcher}.test(${v})` };
  }
  if (!Object.prototype.hasOwnProperty.call(FULL_FORMATS, name)) return undefined;
  const definition = FULL_FORMATS[name]!;
  const [type, validate] =
    definition instanceof RegExp || typeof definition === "function"
      ? ["string", definition]
      : [definition.type ?? "string", definition.validate];
  if (typeof definition === "object" && !(definition instanceof RegExp) && definition.async === true)
    throw new Unsupported(`async format "${name}"`);
  if (type !== "string" && type !== "number") throw new Unsupported(`format "${name}" of type ${type}`);
  if (validate instanceof RegExp) {
    const matcher = patternMatcher(ctx, validate.source, validate.flags);
    return { type, test: (v) => `${matcher}.test(${v})` };
  }
  const inlined = functionFormat(name);
  if (inlined === undefined) throw new Unsupported(`format "${name}" (no inlined implementation)`);
  ctx.helpers.add(inlined.fn.name);
  return { type, test: (v) => `${inlined.fn.name}(${v})` };
}
