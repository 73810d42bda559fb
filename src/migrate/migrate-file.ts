/**
 * `migrate`: upgrades stored documents. A `.json` file is one document; a `.jsonl` file streams line by line into
 * the output, and every line that cannot be migrated goes, unchanged, into a rejects file with its line number and
 * reason. Both are written to temp files and renamed into place; the input is never written.
 */
import { createWriteStream, renameSync, type WriteStream } from "node:fs";
import { rmSync } from "../contain/stat.js";
import path from "node:path";
import { finished } from "node:stream/promises";
import { inputError } from "../errors.js";
import { environmentError } from "../fault/environment.js";
import { parseJsonText, type ContractError } from "../runtime/runtime.js";
import { readLines } from "./jsonl.js";
import type { LoadedChain } from "./load.js";

export interface MigrateOptions {
  readonly from?: number;
  readonly to?: number;
}

export interface MigrateLinesReport {
  readonly total: number;
  readonly migrated: number;
  readonly rejected: number;
  readonly blank: number;
  /** Lines per source version (as given or detected). */
  readonly fromVersions: Record<string, number>;
  readonly byCode: Record<string, number>;
  readonly out: string;
  readonly rejects: string;
}

/** One document: the upgraded value, or classified errors. */
export function migrateText(chain: LoadedChain, text: string, options: MigrateOptions): ReturnType<LoadedChain["upgrade"]> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return chain.upgrade(parsed.value, options.from, options.to);
}

export async function migrateLines(chain: LoadedChain, input: string, out: string, rejects: string, options: MigrateOptions): Promise<MigrateLinesReport> {
  const resolved = new Set([path.resolve(input)]);
  for (const f of [out, rejects]) {
    if (resolved.has(path.resolve(f))) throw inputError("usage.in-place", { file: f }, "output files must differ from the input and from each other: the input is never modified in place");
    resolved.add(path.resolve(f));
  }
  const outTmp = tempBeside(out);
  const rejTmp = tempBeside(rejects);
  const outStream = watched(createWriteStream(outTmp, { encoding: "utf8" }));
  const rejStream = watched(createWriteStream(rejTmp, { encoding: "utf8" }));
  const report = { total: 0, migrated: 0, rejected: 0, blank: 0, fromVersions: {} as Record<string, number>, byCode: {} as Record<string, number>, out, rejects };
  try {
    for await (const read of readLines(input)) {
      const { line, text } = read;
      report.total++;
      if (read.error === undefined && text.trim() === "") {
        report.blank++;
        continue;
      }
      const result = read.error !== undefined ? { ok: false as const, errors: [read.error] } : migrateText(chain, text, options);
      if (result.ok) {
        report.migrated++;
        const key = `v${result.fromVersion}`;
        report.fromVersions[key] = (report.fromVersions[key] ?? 0) + 1;
        await write(outStream, `${JSON.stringify(result.value)}\n`);
      } else {
        report.rejected++;
        for (const code of new Set(result.errors.map((e) => e.code))) report.byCode[code] = (report.byCode[code] ?? 0) + 1;
        // An over-long line is not kept (its length is in the error); a line that is not UTF-8 keeps its decoded text.
        await write(rejStream, `${JSON.stringify({ line, reason: reasonOf(result.errors), errors: result.errors, input: text })}\n`);
      }
    }
    await Promise.all([close(outStream), close(rejStream)]);
    renameTo(outTmp, out);
    renameTo(rejTmp, rejects);
  } catch (error) {
    // A full disk or a permission: one line naming the output, the temp files removed (below), exit 2. Both
    // streams settle first, so the file named does not depend on which stream's failure arrived first: the
    // output when it failed, the rejects file when only that one did.
    await Promise.all([settle(outStream), settle(rejStream)]);
    const rejOnly = failureOf(outStream) === undefined && failureOf(rejStream) !== undefined;
    throw environmentError(failureOf(outStream) ?? failureOf(rejStream) ?? error, rejOnly ? rejects : out);
  } finally {
    outStream.destroy();
    rejStream.destroy();
    rmSync(outTmp, { force: true });
    rmSync(rejTmp, { force: true });
  }
  return report;
}

export function reasonOf(errors: readonly ContractError[]): string {
  const first = errors[0];
  if (first === undefined) return "rejected";
  return `${first.code}: ${first.message}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}`;
}

function tempBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
}

/**
 * Why every stream gets an error listener at once: a write stream that fails (ENOSPC, EACCES) emits 'error', and
 * an 'error' event nobody listens to kills the process ("Unhandled 'error' event") before any cleanup runs.
 */
const failures = new WeakMap<WriteStream, Error>();

function watched(stream: WriteStream): WriteStream {
  stream.on("error", (error) => {
    if (!failures.has(stream)) failures.set(stream, error);
  });
  return stream;
}

function failureOf(stream: WriteStream): Error | undefined {
  return failures.get(stream);
}

function renameTo(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    throw environmentError(error, to);
  }
}

/** Respects back-pressure, so a large file never piles up in memory; rejects once the stream has failed. */
function write(stream: WriteStream, chunk: string): Promise<void> {
  const failed = failureOf(stream);
  if (failed !== undefined) return Promise.reject(failed);
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off("drain", onDrain);
      stream.off("error", done);
      if (error !== undefined) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    stream.once("drain", onDrain);
    stream.once("error", done);
  });
}

/** Ends the stream and waits until it has closed or failed; never rejects (a failure is in failureOf). */
async function settle(stream: WriteStream): Promise<void> {
  if (!stream.writableEnded && !stream.destroyed) stream.end();
  await finished(stream).catch(() => undefined);
}

function close(stream: WriteStream): Promise<void> {
  const failed = failureOf(stream);
  if (failed !== undefined) return Promise.reject(failed);
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(() => {
      const late = failureOf(stream);
      if (late !== undefined) reject(late);
      else resolve();
    });
  });
}
