/**
 * `runContract`, what every generated `parse…` runs (src/runtime/errors.ts): the fast path's yes is the answer
 * and nothing else runs; past it come the depth limit, the first-failure answer where the fast path could not
 * tell, and the error list worded by the module's own rules. Given hand-made validators that record their calls
 * → want this result and these calls. Never a throw.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { KEYWORD_RULES, kwRequired, runContract, runContractWithin, type KeywordRules } from "../../src/runtime/errors.js";
import type { FastValidator } from "../../src/runtime/limits.js";
import { parseContractText } from "../../src/runtime/text.js";
import type { RawError, RawValidator } from "../../src/runtime/types.js";

const MISSING: RawError = { instancePath: "", schemaPath: "#/required", keyword: "required", params: { missingProperty: "a" } };
const MYSTERY: RawError = { instancePath: "/b", schemaPath: "#/x/maxLength", keyword: "maxLength", params: { limit: 2 } };

/** An all-errors validator listing `errors` (at most `errorLimit` + 1, as the generated ones), a first-failure one answering `first`. */
function validators(errors: readonly RawError[], first: boolean | (() => boolean)) {
  const calls: string[] = [];
  const all = ((value: unknown) => {
    calls.push(`all ${String(all.errorLimit)}`);
    void value;
    all.errors = errors.length === 0 ? null : errors.slice(0, (all.errorLimit ?? errors.length) + 1);
    return errors.length === 0;
  }) as RawValidator;
  const firstFn = ((value: unknown) => {
    calls.push("first");
    void value;
    return typeof first === "function" ? first() : first;
  }) as RawValidator;
  return { all, first: firstFn, calls };
}

function fast(answer: boolean | undefined | "throw", calls: string[]): FastValidator {
  return (value, maxDepth) => {
    calls.push(`fast ${maxDepth}`);
    void value;
    if (answer === "throw") throw new Error("getter");
    return answer;
  };
}

test("runContract › the fast path's yes is the answer: the same value back, nothing else run", () => {
  const v = validators([MISSING], false);
  const value = { a: 1 };
  const r = runContract(KEYWORD_RULES, v.all, v.first, fast(true, v.calls), value, { maxDepth: 7 });
  assert.deepEqual(r, { ok: true, value });
  assert.ok(r.ok && r.value === value);
  assert.deepEqual(v.calls, ["fast 7"]);
});

test("runContract › the fast path's no skips the first-failure validator; the list is capped and worded by the given rules", () => {
  const v = validators([MISSING, MYSTERY, MISSING], true);
  const rules: KeywordRules = { required: kwRequired };
  const r = runContract(rules, v.all, v.first, fast(false, v.calls), {}, { maxErrors: 2 });
  assert.deepEqual(v.calls, ["fast 1000", "all 2"]);
  assert.equal(v.all.errorLimit, undefined, "the cap is lifted after the call");
  assert.deepEqual(r, {
    ok: false,
    cut: true,
    errors: [
      { code: "schema.required", instancePath: "", schemaPath: "#/required", message: 'the document is missing the required property "a"' },
      // Not in this module's rules: a keyword its schema does not have would read like an unknown one.
      { code: "schema.other", instancePath: "/b", schemaPath: "#/x/maxLength", message: "/b fails the maxLength rule" },
    ],
  });
});

test("runContract › where the fast path cannot tell, or throws, the first-failure validator decides", () => {
  for (const answer of [undefined, "throw"] as const) {
    const yes = validators([], true);
    assert.deepEqual(runContract(KEYWORD_RULES, yes.all, yes.first, fast(answer, yes.calls), "x"), { ok: true, value: "x" });
    assert.deepEqual(yes.calls, ["fast 1000", "first"]);
    const no = validators([MISSING], false);
    const r = runContract(KEYWORD_RULES, no.all, no.first, fast(answer, no.calls), {});
    assert.deepEqual(no.calls, ["fast 1000", "first", "all 100"]);
    assert.equal(r.ok === false && r.errors[0]?.code, "schema.required");
    const throws = validators([], () => {
      throw new Error("revoked");
    });
    const t = runContract(KEYWORD_RULES, throws.all, throws.first, fast(answer, throws.calls), {});
    assert.equal(t.ok === false && t.errors[0]?.code, "value.unreadable");
  }
});

test("runContract › a value past maxDepth is json.too_deep before any list, and validators that agree on nothing still say why", () => {
  const v = validators([MISSING], false);
  const deep = runContract(KEYWORD_RULES, v.all, v.first, fast(false, v.calls), [[[1]]], { maxDepth: 2 });
  assert.equal(deep.ok === false && deep.errors[0]?.code, "json.too_deep");
  assert.deepEqual(v.calls, ["fast 2"]);
  const empty = validators([], false);
  const r = runContract(KEYWORD_RULES, empty.all, empty.first, fast(false, empty.calls), {});
  assert.deepEqual(r, { ok: false, errors: [{ code: "schema.other", instancePath: "", schemaPath: "", message: "the document does not match the schema" }] });
});

test("runContract › a first-failure answer that is neither true nor an error (the fast path exported as validateFirst) goes to the list, never into it", () => {
  for (const answer of [undefined, 0, "no"] as const) {
    const v = validators([MISSING], () => answer as unknown as boolean);
    const r = runContract(KEYWORD_RULES, v.all, v.first, fast(undefined, v.calls), {});
    assert.deepEqual(v.calls, ["fast 1000", "first", "all 100"]);
    assert.deepEqual(r, { ok: false, errors: [{ code: "schema.required", instancePath: "", schemaPath: "#/required", message: 'the document is missing the required property "a"' }] });
  }
});

