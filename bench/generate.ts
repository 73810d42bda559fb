/**
 * A generated project of N contracts for the scale benchmarks (and the cache / watch tests): two versions each,
 * about ten fields of every common shape, both kinds, golden examples per version. Deterministic: the same N gives
 * the same bytes, so runs can be compared.
 *
 * v2 of every contract adds one optional field and widens a string limit (compatible in the contract's mode, so a
 * generated project checks clean once built), and every other tool contract shares a `_shared` definition.
 *
 * With `breaking` (the shape of a real history), v2 of every other contract (odd `i`) instead tightens `maxLength`
 * and `maximum`: old documents may fail the new version, so `build` scaffolds a migration stub for each, and `check`
 * takes the breaking path (drift witnesses, the stub analysis, the migration type-check).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface GenerateOptions {
  /** v2 of every odd-numbered contract tightens `maxLength`/`maximum` (a backward-breaking step, one stub each). */
  readonly breaking?: boolean;
  /**
   * Every contract its own shape: its `status` enum gains a value of its own (`item-<i>`) in both versions, so no
   * two contracts share a validator or printed types (without it the 2,000 schemas of 1,000 contracts have about
   * ten shapes once annotations are set aside, which the run's memos of one shape exploit).
   */
  readonly distinct?: boolean;
}

/** Whether contract `i`'s second version breaks old documents under `options`. */
export function breaksAt(i: number, options: GenerateOptions = {}): boolean {
  return options.breaking === true && i % 2 === 1;
}

export interface GeneratedProject {
  readonly root: string;
  readonly contracts: readonly string[];
}

const ENUMS = [
  ["low", "medium", "high"],
  ["draft", "review", "published", "archived"],
  ["email", "chat", "phone"],
] as const;

export function contractName(i: number): string {
  return `contract-${String(i).padStart(4, "0")}`;
}

/** The schema of contract `i`, version `v` (1 or 2). */
export function schemaOf(i: number, v: number, extra = "", options: GenerateOptions = {}): object {
  const kind = kindOf(i);
  const tight = v >= 2 && breaksAt(i, options);
  const properties: Record<string, object> = {
    id: { type: "string", pattern: "^[a-z]{2}_[A-Za-z0-9]{6,20}$", description: `Identifier of item ${i}.` },
    title: { type: "string", minLength: 1, maxLength: v === 1 ? 120 : tight ? 80 : 200, description: `Short title${extra}.` },
    status: { enum: [...ENUMS[i % ENUMS.length]!, ...(options.distinct === true ? [`item-${i}`] : [])], description: "Where the item stands." },
    score: { type: "number", minimum: 0, maximum: 1 },
    count: { type: "integer", minimum: 0, maximum: tight ? 500 : 1000 },
    urgent: { type: "boolean", description: "Needs attention today." },
    tags: { type: "array", items: { type: "string", maxLength: 32 }, maxItems: 8, uniqueItems: true },
    owner: {
      type: "object",
      properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
      required: ["name"],
      additionalProperties: false,
    },
    note: { type: ["string", "null"], maxLength: 500 },
    created: { type: "string", format: "date-time" },
  };
  if (kind === "tool-arguments" && i % 2 === 0) properties["amount"] = { $ref: "../_shared/money.json#/$defs/Money" };
  if (v >= 2) properties["source"] = { type: "string", enum: ["web", "api", "import"], description: "Where the item came from." };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `Item ${i}`,
    description: `Generated contract ${i} (${kind}).`,
    type: "object",
    properties,
    required: ["id", "title", "status", "urgent"],
    additionalProperties: false,
  };
}

function kindOf(i: number): "model-output" | "tool-arguments" {
  return i % 3 === 2 ? "tool-arguments" : "model-output";
}

