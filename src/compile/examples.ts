import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import { cmp, type ContractSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { readDocument } from "../load/read.js";
import { assertInsideRoot } from "../contain/real-path.js";
import { parseText, runValidator, type RawValidator } from "../runtime/runtime.js";

/**
 * Golden examples: `examples/v<N>/valid/*` must pass the generated validator, `examples/v<N>/invalid/*` must
 * fail it. `.json` files hold one value; `.txt` files hold raw model output and go through the text parser, so a
 * fixture can pin down that a truncated or fenced answer is rejected with the right class.
 */
export function hasExamples(contract: ContractSource, version: number): boolean {
  return existsSync(path.join(contract.dir, "examples", `v${version}`));
}

/** `<contract> v<N>` of every version with no golden examples folder, and the folder to add for the first of them. */
export function versionsWithoutExamples(project: Project, contracts: readonly ContractSource[]): { versions: string[]; firstFolder?: string } {
  const versions: string[] = [];
  let firstFolder: string | undefined;
  for (const c of contracts) {
    for (const v of c.versions) {
      if (hasExamples(c, v.version)) continue;
      versions.push(`${c.name} v${v.version}`);
      firstFolder ??= displayPath(project.rootDir, path.join(c.dir, "examples", `v${v.version}`));
    }
  }
  return firstFolder === undefined ? { versions } : { versions, firstFolder };
}

export function checkExamples(
  project: Project,
  contract: ContractSource,
  version: number,
  validate: RawValidator,
): { problems: Diagnostic[]; count: number } {
  const problems: Diagnostic[] = [];
  let count = 0;
  const dir = path.join(contract.dir, "examples", `v${version}`);
  for (const expectation of ["valid", "invalid"] as const) {
    const sub = path.join(dir, expectation);
    if (!existsSync(sub)) continue;
    for (const name of readdirSync(sub).sort(cmp)) {
      const file = path.join(sub, name);
      const display = displayPath(project.rootDir, file);
      // Checked before reading: an example linked to /etc/passwd must not reach the validator's error message.
      if (name.endsWith(".json") || name.endsWith(".txt")) assertInsideRoot(project.rootDir, file, display);
      let result;
      if (name.endsWith(".json")) result = runValidator(validate, readDocument(file, display).value);
      else if (name.endsWith(".txt")) result = parseText(validate, readFileSync(file, "utf8"));
      else continue;
      count++;
      if (expectation === "valid" && !result.ok) {
        const first = result.errors[0];
        problems.push({
          code: "example.rejected",
          file: display,
          ...(first !== undefined ? { pointer: first.instancePath } : {}),
          message: `example must be valid under v${version} but fails: ${result.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`,
        });
      } else if (expectation === "invalid" && result.ok) {
        problems.push({ code: "example.accepted", file: display, message: `example must be invalid under v${version} but passes` });
      }
    }
  }
  return { problems, count };
}
