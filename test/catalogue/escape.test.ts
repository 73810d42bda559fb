import { test } from "node:test";
import assert from "node:assert/strict";
import { anchorId, escapeText, html, join, jsonText } from "../../src/html/escape.js";
import { typeDeclarations } from "../../src/catalogue/typescript.js";

const CASES: readonly { given: string; want: string }[] = [
  { given: "plain", want: "plain" },
  { given: `<script>alert("x")</script>`, want: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" },
  { given: "a & b 'c'", want: "a &amp; b &#39;c&#39;" },
  { given: "&amp;", want: "&amp;amp;" },
  { given: "nul\u0000 bell\u0007 tab\t nl\n", want: "nul\ufffd bell\ufffd tab\t nl\n" },
  { given: "lone \ud800 high, lone \udc00 low, pair \ud83d\ude00", want: "lone \ufffd high, lone \ufffd low, pair \ud83d\ude00" },
];

for (const { given, want } of CASES) {
  test(`escapeText › ${JSON.stringify(given)}`, () => assert.equal(escapeText(given), want));
}

test("html › interpolated strings are escaped, nested html is kept, lists are joined, empty values vanish", () => {
  const inner = html`<b>${"<i>"}</b>`;
  const out = html`<p title="${'"><x'}">${inner}${["<1>", html`<br>`]}${undefined}${null}${false}${3}</p>`;
  assert.equal(out.text, `<p title="&quot;&gt;&lt;x"><b>&lt;i&gt;</b>&lt;1&gt;<br>3</p>`);
  assert.equal(join(["<a>", html`<hr>`], " & ").text, "&lt;a&gt; &amp; <hr>");
});

test("html › a plain object posing as markup is escaped as text", () => {
  const fake = { text: "<script>" } as unknown as string;
  assert.equal(html`${fake}`.text, "[object Object]");
});

test("anchorId › keeps safe characters and encodes the rest, so different texts give different ids", () => {
  assert.equal(anchorId("#/$defs/Money"), ".23..2f..24.defs.2f.Money");
  assert.notEqual(anchorId("a/b"), anchorId("a.2f.b"), "the escape itself is encoded");
  assert.match(anchorId(`"><script>`), /^[A-Za-z0-9_.-]+$/);
});

test("jsonText › pretty JSON, cut past the bound with the count of what is left", () => {
  assert.equal(jsonText({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
  const long = jsonText("x".repeat(100), 10);
  assert.ok(long.startsWith('"xxxxxxxxx'));
  assert.match(long, /… \(92 more characters\)$/);
});

test("typeDeclarations › the declarations between the imports and the canonical schema", () => {
  const module = [
    "// @generated banner",
    'import type { A } from "./a.js";',
    "",
    "/** Doc. */",
    "export interface X {",
    "  a: string;",
    "}",
    "",
    "const canonical = {} as const;",
    "export const XSchema = canonical;",
  ].join("\n");
  assert.equal(typeDeclarations(module), "/** Doc. */\nexport interface X {\n  a: string;\n}");
  assert.equal(typeDeclarations("export type Y = number;"), "export type Y = number;");
});
