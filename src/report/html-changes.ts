/**
 * The change view of one comparison as HTML: its verdict in each direction, whether it passes its mode, and every
 * change with its status, pointer, effect and witness (the value one side accepts and the other rejects). Shared by
 * `drift --format html` / `diff --format html` (html.ts) and the catalogue's contract pages.
 */
import type { PairReport, ReportedChange } from "../drift/project.js";
import { html, jsonText, type Html } from "../html/escape.js";
import { effect, pairLabel, status } from "./common.js";

/** Changes shown per comparison; the rest are counted. */
const MAX_CHANGES = 500;

const STATUS_LABEL = { error: "breaking", acknowledged: "acknowledged", warning: "warning", note: "note" } as const;
const STATUS_CLASS = { error: "bad", acknowledged: "ack", warning: "warn", note: "note" } as const;

export function verdictBadge(p: PairReport): Html {
  return p.ok ? html`<span class="badge ok">compatible in its mode (${p.mode})</span>` : html`<span class="badge bad">NOT compatible in its mode (${p.mode})</span>`;
}

/** One comparison: heading (optional), verdict line, the changes. `level` is the heading level (2–4). */
export function pairView(p: PairReport, options: { heading?: boolean; level?: 2 | 3 | 4 } = {}): Html {
  const level = options.level ?? 3;
  const label = pairLabel(p);
  const heading = options.heading === false ? html`` : level === 2 ? html`<h2>${label}</h2>` : level === 3 ? html`<h3>${label}</h3>` : html`<h4>${label}</h4>`;
  const counts = tally(p.changes);
  const shown = p.changes.slice(0, MAX_CHANGES);
  const rest = p.changes.length - shown.length;
  return html`<section class="pair">${heading}
<p>${verdictBadge(p)} backward: <strong>${p.verdict.backward}</strong>, forward: <strong>${p.verdict.forward}</strong>
<span class="muted">(${p.oldFile} → ${p.newFile})</span></p>
${p.changes.length === 0 ? html`<p class="muted">No changes.</p>` : html`<p class="muted">${counts}</p>`}
${shown.map(changeView)}
${rest > 0 ? html`<p class="muted">… and ${rest} more change(s), see the JSON report.</p>` : html``}
</section>
`;
}

function tally(changes: readonly ReportedChange[]): string {
  const n = { error: 0, acknowledged: 0, warning: 0, note: 0 };
  for (const c of changes) n[status(c)]++;
  return `${changes.length} change(s): ${n.error} breaking, ${n.acknowledged} acknowledged, ${n.warning} warning(s), ${n.note} note(s)`;
}

export function changeView(c: ReportedChange): Html {
  const st = status(c);
  const eff = effect(c);
  const where = c.location?.line !== undefined ? `${c.location.file}:${c.location.line}` : undefined;
  const witness =
    c.witness === undefined
      ? html``
      : html`<div class="witness"><div>Witness: valid under <strong>${c.witness.validUnder}</strong>, invalid under <strong>${c.witness.validUnder === "old" ? "new" : "old"}</strong>:</div><pre>${jsonText(c.witness.value)}</pre></div>`;
  const ack = c.acknowledged !== undefined ? html`<div class="ack">Acknowledged: ${c.acknowledged}</div>` : html``;
  return html`<div class="change ${st}">
<div><span class="badge ${STATUS_CLASS[st]}">${STATUS_LABEL[st]}</span> <code>${c.rule}</code> at <code>${c.pointer || "/"}</code>${where !== undefined ? html` <span class="muted">(${where})</span>` : html``}</div>
<div>${c.message}${eff ? html` <span class="muted">[${eff}]</span>` : html``}</div>
${witness}${ack}</div>
`;
}
