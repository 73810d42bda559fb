/**
 * The comment stripper behind the migration type-check's key (src/migrate/comments.ts): it removes comments and
 * nothing else, and answers undefined wherever a comment cannot be told from code without a parser.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { withoutComments } from "../../src/migrate/comments.js";

test("comments › line and block comments become one space; code and strings stay", () => {
  assert.equal(withoutComments("a; // note\nb;"), "a;  \nb;");
  assert.equal(withoutComments("/** A title. */\nexport interface A { x: string }"), " \nexport interface A { x: string }");
  assert.equal(withoutComments("const u = \"http://x/*y*/\"; // tail"), "const u = \"http://x/*y*/\";  ");
  assert.equal(withoutComments("const q = 'it\\'s // not a comment';"), "const q = 'it\\'s // not a comment';");
  assert.equal(withoutComments("const e = \"a\\\"/*b\";"), "const e = \"a\\\"/*b\";");
  // A JSDoc edit leaves the rest byte for byte.
  const before = "/** Short title. */\n  title: string;\n";
  const after = "/** Short title (edited). */\n  title: string;\n";
  assert.equal(withoutComments(before), withoutComments(after));
  // A type edit does not.
  assert.notEqual(withoutComments("/** A. */ x: \"a\";"), withoutComments("/** A. */ x: \"b\";"));
});

test("comments › anything it cannot tell apart without a parser, or a comment the compiler reads, gives undefined", () => {
  for (const text of [
    "const t = `a ${b}`;", // template literal
    "const r = /ab*c/;", // regular expression
    "const d = a / b;", // division
    "/* unterminated", // comment never closed
    "const s = \"open\n\";", // string across a line
    "const s = 'open", // string never closed
    "// @ts-nocheck\nexport const x = 1;",
    "/* @ts-ignore */ const x: number = 'a';",
    "/// <reference path=\"./x.d.ts\" />\nexport {};",
  ]) {
    assert.equal(withoutComments(text), undefined, text);
  }
  assert.equal(withoutComments(""), "");
});
