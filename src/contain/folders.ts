/**
 * The project's folders, each with one owner: schemas and migrations belong to the user, the output folder to the
 * build (it may be wiped), the cache to the cache (safe to delete). A folder inside another would let one owner
 * destroy or shadow the other's files: `"outDir": "schemas/gen"` makes the generated modules contracts' input,
 * `"cacheDir": "schemas"` makes the cache entries schema files. So no two may overlap, compared by real path.
 */
import path from "node:path";
import { inputError } from "../errors.js";
import { isInside, realPathOf } from "./real-path.js";

export interface NamedFolder {
  /** The config setting or flag that chose it: `outDir`, `cacheDir`, `--cache-dir`, `migrationsDir`. */
  readonly setting: string;
  readonly dir: string;
  /** Project-relative display path of the file that chose it (the config, a contract.json). */
  readonly file: string;
  readonly pointer?: string;
}

/**
 * Throws `config.folders-overlap` for the first of `folders` that is, contains or lies inside `schemasDir` or a
 * folder listed before it.
 */
export function assertApart(schemasDir: string, folders: readonly NamedFolder[]): void {
  const seen: { setting: string; real: string }[] = [{ setting: "schemasDir", real: realPathOf(schemasDir) }];
  for (const f of folders) {
    const real = realPathOf(f.dir);
    for (const other of seen) {
      if (isInside(real, other.real) || isInside(other.real, real)) {
        const how = real === other.real ? "is the same folder as" : isInside(real, other.real) ? "lies inside" : "contains";
        throw inputError(
          "config.folders-overlap",
          { file: f.file, ...(f.pointer !== undefined ? { pointer: f.pointer } : {}) },
          `${f.setting} (${path.basename(f.dir) || f.dir}) ${how} ${other.setting}; the schemas, output, cache and migrations folders must not overlap`,
        );
      }
    }
    seen.push({ setting: f.setting, real });
  }
}
