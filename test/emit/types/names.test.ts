import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertRootName,
  assignNames,
  nameFromPointer,
  type NameRequest,
  stableTypeName,
} from "../../../src/emit/types/names.js";

describe("type names", () => {
  it("are PascalCase fixed points of jsts's own renaming", () => {
    assert.equal(stableTypeName("foo-bar"), "FooBar");
    assert.equal(stableTypeName("1st"), "T1St");
    assert.equal(stableTypeName("v2beta"), "V2Beta");
    assert.equal(stableTypeName("class"), "Class");
    assert.equal(stableTypeName("*/ ${x}"), "X");
    assert.equal(stableTypeName("🎉"), "Type");
  });

  it("come from pointers without routing keywords", () => {
    assert.equal(nameFromPointer("/properties/address"), "Address");
    assert.equal(nameFromPointer("/$defs/order/properties/line-items/items"), "OrderLineItemsItems");
    assert.equal(nameFromPointer("/anyOf/0"), "AnyOf0");
  });

  it("settle collisions by key, not by input order", () => {
    const requests: NameRequest[] = [
      { id: "/$defs/foo_bar", base: "FooBar", rank: 0, exact: false },
      { id: "/$defs/FooBar", base: "FooBar", rank: 0, exact: true },
      { id: "/$defs/foo-bar", base: "FooBar", rank: 0, exact: false },
      { id: "/properties/fooBar", base: "FooBar", rank: 1, exact: false },
    ];
    const expected = new Map([
      ["/$defs/FooBar", "FooBar"],
      ["/$defs/foo-bar", "FooBar_2"],
      ["/$defs/foo_bar", "FooBar_3"],
      ["/properties/fooBar", "FooBar_4"],
    ]);
    assert.deepEqual(assignNames(requests, new Set()), expected);
    assert.deepEqual(
      new Map([...assignNames([...requests].reverse(), new Set())].sort()),
      new Map([...expected].sort()),
    );
  });

  it("never hand out a reserved name", () => {
    const names = assignNames([{ id: "a", base: "Root", rank: 0, exact: true }], new Set(["Root"]));
    assert.equal(names.get("a"), "Root_2");
  });

  it("accept only stable PascalCase root names", () => {
    assertRootName("TicketTriageV1");
    for (const bad of ["ticketTriage", "Ticket-Triage", "V1beta", "", "Ticket_V1"]) {
      assert.throws(() => assertRootName(bad), /root type name/);
    }
  });
});
