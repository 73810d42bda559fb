/**
 * `replay`: would version N reject the outputs we stored? Streams a JSONL file through one version's validator
 * (the exact generated code), counting lines by outcome and error code and keeping only the first few failures.
 */
import type { CompiledVersion } from "../shapes/compiled.js";
import { importValidators } from "../emit/validators/load-module.js";
import type { ContractError } from "../runtime/runtime.js";
import { classifyLine, count, newTally, readLines, type Tally } from "./jsonl.js";

export interface Failure {
  readonly line: number;
  readonly errors: readonly ContractError[];
}

export interface ReplayReport extends Tally {
  readonly contract: string;
  readonly version: number;
  readonly failures: readonly Failure[];
  readonly seconds: number;
}

export async function replayFile(version: CompiledVersion, file: string, options: { readonly show?: number } = {}): Promise<ReplayReport> {
  const validators = await importValidators(version.validatorCode);
  const show = options.show ?? 5;
  const tally = newTally();
  const failures: Failure[] = [];
  const start = process.hrtime.bigint();
  for await (const read of readLines(file)) {
    const { line } = read;
    const outcome = classifyLine(read, validators);
    count(tally, outcome);
    if ((outcome.kind === "invalid" || outcome.kind === "unparsable") && failures.length < show) failures.push({ line, errors: outcome.errors });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { contract: version.contract.name, version: version.source.version, ...tally, failures, seconds };
}
