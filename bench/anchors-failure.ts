/**
 * Where `parse…` spends its time on invalid data (issue 20 part S), measured in the anchors bench's process beside
 * ajv's all-errors call: each step `runContract` takes past the fast path, alone, on the same payload. The fast
 * path (which fails first), the depth walk (`depthError`), the all-errors validator (our collector, or ajv's code
 * where the note says so) run with the error cap `parse…` sets, and the wording of its errors (`schemaErrors` with
 * the module's rules, on a copy of the list it returned). Their sum is close to `parse…`'s time: what is left is
 * the runtime's glue (options, the cap, the try blocks).
 */
import { schemaErrors, type KeywordRules } from "../src/runtime/errors.js";
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_ERRORS, depthError, type FastValidator } from "../src/runtime/limits.js";
import type { RawValidator } from "../src/runtime/types.js";
import { race, type Fn } from "./anchors-race.js";

export interface FailureSteps {
  readonly names: readonly string[];
  readonly ns: readonly number[];
  readonly ratio: readonly number[];
}

/** The steps of one failing `parse…` and ajv's all-errors call, ratios to ajv's. */
export function failureRow(validateFast: FastValidator, validate: RawValidator, rules: KeywordRules, ajvAll: Fn, data: unknown, rounds: number): FailureSteps {
  const collect = (value: unknown): boolean => {
    validate.errorLimit = DEFAULT_MAX_ERRORS;
    try {
      return validate(value) === false;
    } finally {
      validate.errorLimit = undefined;
    }
  };
  collect(data);
  const raw = [...(validate.errors ?? [])];
  if (raw.length === 0) throw new Error("failure breakdown: the all-errors validator found no error");
  const fns: Fn[] = [
    (value) => validateFast(value, DEFAULT_MAX_DEPTH) === false,
    (value) => depthError(value, DEFAULT_MAX_DEPTH) === undefined,
    collect,
    () => schemaErrors(raw, rules).length,
    ajvAll,
  ];
  const { ns, ratio } = race(fns, data, rounds, 4);
  return { names: ["fast path", "depth walk", "all-errors", `wording (${raw.length})`, "ajv all-errors"], ns, ratio };
}
