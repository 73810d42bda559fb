/** The provider matrix of one version: accepted or not, where it is sent, what export lowers and what it drops. */
import { html, type Html } from "../../html/escape.js";
import type { LossDoc, ProviderDoc } from "../model.js";

export function providerMatrix(providers: readonly ProviderDoc[]): Html {
  if (providers.length === 0) return html`<p class="muted">No providers listed in contract.json.</p>`;
  return html`<table class="providers">
<thead><tr><th>provider</th><th>accepted</th><th>sent as</th><th>lowered</th><th>dropped (the validator still checks it)</th><th>lint warnings</th></tr></thead>
<tbody>
${providers.map(row)}
</tbody>
</table>
`;
}

function row(p: ProviderDoc): Html {
  const accepted = p.accepted ? html`<span class="ok">yes</span>` : html`<span class="bad">no</span>${losses(p.errors)}`;
  return html`<tr><td>${p.profile}</td><td>${accepted}</td><td>${p.place}</td><td>${losses(p.lowered)}</td><td>${losses(p.dropped)}</td><td>${losses(p.warnings)}</td></tr>
`;
}

function losses(list: readonly LossDoc[]): Html {
  if (list.length === 0) return html`<span class="muted">—</span>`;
  return html`<ul>${list.map((l) => html`<li><code>${l.pointer || "/"}</code> ${l.text}</li>`)}</ul>`;
}
