/**
 * Shapes issue 17 (part A) decides: a oneOf whose branches accept every value of a type rejects that type outright
 * (shared/vacuous.ts), and disjointness looks through combinators, conjuncts, closed objects and `not: {required}`
 * (shared/disjoint.ts). Real schemas write tagged unions this way (no `type: object` next to the discriminator).
 * cases.test.ts checks the verdicts and witnesses; soundness-decided.test.ts samples every compatible direction.
 */
import type { JsonObject } from "../../src/ir/json.js";
import type { Case } from "./cases.test.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const s = (o: JsonObject): JsonObject => ({ $schema: S, ...o });
/** An object branch without `type`, tagged by a required `kind` (it accepts every non-object value). */
const tagged = (kind: string, extra: JsonObject = {}): JsonObject => ({ properties: { kind: { const: kind }, v: { enum: ["x"] }, ...extra }, required: ["kind"] });
const widened = (kind: string): JsonObject => tagged(kind, { v: { enum: ["x", "y"] } });

export const ISSUE17A_CASES: readonly Case[] = [
  {
    // Non-objects match both branches, so the oneOf holds objects only, and those are told apart by `kind`.
    name: "oneOf types › untyped tagged branches: one widened is compatible backward (non-objects match both, so never accepted)",
    before: s({ oneOf: [tagged("a"), tagged("b")] }),
    after: s({ oneOf: [widened("a"), tagged("b")] }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: { kind: "a", v: "y" } },
  },
  {
    // The discriminator's `required` sits in one conjunct and its `const` in another; the inner oneOf is reached by $ref.
    name: "disjoint › a tag required in one allOf conjunct and fixed in another tells a $ref'd oneOf's branches apart",
    before: s({
      $defs: { inputs: { oneOf: [tagged("a"), tagged("b")] }, set: { allOf: [{ type: "object", required: ["kind"] }, { properties: { kind: { const: "set" }, v: { enum: ["x"] } } }] } },
      oneOf: [{ $ref: "#/$defs/inputs" }, { $ref: "#/$defs/set" }],
    }),
    after: s({
      $defs: { inputs: { oneOf: [widened("a"), tagged("b")] }, set: { allOf: [{ type: "object", required: ["kind"] }, { properties: { kind: { const: "set" }, v: { enum: ["x"] } } }] } },
      oneOf: [{ $ref: "#/$defs/inputs" }, { $ref: "#/$defs/set" }],
    }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    // A closed branch without `b` cannot hold a value that requires `b`: the branches are disjoint.
    name: "disjoint › a closed object branch and a branch requiring a key it does not allow",
    before: s({ oneOf: [{ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, { type: "object", required: ["b"], properties: { b: { type: "string" } } }] }),
    after: s({ oneOf: [{ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, { type: "object", required: ["b"], properties: { b: { type: "string", maxLength: 3 } } }] }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: { b: "aaaa" } },
  },
  {
    // `not: {anyOf: [{required: [name]}]}` forbids `name`, which the other branch requires.
    name: "disjoint › a branch forbidding a key (not required) and a branch requiring it",
    before: s({ type: "object", properties: { name: { type: "string" } }, oneOf: [{ required: ["include"], not: { anyOf: [{ required: ["name"] }] } }, { required: ["name"] }] }),
    after: s({ type: "object", properties: { name: { type: "string", minLength: 1 } }, oneOf: [{ required: ["include"], not: { anyOf: [{ required: ["name"] }] } }, { required: ["name"] }] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // Two branches accepting every string reject all strings: adding a third one changes nothing.
    name: "oneOf types › a second branch accepting every string: strings were never values, a third changes nothing",
    before: s({ oneOf: [tagged("a"), { type: "string" }] }),
    after: s({ oneOf: [tagged("a"), { type: "string" }, { type: "string", maxLength: 2 }] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // Only one branch accepts every integer: integers are values of the old oneOf, and a new integer branch
    // makes them match twice.
    name: "oneOf types › one untyped branch alone accepts integers: an integer branch added breaks backward",
    before: s({ oneOf: [tagged("a"), { type: "string", maxLength: 5 }] }),
    after: s({ oneOf: [tagged("a"), { type: "string", maxLength: 5 }, { type: "integer" }] }),
    backward: "incompatible",
    forward: ["compatible", "unknown"],
  },
  {
    // Shaped after a real schema: an embedded record forbids `digest` as a string (in a conjunct's `not`), a
    // referenced one requires it as a non-empty string: the branches are disjoint, so narrowing one is one-way.
    name: "disjoint › a key forbidden with a string value (not anyOf required+typed) against a branch requiring it as a string",
    before: s({ oneOf: [
      { type: "object", required: ["id"], properties: { id: { type: "string" } }, allOf: [{ not: { anyOf: [{ type: "object", required: ["digest"], properties: { digest: { type: "string" } } }, { required: ["at"], properties: { at: { format: "uri" } } }] } }] },
      { type: "object", required: ["digest"], properties: { digest: { type: "string", minLength: 1 } } },
    ] }),
    after: s({ oneOf: [
      { type: "object", required: ["id"], properties: { id: { type: "string", maxLength: 3 } }, allOf: [{ not: { anyOf: [{ type: "object", required: ["digest"], properties: { digest: { type: "string" } } }, { required: ["at"], properties: { at: { format: "uri" } } }] } }] },
      { type: "object", required: ["digest"], properties: { digest: { type: "string", minLength: 1 } } },
    ] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // The forbidden value type is narrower than the required one: a number `digest` is in both branches, so
    // `{digest: 0, a, b, c}` matched both before and only the first after.
    name: "disjoint › a key forbidden only as a string does not separate a branch that requires it as any value",
    before: s({ oneOf: [{ type: "object", not: { required: ["digest"], properties: { digest: { type: "string" } } } }, { type: "object", required: ["digest"] }] }),
    after: s({ oneOf: [{ type: "object", not: { required: ["digest"], properties: { digest: { type: "string" } } } }, { type: "object", required: ["digest"], maxProperties: 3 }] }),
    backward: ["incompatible", "unknown"],
    forward: "incompatible",
  },
  // --- Issue 17 part A, second round: breaks inside branches, conjuncts and conditionals ---
  {
    // enonic-xp-style (schemastore): the branch is an allOf over a $ref next to a `const` tag; the break sits two
    // proofs down. The witness is built from the deep value placed in the branch, so the tag stays "Image".
    name: "witness › a required name added inside a $ref'd conjunct of a tagged oneOf branch",
    before: s({
      $defs: { base: { type: "object", properties: { name: { type: "string" }, editor: { type: "object", properties: { css: { type: "string" } } } }, required: ["name"] } },
      type: "array",
      items: { oneOf: [{ allOf: [{ $ref: "#/$defs/base" }], properties: { type: { const: "Image" } }, required: ["type"] }, { type: "string" }] },
    }),
    after: s({
      $defs: { base: { type: "object", properties: { name: { type: "string" }, editor: { type: "object", properties: { css: { type: "string" } }, required: ["css"] } }, required: ["name"] } },
      type: "array",
      items: { oneOf: [{ allOf: [{ $ref: "#/$defs/base" }], properties: { type: { const: "Image" } }, required: ["type"] }, { type: "string" }] },
    }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // json-api (schemastore): a oneOf of single-type branches is a type union; with one branch moved to $defs it
    // must still be read as one.
    name: "union › a oneOf branch extracted into $defs is no change",
    before: s({ properties: { next: { oneOf: [{ type: "string", format: "uri" }, { type: "null" }] } } }),
    after: s({ $defs: { nothing: { type: "null" } }, properties: { next: { oneOf: [{ type: "string", format: "uri" }, { $ref: "#/$defs/nothing" }] } } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // minecraft-biome (schemastore): `required` added to an `if` narrows the condition: values without the tag no
    // longer have to meet `then`. Old values still pass (compatible backward); new ones may not.
    name: "conditional › required added to the if is compatible backward, breaks forward with a value outside the new if",
    before: s({ type: "object", if: { properties: { kind: { const: "item" } } }, then: { properties: { kind: { type: "string" }, id: { type: "string" } }, additionalProperties: false } }),
    after: s({ type: "object", if: { properties: { kind: { const: "item" } }, required: ["kind"] }, then: { properties: { kind: { type: "string" }, id: { type: "string" } }, additionalProperties: false } }),
    backward: "compatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "conditional › a conditional removed is compatible backward",
    before: s({ type: "object", properties: { kind: { type: "string" } }, if: { properties: { kind: { const: "a" } }, required: ["kind"] }, then: { required: ["id"] } }),
    after: s({ type: "object", properties: { kind: { type: "string" } } }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "conditional › a conditional added whose then and else the old node already meets is no change",
    before: s({ type: "object", properties: { id: { type: "string" } }, required: ["id"] }),
    after: s({ type: "object", properties: { id: { type: "string" } }, required: ["id"], if: { properties: { kind: { const: "a" } } }, then: { required: ["id"] } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // minecraft-biome: a member added inside an allOf conjunct's `then`; the witness must meet that conjunct's `if`.
    name: "witness › a property schema added inside the then of an allOf conditional",
    before: s({ type: "object", properties: { type: { type: "string" } }, allOf: [{ if: { properties: { type: { const: "item" } } }, then: { properties: { value: { type: "object" } } } }] }),
    after: s({ type: "object", properties: { type: { type: "string" } }, allOf: [{ if: { properties: { type: { const: "item" } } }, then: { properties: { value: { type: "object", properties: { n: { type: "string" } } } } } }] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // tox (schemastore): a one-member dict of lists beside tagged objects with two required members.
    name: "disjoint › more required names than the other branch's maxProperties: a branch widened stays exclusive",
    before: s({ oneOf: [{ type: "object", minProperties: 1, maxProperties: 1, additionalProperties: { type: "array" } }, { type: "object", required: ["replace", "name"], properties: { replace: { const: "env" }, name: { type: "string" } }, additionalProperties: false }] }),
    after: s({ oneOf: [{ type: "object", minProperties: 1, maxProperties: 1, additionalProperties: { type: "array" } }, { type: "object", required: ["replace", "name"], properties: { replace: { const: "env" }, name: { type: "string" }, note: { type: "string" } }, additionalProperties: false }] }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "disjoint › a required tag whose value the other branch's additionalProperties cannot hold",
    before: s({ oneOf: [{ type: "object", additionalProperties: { type: "array" } }, { type: "object", required: ["replace"], properties: { replace: { const: "posargs" }, n: { type: "integer" } } }] }),
    after: s({ oneOf: [{ type: "object", additionalProperties: { type: "array" } }, { type: "object", required: ["replace"], properties: { replace: { const: "posargs" }, n: { type: ["integer", "string"] } } }] }),
    backward: "compatible",
    forward: ["incompatible", "unknown"],
  },
  {
    // The converse must stay undecided-or-broken: without the tag required, an object of arrays matches both.
    name: "disjoint › a tag not required does not separate a branch from a dict of arrays",
    before: s({ oneOf: [{ type: "object", additionalProperties: { type: "array" } }, { type: "object", properties: { replace: { const: "posargs" } }, maxProperties: 2 }] }),
    after: s({ oneOf: [{ type: "object", additionalProperties: { type: "array" } }, { type: "object", properties: { replace: { const: "posargs" } }, maxProperties: 3 }] }),
    backward: ["incompatible", "unknown"],
    forward: ["incompatible", "unknown"],
  },
  {
    // enonic-xp-style: `required: [type]` written on a node whose $ref'd conjunct already requires it.
    name: "required › a name the allOf conjunct already requires, now required by the node too, is no change",
    before: s({ $defs: { base: { type: "object", properties: { type: { type: "string" } }, required: ["type"] } }, allOf: [{ $ref: "#/$defs/base" }], properties: { type: { const: "Image" } } }),
    after: s({ $defs: { base: { type: "object", properties: { type: { type: "string" } }, required: ["type"] } }, allOf: [{ $ref: "#/$defs/base" }], properties: { type: { const: "Image" } }, required: ["type"] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // aurora (schemastore): the shortest string outside the new pattern is "", which minLength already rejects.
    name: "witness › a pattern added beside minLength gets a witness of the allowed length",
    before: s({ type: "string", minLength: 2 }),
    after: s({ type: "string", minLength: 2, pattern: "^[a-z0-9._-]+$" }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // claude-code-marketplace (schemastore): a map whose keys `propertyNames` lists; the witness's key must be one.
    name: "witness › a break under additionalProperties uses a key propertyNames allows",
    before: s({ type: "object", propertyNames: { enum: ["PreToolUse", "Stop"] }, additionalProperties: { type: "object", properties: { n: { type: "string" } }, additionalProperties: false } }),
    after: s({ type: "object", propertyNames: { enum: ["PreToolUse", "Stop"] }, additionalProperties: { type: "object", properties: { n: { type: "string" } }, additionalProperties: false, required: ["n"] } }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: { PreToolUse: {} } },
  },
  {
    // abc-supply-plan (schemastore): a nullable oneOf branch carrying a project's own keyword, moved into `$defs`.
    name: "leaf refs › a branch with an own keyword extracted into $defs is no change",
    before: s({ type: "object", properties: { e: { oneOf: [{ type: "string", format: "date", abcIsLastDayOfMonth: true }, { type: "null" }] } } }),
    after: s({ $defs: { d: { type: "string", format: "date", abcIsLastDayOfMonth: true } }, type: "object", properties: { e: { oneOf: [{ $ref: "#/$defs/d" }, { type: "null" }] } } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // ctfd (schemastore): every listed value already matches the new pattern.
    name: "pattern › added beside an enum whose values all match it is no change",
    before: s({ type: "string", enum: ["public", "private", "admins"] }),
    after: s({ type: "string", enum: ["public", "private", "admins"], pattern: "^[a-z0-9._-]+$" }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "pattern › added beside an enum: the listed value it rejects is the witness",
    before: s({ type: "string", enum: ["public", "Private"] }),
    after: s({ type: "string", enum: ["public", "Private"], pattern: "^[a-z]+$" }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: "Private" },
  },
  {
    // cinnamon-spice-metadata (schemastore): the pattern has no string shorter than 3 characters.
    name: "length › minLength raised below what the pattern already demands is no change",
    before: s({ type: "string", minLength: 1, pattern: "^\\d+(\\.\\d+){1,2}$" }),
    after: s({ type: "string", minLength: 2, pattern: "^\\d+(\\.\\d+){1,2}$" }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // drupal-breakpoints (schemastore): the witness must match the pattern and be longer than the new maximum.
    name: "length › maxLength added under a pattern: a long string of the pattern is the witness",
    before: s({ type: "string", pattern: "^\\d+(\\.\\d+)?x$" }),
    after: s({ type: "string", pattern: "^\\d+(\\.\\d+)?x$", maxLength: 12 }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "length › minLength raised past the pattern's shortest strings breaks, with a string of the pattern",
    before: s({ type: "string", minLength: 1, pattern: "^\\d+(\\.\\d+){1,2}$" }),
    after: s({ type: "string", minLength: 4, pattern: "^\\d+(\\.\\d+){1,2}$" }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: "0.0" },
  },
  {
    // actionlint (schemastore): the witness array must hold distinct strings, under a nullable oneOf two levels up.
    name: "witness › maxItems added to a uniqueItems list behind a oneOf gets distinct items",
    before: s({ $defs: { list: { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 } } }, type: "object", properties: { labels: { oneOf: [{ $ref: "#/$defs/list" }, { type: "null" }] } } }),
    after: s({ $defs: { list: { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 }, maxItems: 2 } }, type: "object", properties: { labels: { oneOf: [{ $ref: "#/$defs/list" }, { type: "null" }] } } }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // dependabot (schemastore): the branch is inside its target only together with the closed object beside it.
    name: "anyOf › a branch constraining a key its closed parent already rejects is no change",
    before: s({ type: "object", additionalProperties: false, properties: { prefix: { type: "string" }, include: { const: "scope" } }, anyOf: [{ required: ["prefix"] }, { properties: { include: { const: "scope" } }, required: ["include"] }] }),
    after: s({ type: "object", additionalProperties: false, properties: { prefix: { type: "string" }, include: { const: "scope" } }, anyOf: [{ required: ["prefix"] }, { properties: { include: { const: "scope" }, extra: { type: "string" } }, required: ["include"] }] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // The same shape with an open parent: `extra` reaches the branch, so the change breaks.
    name: "anyOf › a branch constraining a key its open parent lets through breaks",
    before: s({ type: "object", properties: { prefix: { type: "string" }, include: { const: "scope" } }, anyOf: [{ required: ["prefix"] }, { properties: { include: { const: "scope" } }, required: ["include"] }] }),
    after: s({ type: "object", properties: { prefix: { type: "string" }, include: { const: "scope" } }, anyOf: [{ required: ["prefix"] }, { properties: { include: { const: "scope" }, extra: { type: "string" } }, required: ["include"] }] }),
    backward: ["incompatible", "unknown"],
    forward: "compatible",
  },
  {
    // A oneOf branch held only with its siblings still has its exclusivity checked: "b" now matches both.
    name: "oneOf › a branch held together with its closed parent still needs exclusivity",
    before: s({ type: "object", additionalProperties: false, properties: { a: { type: "string" }, b: { type: "string" } }, oneOf: [{ required: ["a"] }, { required: ["b"], properties: { z: { type: "string" } } }] }),
    after: s({ type: "object", additionalProperties: false, properties: { a: { type: "string" }, b: { type: "string" } }, oneOf: [{ required: ["a"] }, { properties: { z: { type: "number" } } }] }),
    backward: ["incompatible", "unknown"],
    forward: ["incompatible", "unknown"],
  },
  {
    // A conjunct inside its target only together with the closed conjunct beside it.
    name: "allOf › a conjunct constraining a key another conjunct closes out is no change",
    before: s({ $defs: { closed: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, named: { properties: { a: { minLength: 1 } } } }, allOf: [{ $ref: "#/$defs/closed" }, { $ref: "#/$defs/named" }] }),
    after: s({ $defs: { closed: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, named: { properties: { a: { minLength: 1 }, z: { type: "number" } } } }, allOf: [{ $ref: "#/$defs/closed" }, { $ref: "#/$defs/named" }] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // template (schemastore): the branches are told apart by a `type` tag their parent requires, not they.
    name: "oneOf › branches tagged by a key only their parent requires are exclusive",
    before: s({ type: "object", required: ["type"], properties: { type: { enum: ["bind", "generated"] } }, oneOf: [{ required: ["binding"], properties: { type: { enum: ["bind"] } } }, { required: ["generator"], properties: { type: { enum: ["generated"] }, generator: { enum: ["random"] } } }] }),
    after: s({ type: "object", required: ["type"], properties: { type: { enum: ["bind", "generated"] } }, oneOf: [{ required: ["binding"], properties: { type: { enum: ["bind"] } } }, { required: ["generator"], properties: { type: { enum: ["generated"] }, generator: { enum: ["random", "now"] } } }] }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    // lsdlschema (schemastore): each branch requires its own key, which the other branch's propertyNames rejects.
    name: "disjoint › a name one branch requires and the other's propertyNames rejects tells them apart",
    before: s({ oneOf: [{ type: "object", required: ["A"], propertyNames: { anyOf: [{ const: "A" }, { enum: ["common"] }] }, properties: { A: { type: "string" } } }, { type: "object", required: ["B"], propertyNames: { enum: ["B", "common"] } }] }),
    after: s({ oneOf: [{ type: "object", required: ["A"], propertyNames: { anyOf: [{ const: "A" }, { enum: ["common"] }] }, properties: { A: { type: ["string", "number"] } } }, { type: "object", required: ["B"], propertyNames: { enum: ["B", "common"] } }] }),
    backward: "compatible",
    forward: "incompatible",
  },
];
