/**
 * Where `init` puts things in an existing project.
 *
 * Why this matters: the generated modules and the migrations are TypeScript the app compiles. A tsconfig with
 * `rootDir: "src"` rejects `generated/` at the project root (TS6059 on every file), and one with `include: ["src"]`
 * never compiles it. So the output folder and the migrations go inside the folder the app's own tsconfig already
 * compiles, and the app builds with its tsconfig unchanged. Without a tsconfig (a plain JavaScript project) the
 * defaults apply and the output is JavaScript with declarations.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { ts } from "../typescript.js";
import { inputError } from "../errors.js";

export interface SourceLayout {
  /** The tsconfig found at the project root, if any (project-relative). */
  readonly tsconfig: string | undefined;
  /** Project-relative folder the app's tsconfig compiles ("." when everything is). */
  readonly sourceDir: string;
  /** Why sourceDir was chosen, for the summary. */
  readonly reason: string;
}

export function detectLayout(rootDir: string): SourceLayout {
  const file = path.join(rootDir, "tsconfig.json");
  if (!existsSync(file)) return { tsconfig: undefined, sourceDir: ".", reason: "no tsconfig.json" };
  const read = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  if (read.error !== undefined) {
    throw inputError("init.tsconfig", { file: "tsconfig.json" }, ts.flattenDiagnosticMessageText(read.error.messageText, " "));
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, rootDir, undefined, file);
  const rel = (abs: string): string | undefined => {
    const r = path.relative(rootDir, abs);
    if (r.startsWith("..") || path.isAbsolute(r)) return undefined;
    return r === "" ? "." : r.split(path.sep).join("/");
  };
  if (parsed.options.rootDir !== undefined) {
    const dir = rel(path.resolve(rootDir, parsed.options.rootDir));
    if (dir !== undefined) return { tsconfig: "tsconfig.json", sourceDir: dir, reason: `its rootDir is ${dir}` };
  }
  // The first folder `include` names, e.g. "src" from ["src/**/*", "test"].
  const includes = (read.config as { include?: unknown }).include;
  if (Array.isArray(includes)) {
    for (const pattern of includes) {
      if (typeof pattern !== "string") continue;
      const stem = pattern.split(/[*?{]/)[0]!.replace(/\/+$/, "");
      const dir = stem === "" ? "." : rel(path.resolve(rootDir, stem));
      if (dir !== undefined && existsSync(path.join(rootDir, dir))) {
        return { tsconfig: "tsconfig.json", sourceDir: dir, reason: `its include starts with ${JSON.stringify(pattern)}` };
      }
    }
  }
  // No rootDir: tsc infers it from the common folder of all inputs. With every source under src/, output at the
  // root would move that inferred root and with it the app's whole build output.
  if (existsSync(path.join(rootDir, "src")) && !hasTypeScriptOutside(rootDir)) {
    return { tsconfig: "tsconfig.json", sourceDir: "src", reason: "its sources live in src/ (rootDir inferred)" };
  }
  return { tsconfig: "tsconfig.json", sourceDir: ".", reason: "it compiles the whole project" };
}

function hasTypeScriptOutside(rootDir: string): boolean {
  for (const e of readdirSync(rootDir, { withFileTypes: true })) {
    if (e.isFile() && /\.(c|m)?tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") && !/\.config\./.test(e.name)) return true;
  }
  return false;
}

/** `a/b` joined with `c` as a project-relative `/` path ("." stays out). */
export function joinRel(dir: string, child: string): string {
  return dir === "." ? child : `${dir}/${child}`;
}
