/**
 * Migration ticket-triage v1 → v2, scaffolded by llm-contracts. This file is yours: `llm-contracts build`
 * keeps its imports and the signature of migrateTicketTriageV1ToV2 in step with the generated types, and never
 * changes the function body. Every `notImplemented(...)` call marks a decision; `llm-contracts check` fails while a
 * breaking step still has one.
 */
import type { TicketTriageV1 } from "../../../generated/ticket-triage/v1.js";
import type { TicketTriageV2 } from "../../../generated/ticket-triage/v2.js";

/** Upgrades one ticket-triage document from v1 to v2. */
export function migrateTicketTriageV1ToV2(input: TicketTriageV1): TicketTriageV2 {
  return {
    category: input.category,
    priority: input.priority,
    summary: input.summary,
    needs_human: input.needs_human,
    // sentiment: new optional property, left out.
    // tags: new optional property, left out.
  };
}
