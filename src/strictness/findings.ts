/**
 * The strictness policy's finding codes, as data. Each finding is a `Diagnostic` with code `strict.<id>`; its
 * severity comes from the project config (`"strict": { "<id>": "error" | "warn" | "off" }`) or the default here.
 *
 * Why two defaults: a schema that is surely a mistake (a keyword that is one typo away from a real one, a
 * constraint no value can meet) is refused, because shipping it would silently validate less than its author
 * meant. What is only style, portability or beyond what a validator can check (a keyword without the `type` it
 * applies to, an open tuple, a vendor keyword, a format nobody implements) is reported and built: real schemas are
 * full of it and it changes nothing about what the validator accepts.
 */
export type Severity = "error" | "warn" | "off";

export interface FindingDefinition {
  readonly id: string;
  readonly severity: Exclude<Severity, "off">;
  /** One line for the README table and `--help`. */
  readonly purpose: string;
}

export const FINDINGS = [
  {
    id: "keyword-typo",
    severity: "error",
    purpose: "unknown keyword one edit (or a letter case) away from a known one: a misspelt constraint checks nothing",
  },
  {
    id: "unsatisfiable",
    severity: "error",
    purpose: "a constraint no value can meet (`minContains` greater than `maxContains`)",
  },
  {
    id: "unknown-keyword",
    severity: "warn",
    purpose: "keyword the draft does not define and no annotation list knows: kept in the schema, not checked",
  },
  {
    id: "unknown-format",
    severity: "warn",
    purpose: "format with no implementation and no regex in the config `formats`: not validated",
  },
  {
    id: "missing-type",
    severity: "warn",
    purpose: "type-specific keyword (`properties`, `minLength`...) in a schema that does not say `type`",
  },
  {
    id: "open-tuple",
    severity: "warn",
    purpose: "`items`/`prefixItems` tuple whose length is not pinned by `minItems` and `maxItems`/`items: false`",
  },
  {
    id: "ignored-keyword",
    severity: "warn",
    purpose: "keyword with no effect where it is (`then` without `if`, `additionalItems` without an `items` array)",
  },
  {
    id: "overlapping-properties",
    severity: "warn",
    purpose: "a property that `patternProperties` also matches, so both schemas apply",
  },
  {
    id: "type-conflict",
    severity: "warn",
    purpose: "a `type` an enclosing schema rules out, or another strictTypes remark from ajv",
  },
] as const satisfies readonly FindingDefinition[];

export type FindingId = (typeof FINDINGS)[number]["id"];

export const FINDING_PREFIX = "strict.";

export function findingCode(id: FindingId): string {
  return `${FINDING_PREFIX}${id}`;
}

const BY_ID: ReadonlyMap<string, FindingDefinition> = new Map(FINDINGS.map((f) => [f.id, f]));

export function findingDefinition(id: string): FindingDefinition | undefined {
  return BY_ID.get(id);
}
