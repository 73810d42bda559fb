import path from "node:path";
import type { CacheOptions } from "../src/cache/session.js";

/** `--no-cache` and `--cache-dir DIR` of `build` and `check`. */
export const CACHE_OPTIONS = {
  "no-cache": { type: "boolean" },
  "cache-dir": { type: "string" },
} as const;

export const CACHE_HELP = `  --no-cache       neither read nor write the build cache
  --cache-dir DIR  where the build cache lives (default: cacheDir from the config, else
                   node_modules/.cache/llm-contracts under the root); safe to delete at any time`;

export function cacheOptions(values: { "no-cache"?: boolean | undefined; "cache-dir"?: string | undefined }, cwd: string): CacheOptions {
  return {
    ...(values["no-cache"] === true ? { enabled: false } : {}),
    ...(values["cache-dir"] !== undefined ? { dir: path.resolve(cwd, values["cache-dir"]) } : {}),
  };
}
