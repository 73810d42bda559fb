/**
 * Runs the JSON-Schema-Test-Suite (shared/json-schema-test-suite) through generated standalone validators and
 * through ajv in memory, for one draft folder.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Draft, JsonObject, JsonValue } from "../../src/ir/json.js";
import { draftFacts } from "../../src/ir/drafts.js";
import { createAjv, emitValidator } from "../../src/emit/validators/index.js";
import { forbiddenConstructs } from "../../src/emit/validators/lexer.js";

export interface SuiteCase {
  readonly description: string;
  readonly data: JsonValue;
  readonly valid: boolean;
}

export interface SuiteGroup {
  readonly description: string;
  /** Usually an object; the suite also has boolean root schemas. */
  readonly schema: JsonValue;
  readonly tests: readonly SuiteCase[];
}

/** One test case's result. `key` is what expected-failures.ts lists. */
export interface CaseOutcome {
  readonly key: string;
  /** Top-level file (required by the spec) rather than under `optional/`. */
  readonly required: boolean;
  readonly passed: boolean;
  /** Why it failed, or that the generated and in-memory validators disagreed. */
  readonly detail: string;
  readonly disagreement: boolean;
  /** Whether the fast path (src/emit/fast) answered this case itself rather than deferring to ajv's code. */
  readonly fast: boolean;
}

export function caseKey(folder: string, file: string, group: string, test: string): string {
  return `${folder} | ${file} | ${group} | ${test}`;
}

/** Test files of a draft folder, relative and with `/`, sorted; `optional/...` included. */
export function suiteFiles(draftDir: string): string[] {
  const files: string[] = [];
  const visit = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(draftDir, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".json")) files.push(child);
    }
  };
  visit("");
  return files.sort();
}

/**
 * Remote schemas a draft folder's tests may reference as `http://localhost:1234/<path>`: the draft-neutral files
 * at the top of remotes/ and the draft's own subfolder (other drafts' remotes would need other meta-schemas).
 * `emitValidator` registers extra schemas by `$id` (`id` in draft-04), so a remote without one gets its URL as its
 * id, and a remote whose id differs from its URL is also reachable through a small schema at the URL that refers to it.
 */
export function loadRemotes(remotesDir: string, folder: string, draft: Draft): JsonObject[] {
  // `id` in draft-04, `$id` after (ajv-draft-04 looks for `id` only).
  const idKeyword = draftFacts(draft).idKeyword;
  const otherDraftDir = (name: string): boolean => /^(draft\d|draft20|v\d)/.test(name) && name !== folder;
  const remotes: JsonObject[] = [];
  const visit = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(remotesDir, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!(rel === "" && otherDraftDir(entry.name))) visit(child);
      } else if (entry.name.endsWith(".json")) {
        const schema = JSON.parse(fs.readFileSync(path.join(remotesDir, child), "utf8")) as JsonObject;
        const url = `http://localhost:1234/${child}`;
        const id = schema[idKeyword];
        if (id === undefined) remotes.push({ [idKeyword]: url, ...schema });
        else remotes.push(schema);
        if (typeof id === "string" && id !== url) remotes.push({ [idKeyword]: url, allOf: [{ $ref: id }] });
      }
    }
  };
  visit("");
  return remotes;
}

/**
 * Every case of one draft folder. Each group's validator is generated, written to `tmpDir` as an .mjs module and
 * imported, exactly as a project would use it; ajv in memory runs beside it on the same options.
 */