function validExample(i: number, v: number): object {
  return {
    id: `it_${String(i).padStart(6, "0")}`,
    title: `Item number ${i}`,
    status: ENUMS[i % ENUMS.length]![0],
    urgent: i % 2 === 0,
    score: 0.5,
    tags: ["a", "b"],
    owner: { name: "Ada", email: "ada@example.com" },
    note: null,
    created: "2026-01-02T03:04:05Z",
    ...(v >= 2 ? { source: "api" } : {}),
  };
}

/** Writes contract `i` (manifest, both versions, examples) under `root/schemas`. */
export function writeContract(root: string, i: number, options: GenerateOptions = {}): string {
  const name = contractName(i);
  const dir = path.join(root, "schemas", name);
  mkdirSync(dir, { recursive: true });
  const kind = kindOf(i);
  writeFileSync(path.join(dir, "contract.json"), `${JSON.stringify({ kind, compatibility: "backward", description: `Generated contract ${i}.` }, null, 2)}\n`);
  for (const v of [1, 2]) {
    writeFileSync(path.join(dir, `v${v}.json`), `${JSON.stringify(schemaOf(i, v, "", options), null, 2)}\n`);
    const valid = path.join(dir, "examples", `v${v}`, "valid");
    const invalid = path.join(dir, "examples", `v${v}`, "invalid");
    mkdirSync(valid, { recursive: true });
    mkdirSync(invalid, { recursive: true });
    writeFileSync(path.join(valid, "typical.json"), `${JSON.stringify(validExample(i, v))}\n`);
    writeFileSync(path.join(invalid, "missing-id.json"), `${JSON.stringify({ ...validExample(i, v), id: undefined, extra: 1 })}\n`);
  }
  return name;
}

/** Writes a project of `n` contracts into `root` (which should be empty). */
export function generateProject(root: string, n: number, first = 0, options: GenerateOptions = {}): GeneratedProject {
  const shared = path.join(root, "schemas", "_shared");
  mkdirSync(shared, { recursive: true });
  writeFileSync(
    path.join(shared, "money.json"),
    `${JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $defs: {
        Money: {
          type: "object",
          properties: { currency: { type: "string", pattern: "^[A-Z]{3}$" }, minor: { type: "integer", minimum: 0 } },
          required: ["currency", "minor"],
          additionalProperties: false,
        },
      },
    }, null, 2)}\n`,
  );
  const contracts: string[] = [];
  for (let i = first; i < first + n; i++) contracts.push(writeContract(root, i, options));
  return { root, contracts };
}

/**
 * Implements the migration stubs `build` scaffolded for the breaking steps (the title is cut to the new limit, the
 * count capped), the way a user would, so that the project checks clean: an implemented migration covers its
 * step's backward breaks. Returns how many modules it rewrote. Run it after the first `build`.
 */
export function implementStubs(root: string): number {
  let rewritten = 0;
  const schemas = path.join(root, "schemas");
  for (const name of readdirSync(schemas).sort()) {
    const file = path.join(schemas, name, "migrations", "v1-to-v2.ts");
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (!text.includes("notImplemented(")) continue;
    const done = text
      .replace(/^import \{ notImplemented \} from .*\n/m, "")
      .replace(/^(\s*)title: notImplemented\(.*\),$/m, "$1title: input.title.slice(0, 80),")
      .replace(/^(\s*)count: notImplemented\(.*\),$/m, "$1...(input.count !== undefined ? { count: Math.min(input.count, 500) } : {}),");
    if (done.includes("notImplemented(")) throw new Error(`${file}: a decision the generator does not know how to implement`);
    writeFileSync(file, done);
    rewritten++;
  }
  return rewritten;
}

// `node dist/bench/generate.js DIR N [--breaking]` writes a project for profiling by hand.
if (process.argv[1] !== undefined && path.basename(process.argv[1]) === "generate.js" && process.argv.length >= 4) {
  const out = generateProject(path.resolve(process.argv[2]!), Number(process.argv[3]), 0, { breaking: process.argv.includes("--breaking") });
  console.log(`${out.contracts.length} contracts in ${out.root}`);
}
