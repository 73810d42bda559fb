import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { firstInvalidUtf8, readDocument, readLines, type Line } from "../../src/migrate/jsonl.js";
import { InputError } from "../../src/errors.js";
import { contractFiles, makeProject, tempDir } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

async function linesOf(bytes: Buffer, maxLineBytes?: number): Promise<Line[]> {
  const file = path.join(tempDir("llm-contracts-lines-"), "in.jsonl");
  writeFileSync(file, bytes);
  const out: Line[] = [];
  for await (const line of readLines(file, maxLineBytes === undefined ? {} : { maxLineBytes })) out.push(line);
  return out;
}

test("hostile lines › a line longer than the limit is json.too_large and the next line is read", async () => {
  const long = "[" + "1,".repeat(100_000) + "1]";
  const lines = await linesOf(Buffer.from(`[1]\n${long}\n[2]\r\n`), 1000);
  assert.deepEqual(lines.map((l) => [l.line, l.text, l.error?.code]), [
    [1, "[1]", undefined],
    [2, "", "json.too_large"],
    [3, "[2]", undefined],
  ]);
  assert.equal(lines[1]!.error?.limit, 1000);
  // Within the limit, a line spanning many read chunks comes back whole.
  const whole = await linesOf(Buffer.from(`${long}\n`));
  assert.equal(whole[0]!.text, long);
});

test("hostile lines › invalid UTF-8 is json.encoding with the byte offset; a BOM is kept for the parser to skip", async () => {
  const lines = await linesOf(Buffer.concat([Buffer.from("\uFEFF[1]\n[\"é"), Buffer.from([0xc3, 0x28]), Buffer.from('"]\n')]));
  assert.equal(lines[0]!.error, undefined);
  assert.equal(lines[1]!.error?.code, "json.encoding");
  assert.equal(lines[1]!.error?.byteOffset, 4, "[ \" é(2 bytes) then the bad lead byte at 4");
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, "an encoded surrogate is not UTF-8");
  assert.equal(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98])), 0, "a sequence cut at the end");
  assert.equal(firstInvalidUtf8(Buffer.from("ok😀")), 6);
});

/** One line of each hostile kind; the comment says what each must be counted as. */
function hostileFile(): Buffer {
  const lines: Buffer[] = [
    Buffer.from("\uFEFF[]"), // 1 valid, after a BOM
    Buffer.from("[[[]]]"), // 2 valid
    Buffer.from("[".repeat(100_000) + "]".repeat(100_000)), // 3 json.too_deep
    Buffer.from(`[${"1,".repeat(200_000)}1]`), // 4 schema.type, cut at 100 errors
    Buffer.from("[9007199254740993]"), // 5 json.unsafe_integer
    Buffer.from("[1e400]"), // 6 json.number_overflow
    Buffer.from([0x5b, 0xff, 0x5d]), // 7 json.encoding
    Buffer.from("[[["), // 8 json.truncated
    Buffer.from(""), // 9 blank
    Buffer.from('{"a":'.repeat(50_000) + "1" + "}".repeat(50_000)), // 10 json.too_deep
    Buffer.from("not json"), // 11 json.invalid
  ];
  return Buffer.concat([Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]))]);
}

test("hostile lines › replay, validate and migrate report every line of a file mixing every hostile case", async () => {
  const dir = makeProject(contractFiles("rec", [{ $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", items: { $ref: "#" } }]));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "hostile.jsonl"), hostileFile());
  // Too deep is found while validating a parsed value, so it counts as invalid, like schema errors.
  const want = { total: 11, valid: 2, invalid: 3, unparsable: 5, blank: 1 };
  const codes = { "json.too_deep": 2, "schema.type": 1, "json.unsafe_integer": 1, "json.number_overflow": 1, "json.encoding": 1, "json.truncated": 1, "json.invalid": 1 };
  for (const command of ["replay", "validate"]) {
    const r = await runCliHere([command, "rec@v1", "hostile.jsonl", "--format", "json", ...(command === "replay" ? ["--show", "20"] : [])], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as typeof want & { byCode: Record<string, number>; failures: { line: number; errors: unknown[] }[] };
    assert.deepEqual({ total: out.total, valid: out.valid, invalid: out.invalid, unparsable: out.unparsable, blank: out.blank }, want, command);
    assert.deepEqual(out.byCode, codes, command);
    assert.deepEqual(out.failures.map((f) => f.line), [3, 4, 5, 6, 7, 8, 10, 11], command);
    assert.equal(out.failures.find((f) => f.line === 4)?.errors.length, 100, "cut at maxErrors");
  }
  const m = await runCliHere(["migrate", "rec", "hostile.jsonl", "--out", "out.jsonl", "--format", "json"], dir);
  assert.equal(m.code, 1, m.stderr);
  const report = JSON.parse(m.stdout) as { total: number; migrated: number; rejected: number; blank: number };
  assert.deepEqual([report.total, report.migrated, report.rejected, report.blank], [11, 2, 8, 1]);
  const rejects = readFileSync(path.join(dir, "out.rejects.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { line: number });
  assert.deepEqual(rejects.map((r) => r.line), [3, 4, 5, 6, 7, 8, 10, 11]);
  assert.equal(readFileSync(path.join(dir, "out.jsonl"), "utf8"), "[]\n[[[]]]\n");
  // A single document too deep for the stack is classified, and nothing is written for it.
  writeFileSync(path.join(dir, "deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
  const one = await runCliHere(["migrate", "rec", "deep.json", "--out", "deep.out.json"], dir);
  assert.equal(one.code, 1);
  assert.match(one.stderr, /\[json\.too_deep\]/);
  const v = await runCliHere(["validate", "rec@v1", "deep.json"], dir);
  assert.equal(v.code, 1);
  assert.match(v.stderr, /nests deeper than 1000 levels/);
});

test("hostile lines › a single document is read in bounded memory: over the limit it is json.too_large, unread", () => {
  const dir = tempDir("llm-contracts-doc-");
  const file = path.join(dir, "big.json");
  writeFileSync(file, `[${"1,".repeat(5_000)}1]`);
  const over = readDocument(file, "big.json", 1000);
  assert.equal(over.error?.code, "json.too_large");
  assert.equal(over.error?.limit, 1000);
  assert.equal(over.text, "", "nothing of the file is kept");
  assert.match(over.error?.message ?? "", /^the file is 10003 bytes long, over the limit of 1000 bytes$/);
  const under = readDocument(file, "big.json", 20_000);
  assert.equal(under.error, undefined);
  assert.equal(under.text.length, 10_003);
  // A path that stopped being a regular file since the command looked is an input error naming the file, not a
  // wait: a named pipe with no writer would otherwise hold the read forever.
  const pipe = path.join(dir, "pipe.json");
  execFileSync("mkfifo", [pipe]);
  assert.throws(() => readDocument(pipe, "pipe.json"), (e: unknown) => e instanceof InputError && e.diagnostic.file === "pipe.json" && e.diagnostic.message === "not a regular file");
});
