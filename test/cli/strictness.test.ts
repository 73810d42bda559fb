import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

/** Spec-valid, merely unusual: builds with one warning per finding. */
const UNUSUAL = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  "x-vendor": true,
  properties: {
    config: { properties: { a: { type: "string" } }, markdownDescription: "no `type`" },
    pair: { type: "array", items: [{ type: "string" }, { type: "number" }], additionalItems: false },
    version: { type: "string", format: "semver", example: "1.2.3" },
    check: { type: "string", abcIsAcyclic: true },
  },
};

test("strictness › build and check print one warning line per finding, with file, line and pointer", async () => {
  const dir = makeProject(contractFiles("ping", [UNUSUAL]));
  const built = await runCliHere(["build"], dir);
  assert.equal(built.code, 0, built.stderr);
  const lines = built.stderr.trim().split("\n");
  assert.deepEqual(
    lines.map((l) => /^warning: schemas\/ping\/v1\.json:\d+:\d+#(\S+): .* \[(strict\.[a-z-]+)\]$/.exec(l)?.slice(1).join(" ")),
    [
      "/properties/config/properties strict.missing-type",
      "/properties/pair/items strict.open-tuple",
      "/properties/version/format strict.unknown-format",
      "/properties/check/abcIsAcyclic strict.unknown-keyword",
    ],
  );
  assert.match(lines[2]!, /format "semver" is not validated/);
  const checked = await runCliHere(["check"], dir);
  assert.equal(checked.code, 0, checked.stderr);
  assert.equal(checked.stderr, built.stderr, "check lists the same warnings");
  assert.match(checked.stdout, /check passed/);
});

test("strictness › --format json carries the warnings as findings and stays one JSON document", async () => {
  const dir = makeProject(contractFiles("ping", [UNUSUAL]));
  for (const command of ["build", "check"]) {
    const r = await runCliHere([command, "--format", "json"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const out = JSON.parse(r.stdout) as { warnings: { code: string; file: string; pointer: string }[] };
    assert.deepEqual(
      out.warnings.map((w) => w.code),
      ["strict.missing-type", "strict.open-tuple", "strict.unknown-format", "strict.unknown-keyword"],
    );
    assert.ok(out.warnings.every((w) => w.file === "schemas/ping/v1.json" && w.pointer.startsWith("/properties/")));
  }
});

test("strictness › config turns a finding code into an error (exit 2 from build and check alike: src/exit-codes.ts) or off", async () => {
  const strict = makeProject({
    ...contractFiles("ping", [UNUSUAL]),
    "llm-contracts.config.json": { strict: { "missing-type": "error", "strict.unknown-keyword": "off" } },
  });
  const built = await runCliHere(["build"], strict);
  assert.equal(built.code, 2);
  assert.match(built.stderr, /^schemas\/ping\/v1\.json:\d+:\d+#\/properties\/config\/properties: .*\[strict\.missing-type\]$/m);
  assert.doesNotMatch(built.stderr, /unknown-keyword/);
  assert.ok(!existsSync(path.join(strict, "generated")), "nothing written");
  assert.equal((await runCliHere(["check"], strict)).code, 2);
});

test("strictness › an unknown finding code or a bad regex in the config is an input error with did you mean", async () => {
  const typo = makeProject({ ...contractFiles("ping", [UNUSUAL]), "llm-contracts.config.json": { strict: { "missing-typ": "error" } } });
  const r = await runCliHere(["build"], typo);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^llm-contracts\.config\.json#\/strict\/missing-typ: unknown key "missing-typ"; did you mean "missing-type"\? \[config\.invalid\]$/m);
  const regex = makeProject({ ...contractFiles("ping", [UNUSUAL]), "llm-contracts.config.json": { formats: { semver: "(" } } });
  const bad = await runCliHere(["build"], regex);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^llm-contracts\.config\.json:\d+:\d+#\/formats\/semver: not a valid Unicode .*\[config\.invalid\]$/m);
});

test("strictness › a custom format from the config is validated by the generated code", async () => {
  const files = {
    ...contractFiles("ping", [{ type: "object", properties: { v: { type: "string", format: "semver" } }, required: ["v"] }]),
    "llm-contracts.config.json": { formats: { semver: "^\\d+\\.\\d+\\.\\d+$" } },
    "schemas/ping/examples/v1/valid/ok.json": { v: "1.2.3" },
    "schemas/ping/examples/v1/invalid/bad.json": { v: "1.2" },
  };
  const dir = makeProject(files);
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "", "a declared format is not reported");
  assert.match(r.stdout, /2 golden example\(s\) passed/);
  // The same golden "invalid" document passes when the format is unknown: it is not validated, and says so.
  const unknown = makeProject({ ...files, "llm-contracts.config.json": {} });
  const u = await runCliHere(["build"], unknown);
  // A failing golden example is a gate finding: exit 1 from build as from check (src/exit-codes.ts).
  assert.equal(u.code, 1);
  assert.match(u.stderr, /^warning: .*format "semver" is not validated/m);
  assert.match(u.stderr, /bad\.json.*\[example\./);
});
