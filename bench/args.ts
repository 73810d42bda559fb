/** What every bench is given (`--rounds`, `--size`); the registry and runner are bench/run.ts. */
export interface BenchArgs {
  readonly rounds: number;
  readonly size: number | undefined;
}
