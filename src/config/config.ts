import { existsSync } from "node:fs";
import { statSync } from "../contain/stat.js";
import path from "node:path";
import { inputError } from "../errors.js";
import type { Draft } from "../ir/json.js";
import { readDocument } from "../load/read.js";
import { assertValid } from "./validate.js";
import type { Severity, StrictPolicy } from "../strictness/index.js";
import { pointerAppend } from "../ir/json.js";
import { assertInsideRoot } from "../contain/real-path.js";
import { assertApart } from "../contain/folders.js";

export type Compatibility = "backward" | "forward" | "full" | "none";
export type ProviderProfile =
  | "openai-strict"
  | "anthropic"
  | "anthropic-strict"
  | "gemini"
  | "gemini-openapi"
  | "mcp"
  | "portable";

export const CONFIG_FILE = "llm-contracts.config.json";

/** Everything a command needs to know about where a project lives. Paths are absolute. */
export interface Project {
  readonly rootDir: string;
  readonly configFile: string | undefined;
  readonly schemasDir: string;
  readonly outDir: string;
  /** What the build writes: TypeScript modules (default) or ESM JavaScript with `.d.ts` declarations. */
  readonly emit: "ts" | "js";
  readonly defaults: { readonly compatibility?: Compatibility; readonly providers?: readonly ProviderProfile[] };
  /** Named sets of tool contracts sent together in one request (checked against request-level budgets). */
  readonly toolsets: Readonly<Record<string, readonly string[]>>;
  /** Severities of strictness findings (`strict`) and custom regex formats (`formats`) from the config. */
  readonly strictness: StrictPolicy;
  /** Absolute folder of the build cache (config `cacheDir`); undefined: `node_modules/.cache/llm-contracts`. */
  readonly cacheDir?: string;
  /** diff/drift settings: seconds per comparison, draft of `$schema`-less files. */
  readonly drift: DriftSettings;
  /** Config `limits`: defaults generated `is…`/`parse…`/`parse…Text` apply (src/runtime/limits.ts); {} when unset. */
  readonly limits?: Limits;
}

export interface Limits {
  readonly maxDepth?: number;
  readonly maxErrors?: number;
  readonly maxBytes?: number;
}

export interface DriftSettings {
  readonly timeout?: number;
  readonly defaultDraft?: Draft;
  /** The project's own keywords: annotations (ignored) or opaque assertions (a change is unproven). */
  readonly keywords?: Readonly<Record<string, "annotation" | "assertion">>;
}

interface ConfigFile {
  schemasDir?: string;
  outDir?: string;
  emit?: "ts" | "js";
  defaults?: { compatibility?: Compatibility; providers?: ProviderProfile[] };
  toolsets?: Record<string, string[]>;
  strict?: Record<string, Severity>;
  formats?: Record<string, string>;
  limits?: Limits;
  cacheDir?: string;
  drift?: DriftSettings;
}

export { packagedSchema } from "./validate.js";

/**
 * Resolves the project from `--root` / `--config` (at most one of them) and the working directory.
 * A config file is optional; without one, `schemas/` and `generated/` under the root are used.
 */
export function resolveProject(options: { root?: string; config?: string; cwd: string }): Project {
  if (options.root !== undefined && options.config !== undefined) {
    throw inputError("usage.conflict", { file: options.config }, "--root and --config cannot be used together");
  }
  let rootDir: string;
  let configFile: string | undefined;
  if (options.config !== undefined) {
    configFile = path.resolve(options.cwd, options.config);
    if (!existsSync(configFile)) throw inputError("config.missing", { file: options.config }, "config file not found");
    rootDir = path.dirname(configFile);
  } else {
    rootDir = path.resolve(options.cwd, options.root ?? ".");
    if (!existsSync(rootDir) || !statSync(rootDir).isDirectory()) {
      throw inputError("usage.root", { file: options.root ?? "." }, "--root is not a folder");
    }
    const candidate = path.join(rootDir, CONFIG_FILE);
    configFile = existsSync(candidate) ? candidate : undefined;
  }
  let config: ConfigFile = {};
  if (configFile !== undefined) {
    const display = displayPath(rootDir, configFile);
    assertInsideRoot(rootDir, configFile, display);
    const doc = readDocument(configFile, display);
    assertValid("config.schema.json", doc.value, display, "config.invalid");
    config = doc.value as ConfigFile;
    for (const [name, source] of Object.entries(config.formats ?? {})) {
      try {
        new RegExp(source, "u");
      } catch (error) {
        const pointer = pointerAppend("/formats", name);
        const reason = error instanceof Error ? error.message : String(error);
        throw inputError("config.invalid", { file: display, pointer, ...doc.locate(pointer) }, `not a valid Unicode ("u" flag) regular expression: ${reason}`);
      }
    }
  }
  const schemasDir = path.resolve(rootDir, config.schemasDir ?? "schemas");
  const outDir = path.resolve(rootDir, config.outDir ?? "generated");
  const display = displayPath(rootDir, outDir);
  if (outDir === rootDir || !outDir.startsWith(rootDir + path.sep) || schemasDir.startsWith(outDir + path.sep) || schemasDir === outDir) {
    throw inputError("config.out-dir", { file: display }, "outDir must be a folder inside the project root, apart from schemasDir");
  }
  // By real path too: a link inside the project may lead out of it (src/contain).
  assertInsideRoot(rootDir, schemasDir, displayPath(rootDir, schemasDir));
  assertInsideRoot(rootDir, outDir, display);
  const cacheDir = config.cacheDir !== undefined ? path.resolve(rootDir, config.cacheDir) : undefined;
  const configDisplay = configFile !== undefined ? displayPath(rootDir, configFile) : CONFIG_FILE;
  if (cacheDir !== undefined) assertInsideRoot(rootDir, cacheDir, displayPath(rootDir, cacheDir));
  // Without a cacheDir the cache goes to the default folder, which an outDir of `node_modules` would hold.
  assertApart(schemasDir, [
    ...(cacheDir === undefined ? [{ setting: "the default cacheDir (node_modules/.cache/llm-contracts)", dir: defaultCacheDir(rootDir), file: configDisplay }] : []),
    { setting: "outDir", dir: outDir, file: configDisplay, pointer: "/outDir" },
    ...(cacheDir !== undefined ? [{ setting: "cacheDir", dir: cacheDir, file: configDisplay, pointer: "/cacheDir" }] : []),
  ]);
  return {
    rootDir, configFile, schemasDir, outDir, emit: config.emit ?? "ts", defaults: config.defaults ?? {}, toolsets: config.toolsets ?? {},
    strictness: { severity: config.strict ?? {}, formats: config.formats ?? {} },
    drift: config.drift ?? {},
    ...(config.limits !== undefined ? { limits: config.limits } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
  };
}

/** `/`-separated path relative to the project root, for messages and generated banners. */
/** The default cache folder, where tools conventionally keep caches (`find-cache-dir`, Babel, ESLint, Nx). */
export function defaultCacheDir(rootDir: string): string {
  return path.join(rootDir, "node_modules", ".cache", "llm-contracts");
}

export function displayPath(rootDir: string, file: string): string {
  const rel = path.relative(rootDir, file);
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}
