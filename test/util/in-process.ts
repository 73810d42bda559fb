import { cpSync } from "node:fs";
import { main } from "../../cli/run.js";
import { tempDir, type Run } from "./project.js";

/*
 * Why an in-process runner: a spawned CLI pays Node's start and loads the compiler (TypeScript, ajv) again on every
 * call, about a second of CPU before it does anything, and a test file that builds and checks a project ten times
 * pays it ten times. `main` is the very function cli/main.ts runs, with the same arguments; only the process around
 * it is shared. Tests whose subject is the process itself (exit status as the shell sees it, signals, locks between
 * processes, what a fresh process loads) keep `runCli`.
 */

let running = false;

/**
 * Runs one CLI invocation in this process, with `cwd` as the working folder and `env` added to the environment for
 * its duration (both restored after), and returns what `runCli` would: exit code, stdout, stderr. Calls must not
 * overlap (the working folder is the process's): one throws if another is still running.
 */
export async function runCliHere(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<Run> {
  if (running) throw new Error("runCliHere: calls must not overlap (the working folder is the process's)");
  running = true;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const line = (text: string): string => (text.endsWith("\n") ? text : `${text}\n`);
  const io = { cwd, out: (text: string) => void stdout.push(line(text)), err: (text: string) => void stderr.push(line(text)) };
  const added: Record<string, string> = { NO_COLOR: "1", ...env };
  const saved = new Map(Object.keys(added).map((k) => [k, process.env[k]] as const));
  const home = process.cwd();
  try {
    Object.assign(process.env, added);
    process.chdir(cwd);
    const code = await main([...args], io);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.chdir(home);
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    running = false;
  }
}

const templates = new Map<string, string>();

/**
 * `builtCopy` (util/project.ts) with the build run in this process: a fresh copy of a project that `make` creates,
 * built once per test process under `key`, for tests whose subject comes after the build.
 */
export async function builtCopyHere(key: string, make: () => string): Promise<string> {
  let template = templates.get(key);
  if (template === undefined) {
    template = make();
    const r = await runCliHere(["build"], template);
    if (r.code !== 0) throw new Error(`builtCopyHere(${key}): build exited ${r.code}: ${r.stderr}`);
    templates.set(key, template);
  }
  const dir = tempDir("llm-contracts-built-");
  cpSync(template, dir, { recursive: true });
  return dir;
}
