/**
 * docs/generated-api.md lists every exported name pattern: each name the committed generated/ modules export is
 * turned into its pattern (`parseTicketTriageV3Text` → `parse<Contract>V<N>Text`) and must appear in the page,
 * in backticks, in the section of its module.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../util/project.js";

const OUT = path.join(REPO_ROOT, "generated");
const DOC = readFileSync(path.join(REPO_ROOT, "docs", "generated-api.md"), "utf8");
const PROFILES = ["OpenaiStrict", "AnthropicStrict", "Anthropic", "GeminiOpenapi", "Gemini", "Mcp", "Portable"];

/** Exported names of one module (declarations, `export {…}` lists with their aliases, `export * as ns`). */
function exportedNames(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;
    if (ts.isExportDeclaration(st)) {
      if (st.exportClause === undefined) continue; // `export * from`: the names are the target module's
      if (ts.isNamespaceExport(st.exportClause)) names.push(st.exportClause.name.text);
      else for (const e of st.exportClause.elements) names.push(e.name.text);
    } else if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (exported && (ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isClassDeclaration(st)) && st.name !== undefined) {
      names.push(st.name.text);
    }
  }
  return names;
}

const contracts = existsSync(OUT) ? readdirSync(OUT, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith("_")).map((e) => e.name) : [];
const pascal = (kebab: string): string => kebab.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
const camel = (kebab: string): string => pascal(kebab).replace(/^./, (c) => c.toLowerCase());

/** The pattern of a name: contract, version, profile and toolset parts replaced by their placeholders. */
function patternOf(name: string, toolsets: readonly string[]): string {
  let p = name;
  for (const c of [...contracts].sort((a, b) => b.length - a.length)) {
    p = p.replace(new RegExp(`^${camel(c)}$`), "<contract>").replace(new RegExp(pascal(c)), "<Contract>");
  }
  p = p.replace(/<Contract>V[0-9]+/, "<Contract>V<N>").replace(/^v[0-9]+$/, "v<N>");
  for (const t of toolsets) p = p.replace(new RegExp(`^(create)?${pascal(t)}`), (_m, create: string | undefined) => `${create ?? ""}<Toolset>`);
  for (const prof of PROFILES) {
    const at = p.indexOf(`V<N>${prof}`);
    if (at >= 0 && !p.includes("OpenaiStrictResponsesRequest")) {
      p = p.slice(0, at + 4) + "<Profile>" + p.slice(at + 4 + prof.length);
      break;
    }
  }
  return p;
}

/** Doc section (by its `## \`module\`` heading) a generated file belongs to. */
function sectionOf(rel: string): string {
  if (rel === "index.ts") return "`index.ts`";
  if (rel === "_sdk/index.ts") return "`_sdk/index.ts`";
  if (rel.startsWith("_toolsets/")) return "`_toolsets/<name>.ts`";
  const file = rel.split("/")[1]!;
  return `\`<contract>/${file.replace(/^v[0-9]+\./, "v<N>.")}\``;
}

function section(heading: string): string {
  const start = DOC.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `docs/generated-api.md has a section ${heading}`);
  const next = DOC.indexOf("\n## ", start + 3);
  return DOC.slice(start, next < 0 ? undefined : next);
}

test("generated api › every name exported by a generated module has its pattern in docs/generated-api.md", { skip: contracts.length > 0 ? false : "generated/ has not been built in this checkout" }, () => {
  const toolsets = existsSync(path.join(OUT, "_toolsets")) ? readdirSync(path.join(OUT, "_toolsets")).map((f) => f.replace(/\.ts$/, "")) : [];
  const files = ["index.ts", "_sdk/index.ts", ...toolsets.map((t) => `_toolsets/${t}.ts`), ...contracts.flatMap((c) => readdirSync(path.join(OUT, c)).filter((f) => f.endsWith(".ts")).map((f) => `${c}/${f}`))];
  const missing = new Set<string>();
  let checked = 0;
  for (const rel of files) {
    const text = section(sectionOf(rel));
    for (const name of exportedNames(path.join(OUT, rel))) {
      checked++;
      let p = patternOf(name, toolsets);
      // A type named after a `$defs` entry carries no contract name.
      if (/^[^/]+\/v[0-9]+\.ts$/.test(rel) && !p.includes("<")) p = "<Definition>";
      // The latest-version aliases of `<contract>/index.ts` are re-exported by `index.ts` and `_sdk/index.ts` too.
      const documented = text.includes(`\`${p}`) || (rel.endsWith("index.ts") && DOC.includes(`\`${p}`));
      if (!documented) missing.add(`${sectionOf(rel)}: ${p} (from ${name})`);
    }
  }
  assert.ok(checked > 100, `checked ${checked} names`);
  assert.deepEqual([...missing].sort(), []);
});
