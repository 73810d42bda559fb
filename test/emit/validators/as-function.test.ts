/**
 * Validator code loaded for the golden examples and witness confirmation (src/emit/validators/as-function.ts,
 * load-module.ts `loadValidator`): as a function's body only where that is the module's program, answering as the
 * imported module does; every other form is imported.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asFunction } from "../../../src/emit/validators/as-function.js";
import { importValidator, loadValidator } from "../../../src/emit/validators/load-module.js";
import type { JsonValue } from "../../../src/ir/json.js";
import { REPO_ROOT } from "../../util/project.js";

/** Every JSON file under `dir` (none when it does not exist). */
function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(e.parentPath, e.name));
}

test("validator as a function › a committed validator module read as a function answers every golden example as the imported module", async () => {
  const out = path.join(REPO_ROOT, "generated");
  let loaded = 0;
  for (const contract of readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith("_"))) {
    for (const file of readdirSync(path.join(out, contract.name)).filter((f) => /^v\d+\.validate\.ts$/.test(f))) {
      const code = readFileSync(path.join(out, contract.name, file), "utf8");
      const fast = asFunction(code);
      if (fast === undefined) continue;
      loaded++;
      const imported = await importValidator(code);
      const version = file.split(".")[0]!;
      const values: JsonValue[] = [null, {}, [], "x", 1, true, ...jsonFiles(path.join(REPO_ROOT, "schemas", contract.name, "examples", version)).map((f) => JSON.parse(readFileSync(f, "utf8")) as JsonValue)];
      for (const value of values) assert.equal(fast(value), imported(value), `${contract.name}/${file}: ${JSON.stringify(value).slice(0, 80)}`);
      assert.ok(values.some((v) => fast(v) === true) && values.some((v) => fast(v) === false), `${contract.name}/${file}`);
    }
  }
  assert.ok(loaded >= 3, `loaded ${loaded}`);
});

const MODULE = ["\"use strict\";", "const limit = 3;", "export function validate(data) {", "  return typeof data === \"string\" && data.length <= limit;", "}", "export default validate;", "export function validateFast(data) {", "  return validate(data);", "}", "export { validateFast as validateFirst };", ""].join("\n");

test("validator as a function › the plain module shape is read as a function", async () => {
  const fast = asFunction(MODULE);
  assert.ok(fast !== undefined);
  assert.equal(fast("abc"), true);
  assert.equal(fast("abcd"), false);
  assert.equal((await loadValidator(MODULE))("abcd"), false);
});

test("validator as a function › an export line in a template, a string or a comment, or any other module form, is imported instead", async () => {
  for (const given of [
    MODULE.replace("const limit = 3;", "const limit = `\nexport default validate;\n`.length - 20;"),
    MODULE.replace("const limit = 3;", "/*\nexport function validate(x) {\n*/ const limit = 3;"),
    MODULE.replace("const limit = 3;", "const limit = \"\\\nexport function other(\".length - 20;"),
    MODULE.replace("export default validate;", "export default validate;\nexport const other = 1;"),
    MODULE.replace("export default validate;", "export default validate;\nexport { validateFast as validate };"),
    MODULE.replace("const limit = 3;", "import { limit } from \"./limit.js\";"),
    MODULE.replace("const limit = 3;", "const limit = import.meta.url.length;"),
    MODULE.replace("const limit = 3;", "const limit = await Promise.resolve(3);"),
    MODULE.replace("const limit = 3;", "const limit = typeof arguments;"),
    MODULE.replace("export function validate(data)", "function validate(data)"),
    MODULE.replace("const limit = 3;", "const limit = 3; function llmcExportLine$() {}"),
    `${MODULE}if (limit > 0) return validateFast;\n`,
  ]) {
    assert.equal(asFunction(given), undefined, given);
  }
  // Imported, it answers as a module does.
  const templated = MODULE.replace("const limit = 3;", "const limit = `\nexport default validate;\n`.length - 23;");
  assert.equal((await loadValidator(templated))("abcd"), (await importValidator(templated))("abcd"));
});
