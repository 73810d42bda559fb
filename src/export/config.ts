import type { ProviderProfile } from "../config/config.js";
import type { KeywordPolicy } from "../lint/keywords.js";
import { PROFILES, type RuleSetting } from "../lint/profiles/index.js";
import type { RegexFeature } from "../lint/regex.js";

/**
 * What lowering does for a profile, read from the profile's own rule settings so lint and export cannot disagree:
 * a rule the profile turns on is a transform export applies (when the rule marks its findings lowered/dropped).
 */
export interface LoweringConfig {
  readonly profile: ProviderProfile;
  readonly requireAll: boolean;
  readonly closeObjects: boolean;
  readonly keywords: KeywordPolicy | undefined;
  readonly inlineRefs: boolean;
  readonly formats: readonly string[] | undefined;
  readonly minItemsMax: number | undefined;
  readonly regex: { readonly deny: readonly RegexFeature[]; readonly largeRepeat: number } | undefined;
  readonly refSiblings: boolean;
  /** Enum value types the provider takes; `null` outside it is lowered to a nullable alternative. */
  readonly enumTypes: readonly string[] | undefined;
  /** OpenAPI 3.0 form: `nullable: true` instead of type arrays and `type: "null"`. */
  readonly openapiNullable: boolean;
  /** Remove `$schema`/`$id` from the root: the provider fixes its own dialect. */
  readonly stripDialect: boolean;
}

function setting(profile: ProviderProfile, rule: string): Record<string, unknown> | undefined {
  const s: RuleSetting | undefined = PROFILES[profile].rules[rule];
  if (s === undefined || s === "off") return undefined;
  return typeof s === "string" ? {} : s[0] === "off" ? undefined : s[1];
}

export function loweringConfig(profile: ProviderProfile): LoweringConfig {
  const kw = setting(profile, "dropped-keyword") as (KeywordPolicy & { inlineRefs?: boolean }) | undefined;
  const fmt = setting(profile, "unsupported-format") as { allowed?: readonly string[] } | undefined;
  const min = setting(profile, "min-items-limit") as { max?: number } | undefined;
  const re = setting(profile, "regex-portability") as { deny?: readonly RegexFeature[]; largeRepeat?: number } | undefined;
  const en = setting(profile, "enum-value-types") as { allowed?: readonly string[] } | undefined;
  return {
    profile,
    requireAll: setting(profile, "optional-property") !== undefined,
    closeObjects: setting(profile, "additional-properties-missing") !== undefined,
    keywords: kw,
    inlineRefs: kw?.inlineRefs === true,
    formats: fmt === undefined ? undefined : (fmt.allowed ?? []),
    minItemsMax: min === undefined ? undefined : (min.max ?? 1),
    regex: re === undefined ? undefined : { deny: re.deny ?? ["lookaround", "backreference", "word-boundary", "large-repetition"], largeRepeat: re.largeRepeat ?? 100 },
    refSiblings: setting(profile, "ref-siblings") !== undefined,
    enumTypes: en === undefined ? undefined : (en.allowed ?? ["string", "number", "boolean", "null"]),
    openapiNullable: setting(profile, "type-array") !== undefined,
    stripDialect: profile !== "anthropic" && profile !== "mcp",
  };
}
