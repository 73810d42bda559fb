/**
 * Hostile text, generated: fast-check builds contracts whose every text position holds payloads that break naive
 * code generators (comment terminators, quotes, template holes, line separators, `</script>`, `__proto__`-like keys,
 * reserved words, `import`/`require(x)`/`eval(`, emoji, NUL, BOM). Each case must build, its generated code must
 * type-check under the strict flags, evaluate back to the same schema, validate exactly, and run no injected code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fc from "fast-check";
import { makeProject, runCli } from "../util/project.js";
import { importGenerated, readTree, writeTree } from "../util/generated.js";
import { typecheckFiles } from "../util/typecheck-dir.js";

/** Each tries to run `globalThis.__llmcPwned = 1` if it ever lands outside a literal or comment. */
const PAYLOADS = [
  "*/ globalThis.__llmcPwned = 1; /*",
  "${globalThis.__llmcPwned = 1}",
  "`+(globalThis.__llmcPwned = 1)+`",
  '"+(globalThis.__llmcPwned = 1)+"',
  "'+(globalThis.__llmcPwned = 1)+'",
  "\u2028globalThis.__llmcPwned = 1\u2029",
  "</script><script>globalThis.__llmcPwned = 1</script>",
  "\\",
  "\\u0041",
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "hasOwnProperty",
  "class",
  "default",
  "await",
  "enum",
  "import",
  'import("fs")',
  "require(x)",
  'require("child_process")',
  "eval(",
  "new Function(",
  "\ud83d\ude00 \ud83c\uddfa\ud83c\uddf3",
  "\u0000",
  "\ufeff",
  "\r\n",
  "// line",
  "<!--",
  "-->",
  "",
];

const payload = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 6 }), fc.constantFrom(...PAYLOADS)).map((p) => p.join("")),
);

/** Escapes regular-expression syntax characters, the only identity escapes the "u" flag allows. */
const literalPattern = (text: string): string => `^${text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")}$`;
const pointerToken = (text: string): string => text.replace(/~/g, "~0").replace(/\//g, "~1");

interface Case {
  readonly contract: string;
  readonly description: string;
  readonly schema: Record<string, unknown>;
  readonly valid: Record<string, unknown>;
  readonly invalid: readonly Record<string, unknown>[];
}

/** Distinct keys from payloads: a repeat gets a suffix; `__proto__` itself is refused as a property name. */
function distinct(keys: readonly string[]): string[] {
  const seen = new Set<string>(["obj", "ref"]);
  return keys.map((key) => {
    let k = key === "__proto__" ? `${key}_` : key;
    while (seen.has(k)) k += "#";
    seen.add(k);
    return k;
  });
}

function makeCase(i: number, p: readonly string[]): Case {
  const [kEnum, kConst, kPattern, kDef] = distinct([p[3]!, p[8]!, p[10]!, p[15]!]) as [string, string, string, string];
  // A const object with prototype-like own members (`__proto__` itself is refused anywhere as a key: schema.proto-key).
  const constObject = JSON.parse(
    `{"constructor": ${JSON.stringify(p[12])}, "__proto__ ": 1, ${JSON.stringify(`${p[13]}!`)}: [${JSON.stringify(p[14])}]}`,
  ) as Record<string, unknown>;
  const enumValues = p[4] === p[5] ? [p[4]!] : [p[4]!, p[5]!];
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: p[0],
    description: p[1],
    $comment: p[2],
    type: "object",
    properties: {
      [kEnum]: { type: "string", enum: enumValues, default: p[4], examples: [p[5]], description: p[6], title: p[7] },
      [kConst]: { const: p[9] },
      [kPattern]: { type: "string", pattern: literalPattern(p[11]!) },
      obj: { const: constObject },
      ref: { $ref: `#/$defs/${encodeURIComponent(pointerToken(kDef))}` },
    },
    required: [kEnum, kConst],
    additionalProperties: false,
    $defs: { [kDef]: { type: "string", description: p[16], enum: [p[17]] } },
  };
  const valid = { [kEnum]: p[4], [kConst]: p[9], [kPattern]: p[11], obj: JSON.parse(JSON.stringify(constObject)), ref: p[17] };
  const invalid = [
    { ...valid, [kConst]: `${p[9]}x` },
    { ...valid, [kPattern]: `${p[11]}x` },
    { ...valid, ref: `${p[17]}x` },
    { ...valid, obj: {} },
    Object.fromEntries(Object.entries(valid).filter(([k]) => k !== kEnum)),
  ];
  return { contract: `hostile-${i}`, description: `${p[18]} ${p[19]}`, schema, valid, invalid };
}

function decodedRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodedRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? decodeURIComponent(v) : decodedRefs(v)]),
  );
}

const CASES = 40;

test(`hostile text property › ${CASES} generated contracts build, type-check, evaluate back and run nothing`, async () => {
  const samples = fc.sample(fc.array(payload, { minLength: 20, maxLength: 20 }), { numRuns: CASES, seed: 9 });
  const cases = samples.map((p, i) => makeCase(i, p));
  const files: Record<string, object> = {};
  for (const c of cases) {
    files[`schemas/${c.contract}/contract.json`] = { kind: "model-output", description: c.description };
    files[`schemas/${c.contract}/v1.json`] = c.schema;
  }
  const dir = makeProject(files);
  const r = runCli(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "", "no warnings either: every case is ordinary JSON Schema");

  const tree = readTree(path.join(dir, "generated"));
  const disk = writeTree(new Map([...tree].map(([rel, text]) => [`generated/${rel}`, text])));
  const roots = [...tree.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(disk, "generated", f));
  assert.deepEqual(typecheckFiles(roots, "NodeNext"), [], "generated code type-checks under the strict flags");

  delete (globalThis as Record<string, unknown>)["__llmcPwned"];
  const mod = await importGenerated(tree);
  for (const [i, c] of cases.entries()) {
    const name = `Hostile${i}V1`;
    // The bundler writes each `$ref` in one canonical percent-encoding; compare the pointer it names.
    assert.deepEqual(decodedRefs(mod[`${name}Schema`]), decodedRefs(c.schema), `${c.contract}: schema evaluates back`);
    const is = mod[`is${name}`] as (v: unknown) => boolean;
    assert.equal(is(c.valid), true, `${c.contract}: valid value rejected`);
    c.invalid.forEach((v, k) => assert.equal(is(v), false, `${c.contract}: invalid value ${k} accepted`));
  }
  assert.equal((globalThis as Record<string, unknown>)["__llmcPwned"], undefined, "injected code ran");
});
