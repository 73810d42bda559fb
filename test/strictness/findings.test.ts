import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FINDINGS, applyPolicy, findingCode, severityOf, isAnnotation } from "../../src/strictness/index.js";
import { REPO_ROOT } from "../util/project.js";

test("every finding code is documented in the README and accepted by the config schema", () => {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "src/config/config.schema.json"), "utf8")) as {
    properties: { strict: { propertyNames: { enum: string[] } } };
  };
  const keys = config.properties.strict.propertyNames.enum;
  for (const f of FINDINGS) {
    assert.match(readme, new RegExp(`\\| \`${findingCode(f.id).replace(".", "\\.")}\` \\| ${f.severity} \\|`), f.id);
    assert.ok(keys.includes(f.id) && keys.includes(findingCode(f.id)), f.id);
  }
  assert.equal(keys.length, FINDINGS.length * 2, "no config key without a finding");
});

test("the policy sorts findings by configured severity, defaulting per code; other codes are always errors", () => {
  const d = (code: string) => ({ code, file: "f", pointer: "", message: code });
  const findings = [d("strict.missing-type"), d("strict.keyword-typo"), d("strict.unknown-keyword"), d("schema.meta")];
  const byDefault = applyPolicy(findings, { severity: {}, formats: {} });
  assert.deepEqual(byDefault.errors.map((f) => f.code), ["strict.keyword-typo", "schema.meta"]);
  assert.deepEqual(byDefault.warnings.map((f) => f.code), ["strict.missing-type", "strict.unknown-keyword"]);
  const configured = applyPolicy(findings, { severity: { "missing-type": "error", "strict.unknown-keyword": "off" }, formats: {} });
  assert.deepEqual(configured.errors.map((f) => f.code), ["strict.missing-type", "strict.keyword-typo", "schema.meta"]);
  assert.deepEqual(configured.warnings, []);
  assert.equal(severityOf("schema.meta", { severity: { "schema.meta": "off" }, formats: {} }), "off");
});

test("annotations: x-* and the editor/OpenAPI list, nothing else", () => {
  for (const k of ["x-taplo", "x-", "example", "markdownDescription", "discriminator", "defaultSnippets"]) assert.ok(isAnnotation(k), k);
  for (const k of ["tsType", "examples_", "unit", "X-upper"]) assert.ok(!isAnnotation(k), k);
});
