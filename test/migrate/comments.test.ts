/**
 * The comment stripper behind the migration type-check's key (src/migrate/comments.ts): it removes comments and
 * nothing else, and answers undefined wherever a comment cannot be told from code without a parser.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
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

/**
 * The stripper as first written, one character at a time: what the scans from one character that matters to the
 * next (comments.ts) must answer on every text.
 */
function byCharacter(text: string): string | undefined {
  let out = "";
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === c) break;
        if (text[j] === "\\") j++;
        else if (text[j] === "\n" || text[j] === "\r") return undefined;
      }
      if (j >= text.length) return undefined;
      i = j + 1;
    } else if (c === "`") {
      return undefined;
    } else if (c === "/") {
      let end: number;
      if (text[i + 1] === "/") {
        end = text.indexOf("\n", i);
        if (end < 0) end = text.length;
        if (text[i + 2] === "/") return undefined;
      } else if (text[i + 1] === "*") {
        end = text.indexOf("*/", i + 2);
        if (end < 0) return undefined;
        end += 2;
      } else return undefined;
      if (text.slice(i, end).includes("@ts-")) return undefined;
      out += `${text.slice(from, i)} `;
      from = end;
      i = end;
    } else i++;
  }
  return out + text.slice(from);
}

test("comments › the same answer as a scan of every character, on random texts of the characters that matter", () => {
  const piece = fc.constantFrom('"', "'", "`", "/", "*", "\\", "\n", "\r", " ", "a", "@ts-", "//", "/*", "*/", "\\\n", "\u2028", "\ud800");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")), (text) => {
      assert.equal(withoutComments(text), byCharacter(text));
    }),
    { numRuns: 20_000 },
  );
});

test("comments › the same answer as a scan of every character, on every generated module and source file of this repository", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  let stripped = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith(".ts")) {
        const text = readFileSync(abs, "utf8");
        const got = withoutComments(text);
        assert.equal(got, byCharacter(text), abs);
        if (got !== undefined) stripped++;
      }
    }
  };
  walk(path.join(root, "generated"));
  walk(path.join(root, "src", "runtime"));
  assert.ok(stripped > 20, `modules stripped: ${stripped}`);
});
