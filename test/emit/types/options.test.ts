/**
 * The pinned jsts options: every library option is set, and json-schema-to-typescript never reads a file or the
 * network. A local HTTP server counts requests; the control run with the library's defaults shows that the count
 * would catch a fetch.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { compile, DEFAULT_OPTIONS, type JSONSchema } from "json-schema-to-typescript";
import { emitTypes } from "../../../src/emit/types/index.js";
import { JSTS_OPTIONS } from "../../../src/emit/types/options.js";

describe("jsts options", () => {
  let server: http.Server;
  let hits = 0;
  let url = "";
  let dir = "";
  before(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.setHeader("content-type", "application/json");
      res.end('{"type":"string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schema.json`;
    dir = await mkdtemp(path.join(tmpdir(), "jsts-options-"));
    await writeFile(path.join(dir, "secret.json"), '{"type":"string","description":"SECRET"}');
  });
  after(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("pin every option the library has", () => {
    const pinned = new Set(Object.keys(JSTS_OPTIONS));
    const unpinned = Object.keys(DEFAULT_OPTIONS).filter((k) => !pinned.has(k));
    assert.deepEqual(unpinned, []);
    assert.equal(JSTS_OPTIONS.format, false);
    assert.equal(JSTS_OPTIONS.bannerComment, "");
    assert.equal(JSTS_OPTIONS.unknownAny, true);
    assert.equal(JSTS_OPTIONS.additionalProperties, true);
  });

  it("never fetch an http $ref (the library default does)", async () => {
    const schema: JSONSchema = { type: "object", properties: { a: { $ref: url } } };
    hits = 0;
    await assert.rejects(compile(schema, "X", JSTS_OPTIONS), /Refs should have been resolved/);
    assert.equal(hits, 0);
    await compile(schema, "X", { ...JSTS_OPTIONS, $refOptions: {} });
    assert.ok(hits > 0, "control: the default options do fetch");
  });

  it("never read a file $ref", async () => {
    const schema: JSONSchema = { type: "object", properties: { a: { $ref: path.join(dir, "secret.json") } } };
    await assert.rejects(compile(schema, "X", { ...JSTS_OPTIONS, cwd: dir }), /Refs should have been resolved/);
    await assert.rejects(
      compile({ type: "object", properties: { a: { $ref: "secret.json" } } }, "X", { ...JSTS_OPTIONS, cwd: dir }),
      /Refs should have been resolved/,
    );
  });

  it("emitTypes rejects refs that are not in-document pointers before jsts runs", async () => {
    hits = 0;
    for (const ref of [url, "secret.json", "#anchor", "other.json#/$defs/a"]) {
      const schema = { type: "object", properties: { a: { $ref: ref } } } as const;
      await assert.rejects(emitTypes({ schema, draft: "2020-12", rootName: "X" }), /not an in-document JSON pointer/);
    }
    assert.equal(hits, 0);
  });
});
