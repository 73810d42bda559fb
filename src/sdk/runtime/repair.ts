/*
 * The repair step: when a model's output or tool arguments break the contract, ask again once or twice with what
 * to fix (`describeErrors`), then stop. Copied verbatim into `generated/_sdk/`.
 *
 * Why bounded and why only these codes: a model that cannot fix an answer in two rounds rarely does in ten, and
 * every round costs a call. A refusal, a filter or a cut-off is not fixed by telling the model about the schema.
 */
import { describeErrors, type SdkError, type SdkResult } from "./result.js";

export interface RepairPolicy {
  /** Re-asks after the first answer (default 2). */
  readonly maxRounds?: number;
  /** Which failures a re-ask can fix (default: `schema.*` and `json.invalid`). */
  readonly repairable?: (errors: readonly SdkError[]) => boolean;
  /** At most this many errors are described to the model (default 20). */
  readonly maxErrors?: number;
}

export interface Repaired<T> {
  readonly result: SdkResult<T>;
  /** Re-asks made (0: the first answer stood). */
  readonly rounds: number;
  /** The feedback sent in each round. */
  readonly feedback: readonly string[];
}

export function isRepairable(errors: readonly SdkError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.code.startsWith("schema.") || e.code === "json.invalid");
}

/** The message a model gets to fix its answer. */
export function repairFeedback(errors: readonly SdkError[], maxErrors = 20): string {
  const shown = errors.slice(0, maxErrors);
  const more = errors.length > shown.length ? `\n(and ${errors.length - shown.length} more)` : "";
  return `Your previous answer does not match the required schema; nothing was done with it. Fix these and answer again:\n${describeErrors(shown)}${more}`;
}

/**
 * Calls `ask(undefined, 0)`, then, while the result is a repairable failure and rounds remain,
 * `ask(feedback, round)`: the caller appends the feedback to the conversation (as a user message, or as the
 * tool result of the failed call) and parses the new response. Transport failures are `withRetry`'s job: wrap
 * the SDK call inside `ask` with it; what `ask` itself throws is passed on.
 */
export async function withRepair<T>(ask: (feedback: string | undefined, round: number) => Promise<SdkResult<T>>, policy: RepairPolicy = {}): Promise<Repaired<T>> {
  const max = Math.max(0, Math.floor(policy.maxRounds ?? 2));
  const repairable = policy.repairable ?? isRepairable;
  const feedback: string[] = [];
  let result = await ask(undefined, 0);
  for (let round = 1; round <= max && !result.ok && repairable(result.errors); round++) {
    const text = repairFeedback(result.errors, policy.maxErrors);
    feedback.push(text);
    result = await ask(text, round);
  }
  return { result, rounds: feedback.length, feedback };
}
