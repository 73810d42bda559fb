import { test } from "node:test";
import assert from "node:assert/strict";
import { checkIdempotencyKey } from "../../src/sdk/side-effects/idempotency-key.js";
import type { ContractManifest } from "../../src/discover/discover.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const tool = (extra: Partial<ContractManifest>): ContractManifest => ({ kind: "tool-arguments", compatibility: "forward", providers: [], ...extra });
const schema = (props: object, required: string[]) => ({ type: "object", properties: props, required, additionalProperties: false });
const KEY = { type: "string", format: "uuid" };

test("side effects › table of manifests and versions to findings", () => {
  const cases: { name: string; manifest: ContractManifest; versions: { version: number; schema: object }[]; want: [string, string | number, string][] }[] = [
    { name: "undeclared", manifest: tool({}), versions: [{ version: 1, schema: schema({}, []) }], want: [] },
    { name: "none", manifest: tool({ sideEffects: "none" }), versions: [{ version: 1, schema: schema({}, []) }], want: [] },
    { name: "unsafe without key", manifest: tool({ sideEffects: "unsafe" }), versions: [{ version: 1, schema: schema({}, []) }], want: [["lint.unsafe-tool-without-idempotency-key", "manifest", "/sideEffects"]] },
    { name: "unsafe with key in every version", manifest: tool({ sideEffects: "unsafe", idempotencyKey: "k" }), versions: [{ version: 1, schema: schema({ k: KEY }, ["k"]) }, { version: 2, schema: schema({ k: KEY }, ["k"]) }], want: [] },
    {
      name: "key optional in v2, missing in v3",
      manifest: tool({ sideEffects: "unsafe", idempotencyKey: "k" }),
      versions: [{ version: 1, schema: schema({ k: KEY }, ["k"]) }, { version: 2, schema: schema({ k: KEY }, []) }, { version: 3, schema: schema({}, []) }],
      want: [["lint.idempotency-key-not-required", 2, "/required"], ["lint.idempotency-key-not-string", 3, "/properties"]],
    },
    { name: "key not a string", manifest: tool({ sideEffects: "unsafe", idempotencyKey: "a/b" }), versions: [{ version: 1, schema: schema({ "a/b": { type: "integer" } }, ["a/b"]) }], want: [["lint.idempotency-key-not-string", 1, "/properties/a~1b"]] },
    { name: "key through a local $ref", manifest: tool({ sideEffects: "unsafe", idempotencyKey: "k" }), versions: [{ version: 1, schema: { ...schema({ k: { $ref: "#/$defs/Key" } }, ["k"]), $defs: { Key: KEY } } }], want: [] },
    { name: "ref cycle ends", manifest: tool({ sideEffects: "unsafe", idempotencyKey: "k" }), versions: [{ version: 1, schema: { ...schema({ k: { $ref: "#/$defs/A" } }, ["k"]), $defs: { A: { $ref: "#/$defs/A" } } } }], want: [["lint.idempotency-key-not-string", 1, "/properties/k"]] },
    { name: "model output", manifest: { kind: "model-output", compatibility: "backward", providers: [], sideEffects: "none" }, versions: [], want: [["lint.side-effects-not-a-tool", "manifest", "/sideEffects"]] },
  ];
  for (const c of cases) {
    const got = checkIdempotencyKey(c.manifest, c.versions).map((f) => [f.code, f.where, f.pointer]);
    assert.deepEqual(got, c.want, c.name);
  }
});

const refundV1 = schema({ order_id: { type: "string" }, idempotency_key: KEY }, ["order_id", "idempotency_key"]);

test("side effects › `check` refuses an unsafe tool without an idempotency key: exit 1, file and pointer on one line", async () => {
  const dir = makeProject({ "schemas/pay/contract.json": { kind: "tool-arguments", sideEffects: "unsafe" }, "schemas/pay/v1.json": refundV1 });
  assert.equal((await runCliHere(["build"], dir)).code, 0, "build still writes: the finding is a check problem");
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /schemas\/pay\/contract\.json#\/sideEffects: pay: the tool is `unsafe`.*\[lint\.unsafe-tool-without-idempotency-key\]/);
});

test("side effects › `check` passes once the key is named, and names the version where it is optional", async () => {
  const ok = makeProject({ "schemas/pay/contract.json": { kind: "tool-arguments", sideEffects: "unsafe", idempotencyKey: "idempotency_key" }, "schemas/pay/v1.json": refundV1 });
  assert.equal((await runCliHere(["build"], ok)).code, 0);
  assert.equal((await runCliHere(["check"], ok)).code, 0);
  const optional = makeProject({ "schemas/pay/contract.json": { kind: "tool-arguments", sideEffects: "unsafe", idempotencyKey: "idempotency_key" }, "schemas/pay/v1.json": schema({ idempotency_key: KEY }, []) });
  (await runCliHere(["build"], optional));
  const r = await runCliHere(["check"], optional);
  assert.equal(r.code, 1);
  assert.match(r.stdout + r.stderr, /schemas\/pay\/v1\.json#\/required: .*\[lint\.idempotency-key-not-required\]/);
});

test("side effects › a bad sideEffects value is an input error naming contract.json (exit 2)", async () => {
  const dir = makeProject({ "schemas/pay/contract.json": { kind: "tool-arguments", sideEffects: "sometimes" }, "schemas/pay/v1.json": refundV1 });
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr + r.stdout, /schemas\/pay\/contract\.json.*sideEffects/);
});
