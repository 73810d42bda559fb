/**
 * The work budget of one diff. Deterministic first: a count of pair visits and proofs (the same input always
 * gets the same verdict, whatever the machine's load); the wall-clock timeout is only a safety net. Nesting is
 * bounded too, so recursion never reaches the JS stack limit. When a bound is hit the engine stops judging and
 * the verdict is `unknown` with the reason (never `compatible`).
 */
export interface BudgetOptions {
  /** Wall-clock milliseconds for one diff (`--timeout`, config `drift.timeout`); default 10 000. */
  readonly timeoutMs?: number;
  /** Pair visits and proofs for one diff; default 400 000. */
  readonly maxSteps?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_STEPS = 400_000;
/** Nested pair visits (instance depth) and nested proofs (combinator depth) before the engine gives up. */
export const MAX_VISIT_DEPTH = 256;
export const MAX_PROOF_DEPTH = 48;

export class Budget {
  private steps = 0;
  private readonly deadline: number;
  private readonly maxSteps: number;
  /** Why judging stopped, once it has. */
  exhausted: string | undefined;
  proofDepth = 0;

  constructor(private readonly options: BudgetOptions = {}) {
    this.deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  }

  /** Counts one unit of work; false once the budget is spent. */
  tick(): boolean {
    if (this.exhausted !== undefined) return false;
    this.steps++;
    if (this.steps > this.maxSteps) this.exhausted = `the work budget of ${this.maxSteps} comparisons was spent`;
    else if ((this.steps & 127) === 0) this.checkClock();
    return this.exhausted === undefined;
  }

  /** Spent, by count or by the wall clock (witness search runs validators, not comparisons: it asks this). */
  get late(): boolean {
    this.checkClock();
    return this.exhausted !== undefined;
  }

  /** Wall-clock milliseconds left before the time budget runs out. */
  get remainingMs(): number {
    return this.deadline - Date.now();
  }

  private checkClock(): void {
    if (this.exhausted === undefined && Date.now() > this.deadline) this.exhausted = `the time budget of ${this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms ran out (--timeout)`;
  }

  /** Stops judging with a reason (nesting bounds). */
  stop(reason: string): void {
    this.exhausted ??= reason;
  }

  get used(): number {
    return this.steps;
  }
}
