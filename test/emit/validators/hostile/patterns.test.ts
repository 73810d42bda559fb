import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ASCII_STATES, automatonOf, llmcLinearPattern } from "../../../../src/emit/validators/hostile/automaton.js";
import { decidePattern, patternFindings } from "../../../../src/emit/validators/hostile/patterns.js";
import { compileValidator } from "../../../../src/emit/validators/diagnostics.js";
import { makeProject, REPO_ROOT } from "../../../util/project.js";
import { runCliHere } from "../../../util/in-process.js";
import { contractOf } from "../../../hostile/validators.js";

const UNSAFE = ["^(a+)+$", "^(\\w+\\s?)*$", "(a|a)*b", "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"];

test("patterns › a pattern redos-detector proves safe stays a native RegExp; an unproven one becomes an automaton", () => {
  assert.deepEqual(decidePattern("^[a-z]{2,3}(-[A-Z]{2})?$"), { kind: "regex" });
  for (const source of UNSAFE) assert.equal(decidePattern(source).kind, "automaton", source);
  const refused = decidePattern("^(a+)+\\1$");
  assert.equal(refused.kind, "refused");
});

test("patterns › the automaton agrees with RegExp (u flag) on random strings", () => {
  const patterns = [...UNSAFE, "ab", "^ab", "ab$", "^(?:x|y)*z?$", ".", "^.$", "\\p{L}+", "^[😀-😂]+$", "\\d{3,5}", "^$", "[^a]"];
  const alphabet = ["a", "b", "x", "y", "z", " ", "!", "@", ".", "A", "1", "\n", "😀", "\ud800", "é"];
  let seed = 7;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (const source of patterns) {
    const built = automatonOf(source);
    assert.ok(built.ok, source);
    if (!built.ok) continue;
    const matcher = llmcLinearPattern(built.table);
    const re = new RegExp(source, "u");
    for (let k = 0; k < 2000; k++) {
      let s = "";
      for (let j = random(9); j > 0; j--) s += alphabet[random(alphabet.length)];
      assert.equal(matcher.test(s), re.test(s), `${source} on ${JSON.stringify(s)}`);
    }
  }
});

test("patterns › the ASCII transition table and the range search agree: every ASCII pair, small and large automata", () => {
  // Issue 20: automata up to ASCII_STATES states read ASCII through a flat table, larger ones search their ranges.
  // Both paths against RegExp on every string of one or two ASCII characters, and on ASCII mixed with astral text.
  const small = ["^((([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?|0)$", "^(\\w+\\s?)*$", "a|~", "^[\\x00-\\x7f]é?$"];
  const large = "^[ab]*a[ab]{9}$";
  const sizes = new Map<string, number>();
  for (const source of [...small, large]) {
    const built = automatonOf(source);
    assert.ok(built.ok, source);
    if (!built.ok) continue;
    sizes.set(source, built.table[0]!);
    const matcher = llmcLinearPattern(built.table);
    const re = new RegExp(source, "u");
    const check = (s: string): void => assert.equal(matcher.test(s), re.test(s), `${source} on ${JSON.stringify(s)}`);
    for (let a = 0; a < 128; a++) {
      check(String.fromCharCode(a));
      check(`${String.fromCharCode(a)}é`);
      check(`😀${String.fromCharCode(a)}`);
      for (let b = 0; b < 128; b++) check(String.fromCharCode(a, b));
    }
    for (const s of ["1m30s", "0", "10y2w", "ms", "1h1h", "abababababa", "aaaaaaaaaaaaaaaaaaaaabbbbbbbbb", "b".repeat(40) + "a" + "b".repeat(9)]) check(s);
  }
  for (const source of small) assert.ok(sizes.get(source)! <= ASCII_STATES, `${source} is small`);
  assert.ok(sizes.get(large)! > ASCII_STATES, "the large automaton takes the search path");
});

test("patterns › automata cannot be built for backreferences and inner assertions; the reason says which", () => {
  // refa expands a backreference to a group of one fixed string (`(a)\1` is `aa`), not one to a repeated group.
  assert.ok(automatonOf("(a)\\1").ok);
  const back = automatonOf("(a+)b\\1");
  assert.equal(!back.ok && back.reason, "it uses a backreference");
  const look = automatonOf("a(?=b)");
  assert.match(!look.ok ? look.reason : "", /lookaround/);
});

