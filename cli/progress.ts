/**
 * Progress of a long `build` or `check` on a terminal: one line on stderr, rewritten in place, with the contract
 * versions compiled of the total and the time since the start. In CI (`CI` set) or when stderr is not a terminal
 * (piped, redirected, a test), nothing at all: logs stay clean and outputs stay byte-identical.
 */

/** What the progress line is written to: stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Versions done of the total (RunOptions.onProgress). */
  update(done: number, total: number): void;
  /** Clears the line (before the summary is printed). */
  end(): void;
}

/** Redrawn at most this often. */
const EVERY_MS = 200;
/** Runs shorter than this show nothing (a warm build should not flicker). */
const QUIET_MS = 1000;

export function progressFor(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): Progress | undefined {
  if (stream.isTTY !== true || (env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false") || env["TERM"] === "dumb") return undefined;
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < QUIET_MS || (t - last < EVERY_MS && done < total)) return;
      last = t;
      shown = true;
      stream.write(`\r\u001b[2Kcompiling ${done}/${total} contract versions, ${Math.round((t - start) / 1000)} s`);
    },
    end() {
      if (shown) stream.write("\r\u001b[2K");
    },
  };
}
