import { existsSync } from "node:fs";
import { statSync } from "../../src/contain/stat.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import path from "node:path";
import { inputError } from "../../src/errors.js";
import { nextSteps } from "../../src/init/next-steps.js";
import { planInit } from "../../src/init/plan.js";
import { writeInitFiles } from "../../src/init/write.js";
import { outputFormat, parse } from "../args.js";
import { printJson, type Io } from "../output.js";

export const INIT_HELP = `llm-contracts init [--root DIR] [--schemas-dir DIR] [--out-dir DIR] [--force] [--format text|json]

Sets up llm-contracts in an empty folder or an existing project: writes llm-contracts.config.json (its $schema points
at the installed config schema) and two example contracts with golden examples, a model output (support-reply) and
tool arguments (lookup-order), then prints the next steps. With a tsconfig.json, the output folder and migrations go
inside the folder it compiles (its rootDir or first include), so the app builds with its tsconfig unchanged; without
one, the output is JavaScript with .d.ts declarations.
Never overwrites a file: if one exists, nothing is written (exit 2) unless --force.

${EXIT_CODE_TABLE}`;

const OPTIONS = {
  root: { type: "string" },
  "schemas-dir": { type: "string" },
  "out-dir": { type: "string" },
  force: { type: "boolean" },
  format: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function initCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  if (values.help === true) {
    io.out(INIT_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const rootDir = path.resolve(io.cwd, values.root ?? ".");
  if (!existsSync(rootDir) || !statSync(rootDir).isDirectory()) throw inputError("usage.root", { file: values.root ?? "." }, "--root is not a folder");
  for (const [flag, value] of [["--schemas-dir", values["schemas-dir"]], ["--out-dir", values["out-dir"]]] as const) {
    if (value !== undefined && (path.isAbsolute(value) || path.posix.normalize(value.split(path.sep).join("/")).startsWith(".."))) {
      throw inputError("usage.init-dir", { file: value }, `${flag} must be a folder inside the project`);
    }
  }
  const plan = planInit(rootDir, {
    ...(values["schemas-dir"] !== undefined ? { schemasDir: values["schemas-dir"] } : {}),
    ...(values["out-dir"] !== undefined ? { outDir: values["out-dir"] } : {}),
  });
  const result = writeInitFiles(rootDir, plan.files, values.force === true);
  if (format === "json") {
    printJson(io, { written: result.written, replaced: result.replaced, schemasDir: plan.schemasDir, outDir: plan.outDir, emit: plan.emit, sourceDir: plan.layout.sourceDir });
    return 0;
  }
  const place = plan.layout.tsconfig === undefined ? `${plan.layout.reason}: JavaScript output` : `tsconfig.json: ${plan.layout.reason}`;
  io.out(`initialised llm-contracts: ${result.written.length} file(s) written (${place}; output in ${plan.outDir}/)`);
  for (const rel of result.replaced) io.out(`replaced ${rel} (--force)`);
  io.out(nextSteps(plan));
  return 0;
}
