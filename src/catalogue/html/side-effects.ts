import { html, type Html } from "../../html/escape.js";
import type { ContractDoc } from "../model.js";

/** `unsafe (key: idempotency_key)`, `none`, `idempotent`, or a dash where contract.json declares nothing. */
export function sideEffects(c: ContractDoc): Html {
  if (c.sideEffects === undefined) return html`<span class="muted">—</span>`;
  return c.idempotencyKey !== undefined ? html`${c.sideEffects} (key: <code>${c.idempotencyKey}</code>)` : html`${c.sideEffects}`;
}
