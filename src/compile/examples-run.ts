/**
 * Golden examples run through a version's validator: each `valid/*` must pass it, each `invalid/*` must fail it
 * (examples.ts says what the files are). Its own module because it loads the runtime the generated code ships
 * with (src/runtime): a compile that finds the outcome of its examples in the cache (examples-cache.ts) loads none.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import { cmp, type ContractSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { readDocument } from "../load/read.js";
import { readInputBytes } from "../load/read-source.js";
import { assertInsideRoot } from "../contain/real-path.js";
// The runtime module that runs JSON examples, not the runtime's barrel (runtime.ts): the examples-only lane of an
// edited example's check loads this module, and the barrel's upgrade and type modules are ones it never runs. The
// text parser (text.ts, with numbers.ts) is loaded when a `.txt` example is met.
import { runValidator } from "../runtime/errors.js";
import type { RawValidator } from "../runtime/types.js";

export async function checkExamples(
  project: Project,
  contract: ContractSource,
  version: number,
  validate: RawValidator,
): Promise<{ problems: Diagnostic[]; count: number }> {
  let parseText: typeof import("../runtime/text.js").parseText | undefined;
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
      else if (name.endsWith(".txt")) {
        parseText ??= (await import("../runtime/text.js")).parseText;
        result = parseText(validate, readInputBytes(file, display).toString("utf8"));
      }
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
