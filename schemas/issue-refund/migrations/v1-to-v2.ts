/**
 * Migration issue-refund v1 → v2, scaffolded by llm-contracts. This file is yours: `llm-contracts build`
 * keeps its imports and the signature of migrateIssueRefundV1ToV2 in step with the generated types, and never
 * changes the function body. Every `notImplemented(...)` call marks a decision; `llm-contracts check` fails while a
 * breaking step still has one.
 */
import type { IssueRefundV1 } from "../../../generated/issue-refund/v1.js";
import type { IssueRefundV2 } from "../../../generated/issue-refund/v2.js";

/**
 * Upgrades one issue-refund call from v1 to v2 (queued or retried calls written before v2 shipped).
 */
export function migrateIssueRefundV1ToV2(input: IssueRefundV1): IssueRefundV2 {
  return {
    order_id: input.order_id,
    amount: input.amount,
    // v2 folded product_defect into requested_by_customer: a defect refund is one the customer asked for.
    reason: input.reason === "product_defect" ? "requested_by_customer" : input.reason,
    idempotency_key: input.idempotency_key,
    // note_to_customer: new optional property, left out.
  };
}
