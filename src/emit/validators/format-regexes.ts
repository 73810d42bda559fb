/**
 * The ajv-formats full-mode definitions as generated validators run them: ajv-formats' own, with regexes that
 * backtrack in quadratic time rewritten to ones that match exactly the same strings in linear time. Both ajv (the
 * in-memory validator and the code it writes) and the fast path (src/emit/fast/formats.ts) read them from here, so
 * the two never disagree.
 *
 * `url`: its user-info part `(?:\S+(?::\S*)?@)?` lets the engine split a run of non-space characters between `\S+`
 * and `:\S*` at every colon and scan on for an `@` from each split: `ftp://` + 16,000 colons + `@` + 16,000 letters
 * and a space took 1.5 s (64 KB: 6.5 s; each doubling four times longer). Since `:` is itself a non-space character,
 * `\S+(?::\S*)?` and `\S+` are the same set of strings; `\S+@` leaves one way to read the user info.
 * @see https://github.com/ajv-validator/ajv-formats/blob/master/src/formats.ts
 */
import { createRequire } from "node:module";

export type FormatDefinition = RegExp | ((value: never) => boolean) | { readonly type?: string; readonly validate: unknown; readonly async?: boolean };

const require = createRequire(import.meta.url);
const FULL_FORMATS = (require("ajv-formats/dist/formats") as { fullFormats: Record<string, FormatDefinition> }).fullFormats;

const USER_INFO = "(?:\\S+(?::\\S*)?@)?";

function linearUrl(): RegExp {
  const url = FULL_FORMATS["url"];
  if (!(url instanceof RegExp) || !url.source.includes(USER_INFO)) throw new Error("ajv-formats' url format changed: review src/emit/validators/format-regexes.ts");
  return new RegExp(url.source.replace(USER_INFO, "(?:\\S+@)?"), url.flags);
}

/** The regex formats replaced, by name (ajv gets them with `addFormat` after ajv-formats). */
export const LINEAR_FORMATS: Readonly<Record<string, RegExp>> = { url: linearUrl() };

/** Every full-mode format definition, the replaced ones included. */
export const RUN_FORMATS: Readonly<Record<string, FormatDefinition>> = { ...FULL_FORMATS, ...LINEAR_FORMATS };
