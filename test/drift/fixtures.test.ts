import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import { compiled, draft, fixtures } from "./helpers.js";

for (const fx of fixtures()) {
  test(`${fx.id} › reports ${fx.expected.rule} with the expected verdicts, pointers and confirmed witnesses`, async () => {
    const result = await diffSchemas(
      { schema: fx.before, draft: draft(fx.before) },
      { schema: fx.after, draft: draft(fx.after) },
      { modelOutput: fx.expected.modelOutput === true },
    );
    assert.deepEqual(result.verdict, fx.expected.verdict);
    const got = result.changes.map((c) => ({ rule: c.rule, pointer: c.pointer, oldPointer: c.oldPointer, breaks: [...c.breaks], unknown: [...(c.unknown ?? [])], witness: c.witness?.validUnder ?? null }));
    assert.deepEqual(got, fx.expected.changes);
    assert.ok(result.changes.some((c) => c.rule === fx.expected.rule), `fixture exercises ${fx.expected.rule}`);
    const isOld = await compiled(fx.before);
    const isNew = await compiled(fx.after);
    for (const c of result.changes) {
      if (c.witness === undefined) continue;
      const [valid, invalid] = c.witness.validUnder === "old" ? [isOld, isNew] : [isNew, isOld];
      assert.equal(valid(c.witness.value), true, `${c.rule}: witness valid under ${c.witness.validUnder}`);
      assert.equal(invalid(c.witness.value), false, `${c.rule}: witness invalid under the other side`);
    }
  });
}
