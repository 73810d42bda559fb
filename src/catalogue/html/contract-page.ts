/**
 * One contract's page: what it is, what changed between consecutive versions (verdict, each breaking change with
 * its witness, the migration's status), then each version newest first: schema tree, TypeScript type, golden
 * examples, provider matrix and the full schema.
 */
import { html, join, jsonText, type Html } from "../../html/escape.js";
import { page } from "../../html/layout.js";
import { pairView } from "../../report/html-changes.js";
import type { ContractDoc, StepDoc, VersionDoc } from "../model.js";
import { HOME_FROM_CONTRACT } from "./paths.js";
import { providerMatrix } from "./providers.js";
import { sideEffects } from "./side-effects.js";
import { schemaTree } from "./tree.js";

/** Characters of generated TypeScript shown per version (the module itself is in the build output). */
const MAX_TYPESCRIPT = 200_000;

const MIGRATION_TEXT = {
  implemented: html`<span class="ok">implemented</span>`,
  stub: html`<span class="warn">stub: decisions left to implement</span>`,
  missing: html`<span class="bad">missing</span>`,
} as const;

export function contractPage(c: ContractDoc): string {
  const versions = [...c.versions].reverse();
  const nav = html`<nav class="versions">Versions: ${join([...versions.map((v) => html`<a href="${`#v${v.version}`}">v${v.version}</a>`), ...(c.steps.length > 0 ? [html`<a href="#changes">changes</a>`] : [])], " ")}</nav>`;
  const body = html`<h1>${c.name}</h1>
${c.description !== undefined ? html`<p>${c.description}</p>` : html``}
<table class="facts">
<tr><th>kind</th><td>${c.kind}</td></tr>
<tr><th>tool name</th><td><code>${c.toolName}</code></td></tr>
<tr><th>side effects</th><td>${sideEffects(c)}</td></tr>
<tr><th>compatibility</th><td>${c.compatibility}</td></tr>
<tr><th>providers</th><td>${c.providers.length > 0 ? c.providers.join(", ") : "none"}</td></tr>
</table>
${nav}
${c.steps.length > 0 ? html`<h2 id="changes">Changes</h2>${[...c.steps].reverse().map(stepView)}` : html``}
${versions.map((v) => versionView(c, v))}`;
  return page({ title: `${c.name}: contract catalogue`, home: HOME_FROM_CONTRACT, body });
}

function stepView(s: StepDoc): Html {
  const migration = html`<p>Migration <code>${s.migrationFile}</code>: ${MIGRATION_TEXT[s.migration]}</p>`;
  if (s.pair === undefined) return html`<section id="${`change-v${s.from}-v${s.to}`}"><h3>v${s.from} → v${s.to}</h3><p class="muted">Not compared: a version has problems.</p>${migration}</section>`;
  return html`<section id="${`change-v${s.from}-v${s.to}`}"><h3>v${s.from} → v${s.to}</h3>${pairView(s.pair, { heading: false })}${migration}</section>`;
}

function versionView(c: ContractDoc, v: VersionDoc): Html {
  const id = `v${v.version}`;
  const examples = v.examples.length === 0 ? html`<p class="muted">No golden examples.</p>` : v.examples.map((e) => html`<h4>${e.valid ? html`<span class="ok">valid</span>` : html`<span class="bad">invalid</span>`} <code>${e.name}</code></h4><pre>${e.text}</pre>`);
  return html`<section id="${id}">
<h2>${c.name} v${v.version} <span class="muted">(${v.file})</span></h2>
<h3>Schema</h3>
${schemaTree(v.schema, id)}
<h3>TypeScript</h3>
<pre class="ts">${v.typescript.length > MAX_TYPESCRIPT ? `${v.typescript.slice(0, MAX_TYPESCRIPT)}\n… (${v.typescript.length - MAX_TYPESCRIPT} more characters)` : v.typescript}</pre>
<h3>Providers</h3>
${providerMatrix(v.providers)}
<h3>Golden examples</h3>
${examples}
<details><summary>Full schema (bundled JSON)</summary><pre>${jsonText(v.schema, 200_000)}</pre></details>
</section>
`;
}
