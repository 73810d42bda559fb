/** Values of every JSON type: candidates where a schema used to accept anything (open objects, open tails). */
import type { JsonValue } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import type { Candidate, Direction, SchemaNode } from "../types.js";

export const DIVERSE: readonly JsonValue[] = [null, true, 0, 0.5, -1, "", "x", [], {}, [null], { a: null }];

/** Examples of `node` on the source side of `direction`, then the diverse values. */
export function candidatesFor(ctx: RuleContext, direction: Direction, node: SchemaNode, extra: readonly JsonValue[] = DIVERSE): Candidate[] {
  const side = direction === "backward" ? "old" : "new";
  return [...ctx.examples(side, node, 4), ...extra].map((value) => ({ direction, value }));
}
