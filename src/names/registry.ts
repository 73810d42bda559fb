/**
 * One registry of generated names: every exported identifier of a shared module and every generated file name is
 * claimed with its source, and a second claim of the same name (or of a file name that differs only in case, which
 * a case-insensitive file system merges) is refused naming both sources.
 *
 * Why: names are derived (`foo` v1 and the latest version of `foo-v1` are both `FooV1`; `a-1` and `a1` are both
 * `A1`), and before this registry such a project built and checked cleanly, then `tsc` failed with TS2300
 * (duplicate identifier) in `generated/index.ts` and the JavaScript output failed to import.
 */
import type { Diagnostic } from "../errors.js";

export interface NameClaim {
  /** The generated name (an identifier, or a path under the output folder). */
  readonly name: string;
  /** The module the name is exported from (`generated/index.ts`), or "file" for file names. */
  readonly scope: string;
  /** What the name is, for the message: `the v1 type of contract foo`. */
  readonly what: string;
  /** The file to blame (a contract folder, the config): a project-relative display path. */
  readonly file: string;
  readonly pointer?: string;
}

/**
 * Claims in order; returns one diagnostic per pair of sources that claim a name twice (the later source is blamed;
 * the first name is shown with the count of the others, since `foo-v1` against `foo` clashes on every derived name).
 */
export function collisions(claims: readonly NameClaim[]): Diagnostic[] {
  const seen = new Map<string, NameClaim>();
  const pairs = new Map<string, { first: NameClaim; later: NameClaim; more: number }>();
  for (const c of claims) {
    const key = `${c.scope}\0${c.scope === "file" ? c.name.toLowerCase() : c.name}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, c);
      continue;
    }
    // The same source claiming a name twice (a type and its alias) is one thing, not a collision.
    if (first.what === c.what && first.file === c.file && first.name === c.name) continue;
    const pair = `${first.file}\0${c.file}`;
    const known = pairs.get(pair);
    if (known === undefined) pairs.set(pair, { first, later: c, more: 0 });
    else known.more++;
  }
  return [...pairs.values()].map(({ first, later: c, more }) => {
    const where = c.scope === "file" ? "generated file" : `generated name in ${c.scope}`;
    const same = first.name === c.name ? c.name : `${c.name} (and ${first.name}, equal ignoring case)`;
    const others = more === 0 ? "" : ` (and ${more} more name(s) of the two)`;
    return {
      code: "names.collision",
      file: c.file,
      ...(c.pointer !== undefined ? { pointer: c.pointer } : {}),
      message: `${where} ${same}, ${c.what}, is also ${first.what} (${first.file})${others}; rename one of them`,
    };
  });
}
