import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { docComment, jsonLiteral, pascalCase, propertyKey, stringLiteral, typeNameFrom } from "../../../src/emit/codegen/escape.js";

const HOSTILE = [
  "",
  "plain",
  'quote " and \\ backslash',
  "*/ end comment",
  "${template} `tick`",
  "line\u2028sep\u2029para",
  "nul\u0000 and \u001f",
  "lone \ud800 surrogate",
  "emoji \ud83d\ude00",
  "</script><script>alert(1)</script>",
  "\r\n crlf",
];

/** Evaluates an expression in an empty context: the literal must produce exactly the input, and do nothing else. */
function evaluate(expression: string): unknown {
  return vm.runInNewContext(`(${expression})`, Object.create(null) as object);
}

for (const text of HOSTILE) {
  test(`stringLiteral › ${JSON.stringify(text)} evaluates back to itself`, () => {
    const literal = stringLiteral(text);
    assert.equal(evaluate(literal), text);
    assert.ok(!/[\u2028\u2029\n\r]/.test(literal), "raw line terminator in a literal");
  });

  test(`docComment › ${JSON.stringify(text)} cannot end the comment early`, () => {
    const comment = docComment(text);
    if (comment === "") return;
    // The whole comment must be a comment: evaluating it followed by a value yields the value.
    assert.equal(vm.runInNewContext(`${comment}42`), 42);
    assert.equal(comment.match(/\*\//g)?.length, 1, "more than one comment terminator");
  });
}

test("jsonLiteral › __proto__ keys become own properties, not the prototype", () => {
  const value = JSON.parse('{"__proto__": {"polluted": true}, "a": [1, {"__proto__": 2}]}') as unknown;
  const literal = jsonLiteral(value);
  const back = evaluate(literal) as Record<string, unknown>;
  assert.equal(JSON.stringify(back), JSON.stringify(value));
  assert.ok(Object.prototype.hasOwnProperty.call(back, "__proto__"));
  assert.equal(vm.runInNewContext(`Object.getPrototypeOf(${literal}) === Object.prototype`), true);
});

test("jsonLiteral › round-trips hostile keys and values, -0 and nested arrays", () => {
  const value = Object.fromEntries(HOSTILE.map((t, i) => [t, [t, i, i % 2 === 0, null, { [t]: t }]]));
  assert.equal(JSON.stringify(evaluate(jsonLiteral(value))), JSON.stringify(value));
  assert.equal(jsonLiteral(-0), "0");
  assert.throws(() => jsonLiteral(Number.NaN));
});

test("propertyKey › quotes everything that is not a plain identifier", () => {
  assert.equal(propertyKey("summary"), "summary");
  assert.equal(propertyKey("default"), "default");
  assert.equal(propertyKey("with space"), '"with space"');
  assert.equal(propertyKey("__proto__"), '"__proto__"');
  assert.equal(propertyKey("1st"), '"1st"');
  for (const text of HOSTILE) {
    const key = propertyKey(text);
    assert.deepEqual(Object.keys(evaluate(`{${key}: 1}`) as object), [text === "__proto__" ? "__proto__" : text]);
  }
});

test("pascalCase / typeNameFrom › produce safe, stable identifiers", () => {
  assert.equal(pascalCase("ticket-triage"), "TicketTriage");
  assert.equal(pascalCase("tool-0a1b"), "Tool0A1B");
  assert.equal(typeNameFrom("foo-bar"), "FooBar");
  assert.equal(typeNameFrom("1st"), "T1st");
  assert.equal(typeNameFrom("class"), "Class");
  assert.equal(typeNameFrom("*/"), "Type");
  for (const text of HOSTILE) assert.match(typeNameFrom(text), /^[A-Z][A-Za-z0-9]*$/);
});
