/**
 * Running `diff` on two files through the CLI's entry (in this process: util/in-process.ts), and the shapes of its answers: a verdict (exit 0/1) or a
 * one-line input error naming the file and a pointer or line:col (exit 2).
 */
import assert from "node:assert/strict";
import { runCliHere } from "../util/in-process.js";
import { makeProject, type Run } from "../util/project.js";

/** `diff old.json new.json` in a fresh folder holding the two files. */
export async function diffFiles(old: object | string, neu: object | string, ...flags: string[]): Promise<Run> {
  const dir = makeProject({ "old.json": old, "new.json": neu });
  return runCliHere(["diff", "old.json", "new.json", ...flags], dir);
}

/** `file#/pointer: message [code]` or `file:line:col: message [code]` (pointer and line:col may both be there). */
export const INPUT_ERROR = /^(old|new)\.json(:\d+:\d+)?(#[^\n]*?)?: [^\n]+ \[[a-z0-9.-]+\]$/;

export function assertInputError(r: Run, file: "old" | "new", pointer: string | RegExp, code: string): void {
  assert.equal(r.code, 2, r.stdout + r.stderr);
  const line = r.stderr.trimEnd();
  assert.doesNotMatch(line, /internal error/);
  assert.equal(line.split("\n").length, 1, `one line: ${line}`);
  assert.match(line, INPUT_ERROR);
  assert.ok(line.startsWith(`${file}.json`), line);
  const at = /^[^#]*#(.*?): /.exec(line)?.[1];
  if (typeof pointer === "string") assert.equal(at, pointer, line);
  else assert.match(at ?? "", pointer, line);
  assert.ok(line.endsWith(`[${code}]`), line);
}

/** A verdict: exit 0 or 1, the verdict line on stdout, nothing on stderr. */
export function assertVerdict(r: Run, backward: string | RegExp, forward: string | RegExp): void {
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stderr, "");
  const m = /\(backward (\w+), forward (\w+)\)/.exec(r.stdout);
  assert.ok(m !== null, r.stdout);
  const want = (v: string | RegExp) => (typeof v === "string" ? new RegExp(`^${v}$`) : v);
  assert.match(m[1]!, want(backward), r.stdout);
  assert.match(m[2]!, want(forward), r.stdout);
  assert.equal(r.code, m[1] === "compatible" && m[2] === "compatible" ? 0 : 1);
}
