/**
 * Gathers the catalogue's data from results the other capabilities already produce: the compile (schemas, the
 * generated type text), lint findings, export's lowering and loss manifest, the drift report, and the migration
 * status. Reads only the golden example files; everything else arrives as arguments.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { CompileResult, CompiledVersion } from "../shapes/compiled.js";
import { displayPath, type Project, type ProviderProfile } from "../config/config.js";
import { cmp } from "../discover/discover.js";
import type { DriftReport, PairReport } from "../drift/project.js";
import { formatDiagnostic } from "../errors.js";
import type { ProviderExport } from "../export/export.js";
import { fragmentPlace } from "../export/fragment.js";
import type { LocatedFinding } from "../lint/project.js";
import { readSourceIfPresent } from "../load/read-source.js";
import { migrationSteps } from "../migrate/layout.js";
import { stepStatus } from "../migrate/status.js";
import type { Catalogue, ContractDoc, ExampleDoc, ProviderDoc, StepDoc, VersionDoc } from "./model.js";
import { typeDeclarations } from "./typescript.js";

export interface CatalogueInputs {
  readonly project: Project;
  readonly compiled: CompileResult;
  readonly drift: DriftReport;
  readonly lint: readonly LocatedFinding[];
  /** export's result for one version and profile (src/export/export.ts `exportVersion`). */
  readonly exportOf: (version: CompiledVersion, profile: ProviderProfile) => ProviderExport;
}

/** Examples shown per version and kind; the rest are counted, not shown, so one folder cannot bloat a page. */
const MAX_EXAMPLES = 20;
const MAX_EXAMPLE_BYTES = 20_000;

export function collectCatalogue(inputs: CatalogueInputs): Catalogue {
  const { project, compiled, drift } = inputs;
  const byVersion = new Map<string, CompiledVersion>();
  for (const v of compiled.versions) byVersion.set(`${v.contract.name}@${v.source.version}`, v);
  const pairs = new Map<string, PairReport>();
  for (const p of drift.pairs) if (p.check === "consecutive" && p.contract !== undefined) pairs.set(`${p.contract}@${p.from}`, p);
  const warnings = new Map<string, LocatedFinding[]>();
  for (const f of inputs.lint) {
    // A finding export lowers or drops is in the loss manifest already (the lowered / dropped columns).
    if (f.severity !== "warn" || f.version === undefined || f.export !== undefined) continue;
    const key = `${f.contract}@${f.version}@${f.profile}`;
    (warnings.get(key) ?? warnings.set(key, []).get(key)!).push(f);
  }
  const contracts: ContractDoc[] = [];
  for (const source of compiled.contracts) {
    const m = source.manifest;
    const versions: VersionDoc[] = [];
    for (const vs of source.versions) {
      const v = byVersion.get(`${source.name}@${vs.version}`);
      if (v === undefined) continue;
      const providers = m.providers.map((profile) => providerDoc(inputs, v, profile, warnings.get(`${source.name}@${vs.version}@${profile}`) ?? []));
      const typescript = typeDeclarations(compiled.plan.get(`${source.name}/v${vs.version}.ts`) ?? "");
      versions.push({ version: vs.version, file: vs.display, schema: v.schema, typescript, examples: examplesOf(project.rootDir, source.dir, vs.version), providers });
    }
    const steps: StepDoc[] = migrationSteps(project, source).map((step) => {
      const pair = pairs.get(`${source.name}@${step.from}`);
      return { from: step.from, to: step.to, ...(pair !== undefined ? { pair } : {}), migration: stepStatus(step).status, migrationFile: step.display };
    });
    contracts.push({
      name: source.name,
      kind: m.kind,
      compatibility: m.compatibility,
      toolName: m.toolName ?? source.name,
      ...(m.sideEffects !== undefined ? { sideEffects: m.sideEffects } : {}),
      ...(m.idempotencyKey !== undefined ? { idempotencyKey: m.idempotencyKey } : {}),
      ...(m.description !== undefined ? { description: m.description } : {}),
      providers: [...m.providers],
      versions,
      steps,
    });
  }
  contracts.sort((a, b) => cmp(a.name, b.name));
  return { contracts, problems: [...compiled.problems, ...drift.problems].map(formatDiagnostic) };
}

function providerDoc(inputs: CatalogueInputs, v: CompiledVersion, profile: ProviderProfile, warnings: readonly LocatedFinding[]): ProviderDoc {
  const e = inputs.exportOf(v, profile);
  const loss = (action: "lowered" | "dropped") => e.changes.filter((c) => c.action === action).map((c) => ({ pointer: c.pointer, text: `${c.keyword}: ${c.why}` }));
  return {
    profile,
    accepted: e.fragment !== undefined,
    place: fragmentPlace(profile, v.contract.manifest.kind),
    lowered: loss("lowered"),
    dropped: loss("dropped"),
    errors: e.errors.map((f) => ({ pointer: f.pointer, text: `${f.message} [${f.ruleId}]` })),
    warnings: warnings.map((f) => ({ pointer: f.pointer, text: `${f.message} [${f.ruleId}]` })),
  };
}

/** The golden examples of one version, valid first, each kind in file-name order. */
function examplesOf(rootDir: string, contractDir: string, version: number): ExampleDoc[] {
  const out: ExampleDoc[] = [];
  for (const valid of [true, false]) {
    const dir = path.join(contractDir, "examples", `v${version}`, valid ? "valid" : "invalid");
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && /\.(json|txt)$/.test(e.name)).map((e) => e.name).sort(cmp);
    for (const name of names.slice(0, MAX_EXAMPLES)) {
      // Through the one reader of project files (src/load): the compile read them already, but a file swapped since
      // for a pipe or a huge one is an input error naming it, never a wait; one gone since is left out.
      const file = path.join(dir, name);
      const raw = readSourceIfPresent(file, displayPath(rootDir, file));
      if (raw === undefined) continue;
      const text = raw.length > MAX_EXAMPLE_BYTES ? `${raw.slice(0, MAX_EXAMPLE_BYTES)}\n… (${raw.length - MAX_EXAMPLE_BYTES} more characters)` : raw;
      out.push({ name, valid, text: text.replace(/\r\n/g, "\n").replace(/\n$/, "") });
    }
    if (names.length > MAX_EXAMPLES) out.push({ name: `${names.length - MAX_EXAMPLES} more`, valid, text: "(not shown)" });
  }
  return out;
}
