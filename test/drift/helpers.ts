import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importValidator } from "../../src/compile/compile.js";
import { emitValidator } from "../../src/emit/validators/index.js";
import { draftOf, type Draft, type JsonObject, type JsonValue } from "../../src/ir/json.js";
import { REPO_ROOT } from "../util/project.js";

export const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "drift");

export interface Fixture {
  readonly id: string;
  readonly before: JsonObject;
  readonly after: JsonObject;
  readonly expected: {
    readonly rule: string;
    readonly modelOutput?: boolean;
    readonly verdict: { backward: string; forward: string };
    readonly changes: readonly { rule: string; pointer: string; oldPointer: string; breaks: string[]; unknown: string[]; witness: string | null }[];
  };
}

export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES).sort().map((id) => {
    const read = (n: string) => JSON.parse(readFileSync(path.join(FIXTURES, id, `${n}.json`), "utf8")) as never;
    return { id, before: read("before"), after: read("after"), expected: read("expected") };
  });
}

/** The draft a fixture declares; `fallback` for one without `$schema`. */
export function draft(schema: JsonObject, fallback: Draft = "2020-12"): Draft {
  if (schema["$schema"] === undefined) return fallback;
  return draftOf(schema["$schema"] as string | undefined) ?? "2020-12";
}

/** The generated (standalone) validator of a schema, as shipped in generated/. */
export async function compiled(schema: JsonObject, fallback: Draft = "2020-12"): Promise<(v: JsonValue) => boolean> {
  const validate = await importValidator(emitValidator({ schema, draft: draft(schema, fallback), strict: false }));
  return (v) => validate(v) === true;
}