test("patterns › build refuses a pattern that is neither safe nor linear, with its pointer and a fix", () => {
  const schema = {
    type: "object",
    properties: { a: { type: "string", pattern: "^(a+)+\\1$" }, b: { type: "string", pattern: "^(a+)+$" } },
    patternProperties: { "^(x|x)*\\1$": { type: "string" } },
  };
  const found = patternFindings(schema, "s.json");
  // The root's own keywords first, then its subschemas, in document order.
  assert.deepEqual(found.map((d) => [d.code, d.pointer]), [
    ["schema.pattern-redos", "/patternProperties/^(x|x)*\\1$"],
    ["schema.pattern-redos", "/properties/a/pattern"],
  ]);
  assert.match(found[1]!.message, /rewrite it without the backreference/);
  const compiled = compileValidator(schema, "2020-12", "s.json");
  assert.equal(compiled.ok, false);
  // A config format is checked where a schema uses it.
  const fmt = patternFindings({ type: "string", format: "sku" }, "s.json", { sku: "^(a|a)*\\1$" });
  assert.deepEqual(fmt.map((d) => d.pointer), ["/format"]);
});

test("patterns › adversarial input runs in linear time through pattern, patternProperties and format matchers", async () => {
  const c = await contractOf(
    {
      type: "object",
      properties: { w: { type: "string", pattern: "^(\\w+\\s?)*$" }, f: { type: "string", format: "nested" } },
      patternProperties: { "^(a+)+$": { type: "integer" } },
    },
    { nested: "^(a+)+$" },
  );
  assert.match(c.code, /linear-time automata/);
  assert.doesNotMatch(c.code, /new RegExp\("\^\(a\+\)\+\$"/);
  const evil = `${"a".repeat(50_000)}!`;
  // Each would take longer than the test's timeout with backtracking (30 characters already take minutes).
  const r = c.parse({ w: evil, f: evil, [evil]: "not an integer" });
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.errors.map((e) => e.code).sort(), ["schema.format", "schema.pattern"]);
  assert.equal(c.is({ w: "ab cd", f: "aaa", aaa: 1 }), true);
});

/** Every `pattern` string in the JSON files under `dir`. */
function patternsUnder(dir: string): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === "pattern" && typeof v === "string") found.add(v);
      visit(v);
    }
  };
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".json")) {
        try {
          visit(JSON.parse(readFileSync(file, "utf8")));
        } catch {
          // Not JSON: skipped.
        }
      }
    }
  };
  walk(dir);
  return [...found].sort();
}

test("patterns › every pattern of the bundled and corpus schemas survives adversarial strings", { timeout: 600_000 }, () => {
  const corpus = path.join(REPO_ROOT, "..", "shared", "corpus");
  const sources = [...patternsUnder(path.join(REPO_ROOT, "schemas")), ...(statSync(corpus, { throwIfNoEntry: false })?.isDirectory() ? patternsUnder(corpus) : [])];
  assert.ok(sources.length > 0);
  let automata = 0;
  for (const source of sources) {
    let re: RegExp;
    try {
      re = new RegExp(source, "u");
    } catch {
      continue; // Not a Unicode regex: the build rejects it before any matcher exists.
    }
    const decision = decidePattern(source);
    if (decision.kind === "refused") continue; // The build refuses it (asserted above): no validator runs it.
    const matcher = decision.kind === "automaton" ? llmcLinearPattern(decision.table) : re;
    if (decision.kind === "automaton") automata++;
    // Runs of the characters the pattern names, then one that breaks the match: the classic backtracking trigger.
    const letters = [...new Set(source.replace(/\\[a-zA-Z]/g, "").match(/[\w .@:/-]/gu) ?? ["a"])].slice(0, 4);
    for (const letter of [...letters, "a", " ", "0"]) matcher.test(`${letter.repeat(20_000)}!\u0000`);
  }
  assert.ok(automata >= 0);
});

test("patterns › build and check refuse the schema with file:line:col#pointer, exit 2, and write nothing", async () => {
  const text = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "type": "object",\n  "properties": { "id": { "type": "string", "pattern": "^(a+)+\\\\1$" } }\n}\n';
  const dir = makeProject({ "schemas/bad/contract.json": { kind: "model-output" }, "schemas/bad/v1.json": text });
  for (const command of ["build", "check"]) {
    const r = await runCliHere([command], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^schemas\/bad\/v1\.json:4:\d+#\/properties\/id\/pattern: this pattern can backtrack .*\[schema\.pattern-redos\]$/m);
  }
  assert.equal(existsSync(path.join(dir, "generated")), false);
});
