/**
 * The JSON Schema drafts we compile, and every fact that differs between them: one table, read by the loader
 * (identifiers, where bundling hoists definitions), the type emitter (tuples, `unevaluated*`), the validators (which
 * ajv class, which meta-schema), lint and export (lowering old forms for providers). Code asks the table about a
 * fact ("are exclusive bounds booleans here?") instead of comparing draft names, so adding a draft is one row.
 *
 * What is *not* here: which keywords hold subschemas (`keywords.ts`: the same in every draft we take, since a
 * keyword that is unknown to a draft is rejected by its meta-schema or strict mode before anything walks it).
 * @see https://json-schema.org/specification-links
 */

/** JSON Schema drafts we compile. A file without `$schema` is 2020-12. */
export type Draft = "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12";

/** Which ajv class validates a draft (the classes themselves live in `emit/validators/ajv.ts`). */
export type AjvClass = "ajv-draft-04" | "ajv" | "ajv-2019" | "ajv-2020";

export interface DraftFacts {
  /** `$schema` values that name the draft. */
  readonly uris: readonly string[];
  /** The keyword that gives a schema its URI (and, as `"#name"`, a plain-name anchor before 2019-09). */
  readonly idKeyword: "id" | "$id";
  /** Where bundling hoists definitions from other files: the draft's own definitions keyword. */
  readonly defsKeyword: "definitions" | "$defs";
  /**
   * The spec makes `$ref` override its siblings (before 2019-09). ajv, and so every validator we generate,
   * applies them anyway, in every draft (the conformance suite lists the cases). A reader may ignore them only
   * where that widens its result (types); anything that must agree with the validator applies them.
   */
  readonly refOverridesSiblings: boolean;
  /** Tuples: `prefixItems` + `items` (2020-12), or `items: [...]` + `additionalItems`. */
  readonly tupleKeywords: { readonly prefix: "items" | "prefixItems"; readonly rest: "additionalItems" | "items" };
  /** `unevaluatedProperties`/`unevaluatedItems` exist (2019-09 on). */
  readonly unevaluated: boolean;
  /** `contains` marks the items it matches as evaluated for `unevaluatedItems` (2020-12). */
  readonly containsEvaluates: boolean;
  /** Draft-04: `exclusiveMinimum`/`exclusiveMaximum` are booleans modifying `minimum`/`maximum`. */
  readonly booleanExclusiveBounds: boolean;
  /** `dependencies` (array or schema values) rather than `dependentRequired`/`dependentSchemas`. */
  readonly dependenciesKeyword: boolean;
  readonly ajvClass: AjvClass;
  /**
   * A meta-schema the ajv class does not load by default, from ajv's own `dist/refs` (module path under `ajv/`).
   * Draft-06 is validated by ajv's draft-07 class with the draft-06 meta-schema added, as ajv documents.
   */
  readonly extraMetaSchema?: "draft-06";
}

export const DRAFTS: Readonly<Record<Draft, DraftFacts>> = {
  "draft-04": {
    uris: ["http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-04/schema#"],
    idKeyword: "id",
    defsKeyword: "definitions",
    refOverridesSiblings: true,
    tupleKeywords: { prefix: "items", rest: "additionalItems" },
    unevaluated: false,
    containsEvaluates: false,
    booleanExclusiveBounds: true,
    dependenciesKeyword: true,
    ajvClass: "ajv-draft-04",
  },
  "draft-06": {
    uris: ["http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-06/schema#"],
    idKeyword: "$id",
    defsKeyword: "definitions",
    refOverridesSiblings: true,
    tupleKeywords: { prefix: "items", rest: "additionalItems" },
    unevaluated: false,
    containsEvaluates: false,
    booleanExclusiveBounds: false,
    dependenciesKeyword: true,
    ajvClass: "ajv",
    extraMetaSchema: "draft-06",
  },
  "draft-07": {
    uris: ["http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#"],
    idKeyword: "$id",
    defsKeyword: "definitions",
    refOverridesSiblings: true,
    tupleKeywords: { prefix: "items", rest: "additionalItems" },
    unevaluated: false,
    containsEvaluates: false,
    booleanExclusiveBounds: false,
    dependenciesKeyword: true,
    ajvClass: "ajv",
  },
  "2019-09": {
    uris: ["https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2019-09/schema#"],
    idKeyword: "$id",
    defsKeyword: "$defs",
    refOverridesSiblings: false,
    tupleKeywords: { prefix: "items", rest: "additionalItems" },
    unevaluated: true,
    containsEvaluates: false,
    booleanExclusiveBounds: false,
    dependenciesKeyword: false,
    ajvClass: "ajv-2019",
  },
  "2020-12": {
    uris: ["https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#"],
    idKeyword: "$id",
    defsKeyword: "$defs",
    refOverridesSiblings: false,
    tupleKeywords: { prefix: "prefixItems", rest: "items" },
    unevaluated: true,
    containsEvaluates: true,
    booleanExclusiveBounds: false,
    dependenciesKeyword: false,
    ajvClass: "ajv-2020",
  },
};

/** Every draft, oldest first (for messages and tests). */
export const ALL_DRAFTS: readonly Draft[] = Object.keys(DRAFTS) as Draft[];

export const DRAFT_URIS: Readonly<Record<Draft, readonly string[]>> = Object.fromEntries(
  ALL_DRAFTS.map((d) => [d, DRAFTS[d].uris]),
) as Record<Draft, readonly string[]>;

/** The facts of one draft. */
export function draftFacts(draft: Draft): DraftFacts {
  return DRAFTS[draft];
}

/** Returns the draft a `$schema` URI names, or undefined for an unknown one. No `$schema` means 2020-12. */
export function draftOf(uri: string | undefined): Draft | undefined {
  if (uri === undefined) return "2020-12";
  return ALL_DRAFTS.find((draft) => DRAFTS[draft].uris.includes(uri));
}

/** "draft-04, draft-06, draft-07, 2019-09 or 2020-12", for messages. */
export function draftList(): string {
  return `${ALL_DRAFTS.slice(0, -1).join(", ")} or ${ALL_DRAFTS[ALL_DRAFTS.length - 1]!}`;
}
