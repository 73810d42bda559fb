/**
 * `LLM_CONTRACTS_TRACE=1`: each phase of a build with its wall and this thread's CPU time, on stderr. For finding
 * where a run's time goes (a profile shows the functions, this shows the phases in order); never changes a result.
 */
export interface Phases {
  /** Ends the phase running since the last mark (or the start), naming it. */
  mark(name: string): void;
}

const silent: Phases = { mark: () => undefined };

export function tracePhases(run: string): Phases {
  if (process.env["LLM_CONTRACTS_TRACE"] !== "1") return silent;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return {
    mark(name) {
      const nowWall = performance.now();
      const used = process.cpuUsage(cpu);
      process.stderr.write(`${run} ${name}: ${(nowWall - wall).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu (the process, workers included)\n`);
      wall = nowWall;
      cpu = process.cpuUsage();
    },
  };
}
