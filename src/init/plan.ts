/**
 * What `llm-contracts init` writes, as data: project-relative `/` paths mapped to file text. Pure apart from
 * reading the project's tsconfig (layout.ts), so the same inputs always give byte-identical files.
 */
import path from "node:path";
import { CONFIG_FILE } from "../config/config.js";
import { packageFilePath } from "../paths.js";
import { EXAMPLE_CONTRACTS, EXAMPLE_TOOLSET } from "./examples.js";
import { detectLayout, joinRel, type SourceLayout } from "./layout.js";

export type EmitFlavour = "ts" | "js";

export interface InitOptions {
  readonly schemasDir?: string;
  readonly outDir?: string;
}

export interface InitPlan {
  readonly files: ReadonlyMap<string, string>;
  readonly layout: SourceLayout;
  readonly schemasDir: string;
  readonly outDir: string;
  readonly emit: EmitFlavour;
  /** Folder the migrations of each example contract go to (project-relative), when not the default. */
  readonly migrationsDir: string | undefined;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The config's `$schema`: the copy of config.schema.json installed with this package, relative to the project. */
export function configSchemaRef(rootDir: string): string {
  const installed = path.relative(rootDir, packageFilePath("src/config/config.schema.json")).split(path.sep).join("/");
  if (installed.split("/").includes("node_modules") && !path.isAbsolute(installed)) {
    return installed.startsWith(".") ? installed : `./${installed}`;
  }
  return "./node_modules/llm-contracts/src/config/config.schema.json";
}

export function planInit(rootDir: string, options: InitOptions): InitPlan {
  const layout = detectLayout(rootDir);
  const clean = (p: string): string => path.posix.normalize(p.split(path.sep).join("/")).replace(/\/+$/, "");
  const schemasDir = clean(options.schemasDir ?? "schemas");
  const outDir = clean(options.outDir ?? joinRel(layout.sourceDir, "generated"));
  // A project without TypeScript gets JavaScript output (ESM + .d.ts): nothing there would compile `.ts` files.
  const emit: EmitFlavour = layout.tsconfig === undefined ? "js" : "ts";
  const migrationsRoot = layout.sourceDir === "." ? undefined : joinRel(layout.sourceDir, "migrations");

  const files = new Map<string, string>();
  // The tool contracts as one toolset: its router and per-provider `tools` arrays come from the same list.
  const toolset = EXAMPLE_CONTRACTS.filter((c) => c.manifest["kind"] === "tool-arguments").map((c) => c.name);
  files.set(CONFIG_FILE, json({ $schema: configSchemaRef(rootDir), schemasDir, outDir, ...(emit === "js" ? { emit } : {}), toolsets: { [EXAMPLE_TOOLSET]: toolset } }));
  for (const contract of EXAMPLE_CONTRACTS) {
    const dir = `${schemasDir}/${contract.name}`;
    const manifest =
      migrationsRoot === undefined
        ? contract.manifest
        : { ...contract.manifest, migrationsDir: path.posix.relative(dir, `${migrationsRoot}/${contract.name}`) };
    files.set(`${dir}/contract.json`, json(manifest));
    files.set(`${dir}/v1.json`, json(contract.schema));
    for (const [rel, content] of Object.entries(contract.examples)) {
      files.set(`${dir}/examples/v1/${rel}`, typeof content === "string" ? content : json(content));
    }
  }
  return { files, layout, schemasDir, outDir, emit, migrationsDir: migrationsRoot };
}
