/**
 * The JavaScript flavour of the output (`"emit": "js"` in the config): a transform of the TypeScript write plan
 * into ESM JavaScript plus `.d.ts` declarations, for plain JavaScript projects and Node services run without a build
 * step. The TypeScript emitters stay the single source of the generated code; this only compiles their output, in
 * memory, with pinned options (options.ts), so the flavours cannot disagree.
 *
 * The upgrade chain imports the user's migrations, which are TypeScript beside the schemas. They are compiled too,
 * into `<outDir>/_migrations/<their project path>.js` (the tool never writes beside the user's files), and the
 * upgrade modules' imports are pointed there.
 */
import path from "node:path";
import { ts } from "../../typescript.js";
import type { Project } from "../../config/config.js";
import { bodyHash, renderModule, toLf } from "../codegen/module.js";
import { JAVASCRIPT_COMPILER_OPTIONS } from "./options.js";
import { specifierRewriter } from "./specifiers.js";
import { VALIDATOR_DECLARATIONS } from "../modules/version.js";
import type { WritePlan } from "../../write/plan.js";

export const MIGRATIONS_FOLDER = "_migrations";

/**
 * `plan`: the TypeScript plan (relative to outDir). `migrations`: absolute path → text of the user's migration
 * modules. Returns the JavaScript plan: every `x.ts` becomes `x.js` and `x.d.ts`, each migration a `.js` file.
 */
export function javascriptPlan(project: Project, plan: WritePlan, migrations: ReadonlyMap<string, string>): WritePlan {
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

  const host = ts.createCompilerHost(JAVASCRIPT_COMPILER_OPTIONS, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => sources.has(norm(f)) || fileExists(f);
  host.readFile = (f) => sources.get(norm(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = sources.get(norm(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()].sort(), options: JAVASCRIPT_COMPILER_OPTIONS, host });

  const out = new Map<string, string>();
  const emitted = (fileName: string, text: string): void => {
    const abs = norm(fileName);
    const isDts = abs.endsWith(".d.ts");
    const stem = abs.replace(/\.d\.ts$|\.js$/, "");
    const planStem = planFileOf.get(stem);
    if (planStem !== undefined) {
      const declared = isDts && planStem.endsWith(".validate") ? VALIDATOR_DECLARATIONS : text;
      out.set(`${planStem}${isDts ? ".d.ts" : ".js"}`, rebanner(plan.get(`${planStem}.ts`)!, declared));
      return;
    }
    const moved = migrationOut.get(`${stem}.js`);
    // A migration's declarations are not needed: nothing generated exposes the migration functions' types.
    if (moved !== undefined && !isDts) out.set(moved, migrationBanner(path.relative(project.rootDir, `${stem}.ts`), text));
  };
  program.emit(undefined, emitted, undefined, false, { before: [specifierRewriter(relocate)] });
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
