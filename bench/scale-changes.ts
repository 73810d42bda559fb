/**
 * The change classes the scale bench times `check` after (bench/scale.ts), each a one-file (or one-step) edit of
 * a generated project (bench/generate.ts) that a commit would make. Each edit depends on the round, so every
 * round is a real change; applying round r twice is a no-op.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { breaksAt, contractName, type GenerateOptions } from "./generate.js";

export interface ChangeClass {
  readonly name: string;
  /** Applies the change of `round` to contract `index` of the project at `root`. */
  readonly apply: (root: string, index: number, round: number) => void;
}

function rewriteJson<T>(file: string, change: (value: T) => void): void {
  const value = JSON.parse(readFileSync(file, "utf8")) as T;
  change(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A golden example edited into another valid one (v2's typical example gets a new title). */
const exampleEdited: ChangeClass = {
  name: "golden example edited",
  apply(root, index, round) {
    const file = path.join(root, "schemas", contractName(index), "examples", "v2", "valid", "typical.json");
    rewriteJson<{ title: string }>(file, (example) => {
      example.title = `Item number ${index} (edit ${round})`;
    });
  },
};

/** An annotation-only schema edit: v2's `title` description. */
const annotationEdited: ChangeClass = {
  name: "annotation-only schema edit",
  apply(root, index, round) {
    rewriteJson<{ properties: { title: { description: string } } }>(path.join(root, "schemas", contractName(index), "v2.json"), (schema) => {
      schema.properties.title.description = `Short title (edit ${round}).`;
    });
  },
};

/**
 * An assertion change with its migration: v2 of a breaking contract narrows `title.maxLength` further (79, 78, …
 * down to 41, then from 80 again), and the migration cuts the old title to the new limit. Each round within forty
 * is a limit no earlier round set, so no round finds its validator or type-check in the cache (the hook's rounds,
 * bench/scale-hook.ts, start at round 100). Not below 40: the golden example the first class edits has a title of
 * 27 characters (`Item number 501 (edit 1006)`), and with limits down to 10 the seventh round's build refused it.
 */
const assertionWithMigration: ChangeClass = {
  name: "assertion change with its migration",
  apply(root, index, round) {
    const limit = 80 - (round % 40);
    const dir = path.join(root, "schemas", contractName(index));
    rewriteJson<{ properties: { title: { maxLength: number } } }>(path.join(dir, "v2.json"), (schema) => {
      schema.properties.title.maxLength = limit;
    });
    const migration = path.join(dir, "migrations", "v1-to-v2.ts");
    const text = readFileSync(migration, "utf8");
    const next = text.replace(/input\.title\.slice\(0, \d+\)/, `input.title.slice(0, ${limit})`);
    if (next === text && !text.includes(`slice(0, ${limit})`)) throw new Error(`${migration}: no implemented title cut to change`);
    writeFileSync(migration, next);
  },
};

/** The classes that apply to a project of this shape (the assertion change needs a breaking, implemented step). */
export function changeClasses(options: GenerateOptions): readonly ChangeClass[] {
  return options.breaking === true ? [exampleEdited, annotationEdited, assertionWithMigration] : [exampleEdited, annotationEdited];
}

/** The contract the changes are made to: near the middle, and breaking when the project has breaking steps. */
export function changedIndex(n: number, options: GenerateOptions): number {
  const middle = Math.floor(n / 2);
  return options.breaking === true && !breaksAt(middle, options) ? middle + (middle + 1 < n ? 1 : -1) : middle;
}
