/**
 * Migration ticket-triage v2 → v3, scaffolded by llm-contracts. This file is yours: `llm-contracts build`
 * keeps its imports and the signature of migrateTicketTriageV2ToV3 in step with the generated types, and never
 * changes the function body. Every `notImplemented(...)` call marks a decision; `llm-contracts check` fails while a
 * breaking step still has one.
 */
import type { TicketTriageV2 } from "../../../generated/ticket-triage/v2.js";
import type { TicketTriageV3 } from "../../../generated/ticket-triage/v3.js";

/**
 * Upgrades one ticket-triage document from v2 to v3: `needs_human` becomes `escalation.required`, and the fields
 * v3 made required get their "nothing recorded" value (`sentiment: null`, `tags: []`).
 */
export function migrateTicketTriageV2ToV3(input: TicketTriageV2): TicketTriageV3 {
  return {
    category: input.category,
    priority: input.priority,
    summary: input.summary,
    // v3 replaced the needs_human flag with an escalation object; v2 never recorded why, so the reason is null.
    escalation: { required: input.needs_human, reason: null },
    // sentiment: now required; when absent: null (v3 accepts it).
    sentiment: input.sentiment === undefined ? null : input.sentiment,
    // No tags recorded means no labels: an empty list is what v3 models emit for an unlabelled ticket.
    tags: input.tags === undefined ? [] : input.tags,
    // needs_human: removed in v3, carried into escalation.required above.
  };
}