export async function runDraft(suiteDir: string, folder: string, draft: Draft, tmpDir: string): Promise<CaseOutcome[]> {
  const draftDir = path.join(suiteDir, "tests", folder);
  const remotes = loadRemotes(path.join(suiteDir, "remotes"), folder, draft);
  const outcomes: CaseOutcome[] = [];
  let moduleCount = 0;
  for (const file of suiteFiles(draftDir)) {
    const groups = JSON.parse(fs.readFileSync(path.join(draftDir, file), "utf8")) as SuiteGroup[];
    const required = !file.startsWith("optional/");
    for (const group of groups) {
      // Boolean root schemas are valid JSON Schema and ajv accepts them; contracts themselves are always objects.
      const schema = group.schema as JsonObject;
      const generated = await generatedValidator(
        schema,
        draft,
        remotes,
        path.join(tmpDir, `${folder}-${moduleCount++}.mjs`),
      );
      const inMemory = inMemoryValidator(schema, draft, remotes, false);
      const inMemoryFirst = inMemoryValidator(schema, draft, remotes, true);
      for (const test of group.tests) {
        const key = caseKey(folder, file, group.description, test.description);
        const ours = run(generated.all, test.data);
        const ajvs = run(inMemory, test.data);
        // The first-failure validator (`is<Contract>`) must give the same answer as ajv with allErrors: false.
        const oursFirst = run(generated.first, test.data);
        const ajvsFirst = run(inMemoryFirst, test.data);
        // The fast path (`validateFast`) must give ajv's answer whenever it answers (undefined defers to ajv): the
        // all-errors one, which `parse…` gives (the first-failure one has a bug with tuples beside `contains`).
        const fast = run(generated.fast, test.data);
        const fastAgrees = fast === undefined || fast === ajvs;
        const passed = ours === test.valid && oursFirst === test.valid;
        // Where the schema has no recursion, the module's first-failure answer is the fast path's (it agrees with
        // the all-errors validator, also where ajv's allErrors: false has the tuple-beside-`contains` bug).
        const firstAgrees = oursFirst === ajvsFirst || oursFirst === ajvs;
        const disagreement = ours !== ajvs || !firstAgrees || !fastAgrees;
        const detail = disagreement
          ? `generated validator says ${ours} (first-failure ${oursFirst}, fast ${String(fast)}), ajv in memory says ${ajvs} (allErrors false ${ajvsFirst})`
          : typeof ours === "string"
            ? ours
            : `expected valid=${test.valid}, got ${ours}`;
        outcomes.push({ key, required, passed, detail, disagreement, fast: typeof fast === "boolean" });
      }
    }
  }
  return outcomes;
}

type Validator = ((data: unknown) => boolean) | { readonly error: string };
type FastValidator = ((data: unknown) => boolean | undefined) | { readonly error: string };

async function generatedValidator(
  schema: JsonObject,
  draft: Draft,
  remotes: readonly JsonObject[],
  file: string,
): Promise<{ readonly all: Validator; readonly first: Validator; readonly fast: FastValidator }> {
  let source: string;
  try {
    // Same options as the in-memory comparison, meta-schema check included.
    source = emitValidator({ schema, draft, strict: false, extraSchemas: remotes, validateSchema: true });
  } catch (error) {
    const failed = { error: `does not compile: ${error instanceof Error ? error.message : String(error)}` };
    return { all: failed, first: failed, fast: failed };
  }
  const forbidden = forbiddenConstructs(source);
  if (forbidden.length > 0) throw new Error(`generated module for ${file} contains ${forbidden.join(", ")}`);
  fs.writeFileSync(file, source);
  const module = (await import(pathToFileURL(file).href)) as {
    validate: (data: unknown) => boolean;
    validateFirst: (data: unknown) => boolean;
    validateFast: (data: unknown) => boolean | undefined;
    default: unknown;
  };
  if (module.default !== module.validate)
    throw new Error(`generated module ${file} must export validate as default too`);
  return { all: module.validate, first: module.validateFirst, fast: module.validateFast };
}

function inMemoryValidator(
  schema: JsonObject,
  draft: Draft,
  remotes: readonly JsonObject[],
  firstFailure: boolean,
): Validator {
  try {
    const ajv = createAjv(draft, { strict: false, firstFailure });
    for (const remote of remotes) ajv.addSchema(remote);
    const validate = ajv.compile(schema);
    return (data) => validate(data);
  } catch (error) {
    return { error: `does not compile: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `true`/`false`, or the compile error as a string when there is no validator (never equal to `valid`). */
function run(validator: Validator, data: JsonValue): boolean | string;
function run(validator: FastValidator, data: JsonValue): boolean | string | undefined;
function run(validator: FastValidator, data: JsonValue): boolean | string | undefined {
  if (typeof validator !== "function") return validator.error;
  try {
    return validator(data);
  } catch (error) {
    return `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
}
