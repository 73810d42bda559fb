/** The catalogue's front page: every contract with its kind, wire name, latest version, providers and step status. */
import { html, type Html } from "../../html/escape.js";
import { page } from "../../html/layout.js";
import { CONTRACT_FILTER } from "../../html/scripts.js";
import type { Catalogue, ContractDoc } from "../model.js";
import { contractHref } from "./paths.js";
import { sideEffects } from "./side-effects.js";

export function indexPage(catalogue: Catalogue): string {
  const rows = catalogue.contracts.map(row);
  const problems =
    catalogue.problems.length === 0
      ? html``
      : html`<h2>Not compiled</h2><p class="muted">These inputs have problems; their versions are missing from the catalogue.</p><ul>${catalogue.problems.map((p) => html`<li class="bad">${p}</li>`)}</ul>`;
  const body = html`<h1>Contract catalogue</h1>
<p class="muted">${catalogue.contracts.length} contract(s), ${catalogue.contracts.reduce((n, c) => n + c.versions.length, 0)} version(s).</p>
<table class="contracts">
<thead><tr><th>contract</th><th>kind</th><th>tool name</th><th>side effects</th><th>latest</th><th>compatibility</th><th>providers</th><th>last change</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${problems}`;
  return page({ title: "Contract catalogue", body, script: CONTRACT_FILTER });
}

function row(c: ContractDoc): Html {
  const latest = c.versions[c.versions.length - 1];
  const description = c.description !== undefined ? html`<div class="desc">${c.description}</div>` : html``;
  return html`<tr>
<td><a href="${contractHref(c.name)}">${c.name}</a>${description}</td>
<td>${c.kind}</td>
<td><code>${c.toolName}</code></td>
<td>${sideEffects(c)}</td>
<td>${latest !== undefined ? `v${latest.version}` : "—"}</td>
<td>${c.compatibility}</td>
<td>${c.providers.length > 0 ? c.providers.join(", ") : html`<span class="muted">none</span>`}</td>
<td>${lastChange(c)}</td>
</tr>
`;
}

function lastChange(c: ContractDoc): Html {
  const step = c.steps[c.steps.length - 1];
  if (step === undefined) return html`<span class="muted">first version</span>`;
  const p = step.pair;
  if (p === undefined) return html`<span class="muted">v${step.from} → v${step.to}: not compared</span>`;
  return p.ok ? html`<span class="ok">v${step.from} → v${step.to} ok</span>` : html`<span class="bad">v${step.from} → v${step.to} breaks</span>`;
}
