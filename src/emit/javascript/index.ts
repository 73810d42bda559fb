/**
 * The JavaScript flavour of the output (`"emit": "js"` in the config): a transform of the TypeScript write plan
 * into ESM JavaScript plus `.d.ts` declarations, for plain JavaScript projects and Node services run without a build
 * step. The TypeScript emitters stay the single source of the generated code; this only compiles their output, in
 * memory, with pinned options (options.ts), so the flavours cannot disagree. Each module is compiled from its own
 * text (isolated.ts); one program over all of them (program.ts) is the fallback when a module's declarations cannot
 * be read off its own text.
 *
 * The upgrade chain imports the user's migrations, which are TypeScript beside the schemas. They are compiled too,
 * into `<outDir>/_migrations/<their project path>.js` (the tool never writes beside the user's files), and the
 * upgrade modules' imports are pointed there.
 */
import path from "node:path";
import type { Project } from "../../config/config.js";
import { bodyHash, renderModule, toLf } from "../codegen/module.js";
import { emitIsolated, type ModuleMemo } from "./isolated.js";
import { emitWithProgram } from "./program.js";
import { validatorDeclarations } from "../modules/version.js";
import type { WritePlan } from "../../write/plan.js";

export const MIGRATIONS_FOLDER = "_migrations";

/**
 * `plan`: the TypeScript plan (relative to outDir). `migrations`: absolute path → text of the user's migration
 * modules. `memo`: modules compiled by earlier runs (a cache). Returns the JavaScript plan: every `x.ts` becomes `x.js` and `x.d.ts`, each migration a `.js` file.
 */
export function javascriptPlan(project: Project, plan: WritePlan, migrations: ReadonlyMap<string, string>, memo?: ModuleMemo): WritePlan {
  const norm = (f: string): string => path.resolve(f);
  const sources = new Map<string, string>();
  const planFileOf = new Map<string, string>();
  for (const [rel, text] of plan) {
    if (!rel.endsWith(".ts")) continue;
    const abs = norm(path.join(project.outDir, ...rel.split("/")));
    sources.set(abs, text);
    planFileOf.set(abs.replace(/\.ts$/, ""), rel.replace(/\.ts$/, ""));
  }
  const migrationOut = new Map<string, string>();
  for (const [file, text] of migrations) {
    const abs = norm(file);
    sources.set(abs, text);
    const rel = path.relative(project.rootDir, abs).split(path.sep).join("/").replace(/\.ts$/, ".js");
    migrationOut.set(abs.replace(/\.ts$/, ".js"), `${MIGRATIONS_FOLDER}/${rel}`);
  }
  const relocate = (jsFile: string): string | undefined => {
    const rel = migrationOut.get(norm(jsFile));
    return rel === undefined ? undefined : path.join(project.outDir, ...rel.split("/"));
  };

  const withoutDeclarations = (file: string): boolean => {
    const stem = planFileOf.get(file.replace(/\.ts$/, ""));
    return stem === undefined || stem.endsWith(".validate");
  };
  const out = new Map<string, string>();
  const emitted = (fileName: string, text: string): void => {
    const abs = norm(fileName);
    const isDts = abs.endsWith(".d.ts");
    const stem = abs.replace(/\.d\.ts$|\.js$/, "");
    const planStem = planFileOf.get(stem);
    if (planStem !== undefined) {
      const source = plan.get(`${planStem}.ts`)!;
      // A validator module's declarations are written from its code (whichever way it was compiled, and whether or not it was).
      if (planStem.endsWith(".validate")) out.set(`${planStem}.d.ts`, rebanner(source, validatorDeclarations(source)));
      if (!(isDts && planStem.endsWith(".validate"))) out.set(`${planStem}${isDts ? ".d.ts" : ".js"}`, rebanner(source, text));
      return;
    }
    const moved = migrationOut.get(`${stem}.js`);
    // A migration's declarations are not needed: nothing generated exposes the migration functions' types.
    if (moved !== undefined && !isDts) out.set(moved, migrationBanner(path.relative(project.rootDir, `${stem}.ts`), text));
  };
  const input = { sources, norm, relocate, withoutDeclarations };
  if (!emitIsolated(input, emitted, memo)) emitWithProgram(input, emitted);
  for (const [rel, text] of plan) if (!rel.endsWith(".ts")) out.set(rel, text);
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** The TypeScript module's banner lines (without its hash) over the compiled body, with the body's own hash. */
function rebanner(tsText: string, emitted: string): string {
  const lines = toLf(tsText).split("\n");
  const hashAt = lines.findIndex((l) => l.startsWith("// body-sha256: "));
  const banner = lines.slice(0, hashAt);
  const bannerSet = new Set(lines.slice(0, hashAt + 1));
  const outLines = toLf(emitted).split("\n");
  let start = 0;
  while (start < outLines.length && bannerSet.has(outLines[start]!)) start++;
  const body = `${outLines.slice(start).join("\n").replace(/\n*$/, "")}\n`;
  return `${banner.join("\n")}\n// body-sha256: ${bodyHash(body)}\n${body}`;
}

function migrationBanner(source: string, emitted: string): string {
  return renderModule({ source: `${source.split(path.sep).join("/")} (your migration, compiled)`, body: [emitted] });
}