test("runContract › a keyword named like an Object.prototype member is unknown, whatever the rules object inherits", () => {
  const v = validators([{ instancePath: "", schemaPath: "#", keyword: "constructor", params: {} }], false);
  const r = runContract({ required: kwRequired }, v.all, v.first, fast(false, v.calls), {});
  assert.equal(r.ok === false && r.errors[0]?.message, "the document fails the constructor rule");
});

test("parseContractText › text errors first, then normalize, then runContract with the given rules", () => {
  const v = validators([MISSING], false);
  const bad = parseContractText({ required: kwRequired }, v.all, v.first, fast(false, v.calls), '{"a": ');
  assert.equal(bad.ok === false && bad.errors[0]?.code, "json.truncated");
  const deep = parseContractText(KEYWORD_RULES, v.all, v.first, fast(false, v.calls), "[[[[1]]]]", { maxDepth: 3 });
  assert.equal(deep.ok === false && deep.errors[0]?.code, "json.too_deep");
  assert.deepEqual(v.calls, [], "no validator runs on text that fails");
  const r = parseContractText({ required: kwRequired }, v.all, v.first, fast(false, v.calls), '{"b": 1}', { normalize: (x) => ({ ...(x as object), n: 1 }) });
  assert.equal(r.ok === false && r.errors[0]?.message, 'the document is missing the required property "a"');
  const yes = validators([], true);
  const seen: unknown[] = [];
  const ok = parseContractText(KEYWORD_RULES, yes.all, yes.first, (value) => (seen.push(value), true), '{"b": 1}', { normalize: (x) => ({ ...(x as object), n: 1 }) });
  assert.deepEqual(ok, { ok: true, value: { b: 1, n: 1 } });
  assert.deepEqual(seen, [{ b: 1, n: 1 }], "the fast path sees the normalized value");
});

test("runContractWithin › no depth walk (a getter the walk would read is never read), else runContract's steps and result", () => {
  let reads = 0;
  const value = {
    get a() {
      reads++;
      return [];
    },
  };
  const v = validators([MISSING], false);
  const r = runContractWithin({ required: kwRequired }, v.all, v.first, fast(false, v.calls), value, { maxErrors: 3 });
  assert.deepEqual(r, { ok: false, errors: [{ code: "schema.required", instancePath: "", schemaPath: "#/required", message: 'the document is missing the required property "a"' }] });
  assert.deepEqual(v.calls, ["fast 1000", "all 3"]);
  assert.equal(reads, 0);
  const walked = runContract({ required: kwRequired }, v.all, v.first, fast(false, v.calls), value);
  assert.equal(walked.ok, false);
  assert.equal(reads, 1, "runContract's depth walk reads it");
  for (const answer of [true, false, undefined, "throw"] as const) {
    for (const first of [true, false]) {
      const a = validators([MISSING], first);
      const b = validators([MISSING], first);
      assert.deepEqual(runContractWithin(KEYWORD_RULES, a.all, a.first, fast(answer, a.calls), { b: [1] }), runContract(KEYWORD_RULES, b.all, b.first, fast(answer, b.calls), { b: [1] }));
      assert.deepEqual(a.calls, b.calls, `fast ${String(answer)}, first ${String(first)}`);
    }
  }
});

test("parseContractText › the depth walk is skipped only where the text proves the depth: results equal runContract's on the parsed value", () => {
  const long = `{"b": [[1, 2]], "pad": "${"x".repeat(40)}"}`;
  const texts: [string, number | undefined][] = [
    ['{"b": [[1]]}', undefined],
    ["[[[1]]]", 3],
    [long, 4],
    [`\uFEFF ${long}`, 4],
    [long, undefined],
  ];
  for (const [text, maxDepth] of texts) {
    for (const answer of [true, false, undefined] as const) {
      const a = validators([MISSING], false);
      const b = validators([MISSING], false);
      const options = maxDepth === undefined ? {} : { maxDepth };
      const viaText = parseContractText(KEYWORD_RULES, a.all, a.first, fast(answer, a.calls), text, options);
      const direct = runContract(KEYWORD_RULES, b.all, b.first, fast(answer, b.calls), JSON.parse(text.replace(/^\uFEFF/, "")) as unknown, options);
      assert.deepEqual(viaText, direct, `${text.slice(0, 20)} maxDepth ${String(maxDepth)} fast ${String(answer)}`);
      assert.deepEqual(a.calls, b.calls);
    }
  }
  // Where the text proves nothing, the value is still walked: a deep value from normalize, or one unwrapped from prose.
  const v = validators([MISSING], false);
  const normalized = parseContractText(KEYWORD_RULES, v.all, v.first, fast(false, v.calls), "[1]", { maxDepth: 3, normalize: () => [[[[1]]]] });
  assert.equal(normalized.ok === false && normalized.errors[0]?.code, "json.too_deep");
  const unwrapped = parseContractText(KEYWORD_RULES, v.all, v.first, fast(false, v.calls), "Here it is: [[[[1]]]] as asked", { maxDepth: 3, unwrap: true });
  assert.equal(unwrapped.ok === false && unwrapped.errors[0]?.code, "json.too_deep");
});
