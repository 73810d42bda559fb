import type { PackageFile } from "../../paths.js";
import { copiedModule } from "../codegen/copy.js";

/** The runtime's parts (src/runtime/<part>.ts -> generated/_runtime/<part>.ts), in the barrel's order. */
export const RUNTIME_PARTS = ["types", "limits", "errors", "numbers", "text", "upgrade"] as const;
export type RuntimePart = (typeof RUNTIME_PARTS)[number];

/** The SDK runtime, copied verbatim from src/sdk/runtime/ into `generated/_sdk/`. An explicit, ordered list. */
export const SDK_RUNTIME_FILES = ["result.ts", "record.ts", "select.ts", "dedup.ts", "execute.ts", "retry.ts", "repair.ts", "otel.ts", "choice.ts", "openai.ts", "anthropic.ts", "gemini.ts", "mcp.ts", "partial-json.ts", "stream.ts", "router.ts"] as const;

/** Import specifier of a runtime part from a module `depth` folders below `generated/` (0: the root). */
export function runtimeSpecifier(part: RuntimePart, depth: number): string {
  return `${depth === 0 ? "./" : "../".repeat(depth)}_runtime/${part}.js`;
}

/** One file shipped in src/ and copied into the output folder. */
export interface RuntimeCopy {
  /** Path in the output folder. */
  readonly out: string;
  readonly file: PackageFile;
  /** For the banner. */
  readonly what: string;
  /** The specifier rewrites the copy needs (see codegen/copy.ts). */
  readonly rewrite?: (text: string) => string;
}

const RUNTIME = "the llm-contracts runtime";

/**
 * Every file a build copies into generated/, by who plans it: the compiler (`runtime`, once per project), the
 * Standard Schema and JSON Schema extensions (src/emit/standard/module.ts), the SDK extension (src/sdk/emit).
 * One table and one copier (`runtimeCopies`), so a file cannot be copied in two ways or listed twice.
 */
export const RUNTIME_COPIES = {
  /**
   * `generated/_runtime/<part>.ts`, verbatim copies of src/runtime/<part>.ts (they import only each other), and
   * `generated/_runtime.ts`, the barrel src/runtime/runtime.ts with its specifiers pointed into `_runtime/`.
   */
  runtime: [
    { out: "_runtime.ts", file: "src/runtime/runtime.ts", what: RUNTIME, rewrite: pointBarrelIntoFolder },
    ...RUNTIME_PARTS.map((part): RuntimeCopy => ({ out: `_runtime/${part}.ts`, file: `src/runtime/${part}.ts`, what: RUNTIME })),
  ],
  /** Self-contained: types, or type imports of the runtime barrel only. */
  standard: [{ out: "_standard.ts", file: "src/runtime/standard.ts", what: "the llm-contracts Standard Schema adapter", rewrite: importBarrel }],
  "json-schema": [{ out: "_json-schema.ts", file: "src/runtime/json-schema.ts", what: "the llm-contracts JSON Schema types", rewrite: importBarrel }],
  sdk: SDK_RUNTIME_FILES.map((file): RuntimeCopy => ({ out: `_sdk/${file}`, file: `src/sdk/runtime/${file}`, what: "the llm-contracts SDK runtime" })),
} as const satisfies Readonly<Record<string, readonly RuntimeCopy[]>>;

export type RuntimeGroup = keyof typeof RUNTIME_COPIES;

/** The copies of one group, as output path → file text. */
export function runtimeCopies(group: RuntimeGroup): Map<string, string> {
  const files = new Map<string, string>();
  for (const copy of RUNTIME_COPIES[group] as readonly RuntimeCopy[]) {
    files.set(copy.out, copiedModule({ file: copy.file, what: copy.what, ...(copy.rewrite !== undefined ? { rewrite: copy.rewrite } : {}) }));
  }
  return files;
}

/** `generated/_runtime.ts` and `generated/_runtime/<part>.ts`. */
export function renderRuntimeModules(): Map<string, string> {
  return runtimeCopies("runtime");
}

function pointBarrelIntoFolder(barrel: string): string {
  return barrel.replace(/ from "\.\/([a-z]+)\.js";/g, (whole, part: string) => {
    if (!(RUNTIME_PARTS as readonly string[]).includes(part)) throw new Error(`runtime barrel names unknown part ${part}`);
    return ` from "./_runtime/${part}.js";`;
  });
}

function importBarrel(source: string): string {
  return source.replace(`from "./runtime.js";`, `from "./_runtime.js";`);
}
