import { createHash } from "node:crypto";
import { displayPath, type Project } from "../config/config.js";
import { discoverContracts, type ContractSource, type VersionSource } from "../discover/discover.js";
import { InputError, type Diagnostic } from "../errors.js";
import { emitTypes } from "../emit/types/index.js";
import { compileValidator } from "../emit/validators/index.js";
import { renderContractIndex, renderRootIndex, type ContractIndexInput } from "../emit/modules/indexes.js";
import { renderRuntimeModule } from "../emit/modules/runtime.js";
import { renderValidatorModule, renderVersionModule } from "../emit/modules/version.js";
import { versionNames } from "../emit/modules/names.js";
import { canonicalJson, type Draft, type JsonObject } from "../ir/json.js";
import { loadSchemaFile, type LoadContext } from "../load/index.js";
import type { RawValidator } from "../runtime/runtime.js";
import { checkExamples, hasExamples } from "./examples.js";
import { PLAN_EXTENSIONS, PROJECT_EXTENSIONS } from "./extensions.js";
import { renderUpgradeModule } from "../migrate/upgrade-module.js";
import type { WritePlan } from "../write/plan.js";

export interface CompiledVersion {
  readonly contract: ContractSource;
  readonly source: VersionSource;
  readonly draft: Draft;
  readonly schema: JsonObject;
  readonly hash: string;
  /** ESM JavaScript of the standalone validator (what `v<N>.validate.ts` holds). */
  readonly validatorCode: string;
}

export interface CompileResult {
  readonly plan: WritePlan;
  readonly versions: readonly CompiledVersion[];
  readonly contracts: readonly ContractSource[];
  /** Everything wrong with the inputs. A plan is only complete (and only written) when this is empty. */
  readonly problems: readonly Diagnostic[];
  readonly examples: number;
}

/** sha256 of the canonical JSON of a bundled schema, as `sha256:<hex>`. */
export function contractHash(schema: JsonObject): string {
  return `sha256:${createHash("sha256").update(canonicalJson(schema), "utf8").digest("hex")}`;
}

/**
 * discover → load (bundle) → schema checks → emit types and validators → golden examples → plan.
 * Problems are collected per contract version, so one bad file does not hide the others.
 */
export async function compileProject(project: Project): Promise<CompileResult> {
  const discovery = discoverContracts(project);
  const problems: Diagnostic[] = [...discovery.problems];
  const ctx: LoadContext = { schemasDir: project.schemasDir, rootDir: project.rootDir };
  const plan = new Map<string, string>();
  const compiled: CompiledVersion[] = [];
  const indexes: ContractIndexInput[] = [];
  let examples = 0;

  for (const contract of discovery.contracts) {
    let complete = true;
    for (const source of contract.versions) {
      try {
        const result = await compileVersion(project, ctx, contract, source, plan);
        if (result.problems.length > 0) complete = false;
        problems.push(...result.problems);
        examples += result.examples;
        if (result.compiled !== undefined) compiled.push(result.compiled);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        complete = false;
        problems.push(error.diagnostic);
      }
    }
    if (!complete) continue;
    const index: ContractIndexInput = {
      contract: contract.name,
      kind: contract.manifest.kind,
      ...(contract.manifest.description !== undefined ? { description: contract.manifest.description } : {}),
      versions: contract.versions.map((v) => v.version),
      source: displayPath(project.rootDir, contract.dir),
    };
    indexes.push(index);
    plan.set(`${contract.name}/index.ts`, renderContractIndex(index));
    plan.set(`${contract.name}/upgrade.ts`, renderUpgradeModule(project, contract));
  }
  for (const extension of PROJECT_EXTENSIONS) {
    const out = extension.files({ project, versions: compiled });
    for (const [rel, text] of out.files) plan.set(rel, text);
    problems.push(...out.problems);
  }
  plan.set("_runtime.ts", renderRuntimeModule());
  plan.set("index.ts", renderRootIndex(indexes, displayPath(project.rootDir, project.schemasDir)));
  return { plan, versions: compiled, contracts: discovery.contracts, problems, examples };
}

async function compileVersion(
  project: Project,
  ctx: LoadContext,
  contract: ContractSource,
  source: VersionSource,
  plan: Map<string, string>,
): Promise<{ compiled?: CompiledVersion; problems: Diagnostic[]; examples: number }> {
  const loaded = loadSchemaFile(source.file, ctx);
  const validator = compileValidator(loaded.schema, loaded.draft, source.display);
  if (!validator.ok) return { problems: [...validator.problems], examples: 0 };

  const names = versionNames(contract.name, source.version);
  const validatorCode = validator.code;
  const types = await emitTypes({ schema: loaded.schema, draft: loaded.draft, rootName: names.type });
  const hash = contractHash(loaded.schema);
  const prefix = `${contract.name}/v${source.version}`;
  plan.set(
    `${prefix}.ts`,
    renderVersionModule({
      contract: contract.name,
      version: source.version,
      kind: contract.manifest.kind,
      draft: loaded.draft,
      source: source.display,
      schema: loaded.schema,
      hash,
      types,
    }),
  );
  plan.set(`${prefix}.validate.ts`, renderValidatorModule(contract.name, source.version, source.display, validatorCode));

  const compiled: CompiledVersion = { contract, source, draft: loaded.draft, schema: loaded.schema, hash, validatorCode };
  for (const extension of PLAN_EXTENSIONS) for (const [rel, text] of extension.files(compiled)) plan.set(rel, text);
  if (!hasExamples(contract, source.version)) return { compiled, problems: [], examples: 0 };
  // Golden examples run through the exact generated validator code, not a re-compiled in-memory one.
  const validate = await importValidator(validatorCode);
  const ex = checkExamples(project, contract, source.version, validate);
  return { compiled, problems: ex.problems, examples: ex.count };
}

/** Loads generated validator code (zero imports) as a module without touching the disk. */
export async function importValidator(code: string): Promise<RawValidator> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as {
    validate: RawValidator;
  };
  return mod.validate;
}
