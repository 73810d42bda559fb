import { test } from "node:test";
import assert from "node:assert/strict";
import { forbiddenConstructs, maskLiterals } from "../../../src/emit/validators/lexer.js";
import { assertSelfContained } from "../../../src/emit/validators/index.js";

test("masking keeps offsets and code, and blanks string, regex and comment contents", () => {
  const source = 'const a = "x\\"y"; const r = /[/"]+/g; // note\nconst d = a / 2 / 3; /* c */';
  const masked = maskLiterals(source);
  assert.equal(masked.length, source.length);
  assert.equal(masked, 'const a = "    "; const r = /     /g;        \nconst d = a / 2 / 3;        ');
});

test("forbidden constructs are found in code but not in literals", () => {
  assert.deepEqual(forbiddenConstructs('const x = "require(\\"fs\\") import eval new Function()";'), []);
  assert.deepEqual(forbiddenConstructs("const p = /import|require\\(/;"), []);
  assert.deepEqual(forbiddenConstructs('const f = require("ajv/dist/runtime/equal").default;'), ["require"]);
  assert.deepEqual(forbiddenConstructs('import x from "y";'), ["import"]);
  assert.deepEqual(forbiddenConstructs('const m = await import("y");'), ["import"]);
  assert.deepEqual(forbiddenConstructs('eval("1")'), ["eval"]);
  assert.deepEqual(forbiddenConstructs('const f = new Function("return 1");'), ["Function constructor"]);
});

test("a leftover ajv runtime dependency is reported by name", () => {
  assert.throws(
    () => assertSelfContained('const e = require("ajv/dist/runtime/validation_error").default;'),
    /not self-contained \(require\): ajv left a dependency on "ajv\/dist\/runtime\/validation_error"; `\$async` schemas/,
  );
  assert.doesNotThrow(() => assertSelfContained('export const validate = (d) => d === "require(x)";'));
});

test("a property access named like a forbidden construct is code that loads nothing", () => {
  // ajv reads the property `import` of the data as `data.import`, `eval` as `data.eval`.
  assert.deepEqual(forbiddenConstructs("if (data.import !== undefined && data.eval === data?.require) {}"), []);
  assert.deepEqual(forbiddenConstructs("const ok = data . Function(1);"), []);
  assert.deepEqual(forbiddenConstructs("const evaluated = $import + require_x + importer;"), []);
  // Spread of a name is a reference, not a member name.
  assert.deepEqual(forbiddenConstructs("f(...require)"), ["require"]);
  assert.deepEqual(forbiddenConstructs("x.y; require('a')"), ["require"]);
  assert.deepEqual(forbiddenConstructs("import.meta"), ["import"]);
});

test("masking keeps line feeds inside templates and comments, and handles escapes at the end of a literal", () => {
  // A comment is blanked whole, delimiters too; a string keeps its quotes.
  assert.equal(maskLiterals("`a\nb` /* x\ny */ 'c\\\\'"), "` \n `     \n     '   '");
  assert.equal(maskLiterals('"\\u2028😀" / 2'), '"        " / 2');
});

test("malformed literals in generated code are errors, not silently masked", () => {
  assert.throws(() => maskLiterals('const a = "abc'), /unterminated string literal at offset 10/);
  assert.throws(() => maskLiterals("const a = 'ab\ncd';"), /unterminated string literal at offset 10/);
  assert.throws(() => maskLiterals('const a = "ab\\'), /unterminated string literal at offset 10/);
  assert.throws(() => maskLiterals("const a = `x${y}`;"), /template substitution in generated code/);
  assert.equal(maskLiterals("const a = `x\\${y}`;"), "const a = `      `;");
  assert.throws(() => maskLiterals("/* open"), /unterminated comment/);
  assert.throws(() => maskLiterals("x = /ab"), /unterminated regular expression literal at offset 4/);
});

test("lexer › a text masked again gives the same mask, also after other texts, and errors are not remembered", () => {
  const code = 'const a = "require(x)"; // eval\nconst b = /a\\/b/.test(c) ? `t` : \'q\';\n';
  const first = maskLiterals(code);
  assert.equal(first, 'const a = "          ";        \nconst b = /    /.test(c) ? ` ` : \' \';\n');
  for (let i = 0; i < 20; i++) maskLiterals(`const x${i} = "${i}";`);
  assert.equal(maskLiterals(code), first);
  assert.equal(maskLiterals(`${code}`), first);
  for (let round = 0; round < 2; round++) assert.throws(() => maskLiterals('const s = "open;\n'), /unterminated string literal/);
});
