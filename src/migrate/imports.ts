/**
 * The files a TypeScript module depends on, found with the compiler's scanner only (`preProcessFile`, no program;
 * handed in as `Specifiers`, so that a caller holding the answer in its cache does not load TypeScript at all):
 * its relative `import`/`export` specifiers resolved the way `moduleResolution: "bundler"` resolves them
 * (`./x.js` → `./x.ts`). Used to key the migration type-check cache, so it errs on the safe side: a module with a
 * dependency it cannot follow (a package import, a triple-slash reference, an unresolvable path) has no closure
 * and is always checked.
 */
import { existsSync } from "node:fs";
import { readSourceIfPresent } from "../load/read-source.js";
import path from "node:path";
import type ts from "typescript";

/**
 * Absolute path → text of every file `root` reaches, `root` included; undefined when a dependency cannot be followed.
 * A file that cannot be read is an InputError naming it by `display` (the project-relative path the CLI prints).
 */
export function importClosure(
  specifiers: Specifiers,
  root: string,
  overlay: ReadonlyMap<string, string>,
  scanned: Map<string, ImportScan> = new Map(),
  display: (abs: string) => string = (abs) => abs,
): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const queue = [path.resolve(root)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (out.has(file)) continue;
    const text = overlay.get(file) ?? readSourceIfPresent(file, display(file));
    if (text === undefined) return undefined;
    out.set(file, text);
    let scan = scanned.get(file);
    if (scan === undefined || scan.text !== text) {
      scan = { text, deps: scanImports(specifiers, file, text, overlay) };
      scanned.set(file, scan);
    }
    if (scan.deps === undefined) return undefined;
    queue.push(...scan.deps);
  }
  return out;
}

/** One file's scan, shared between the closures of many roots (every chain imports the same runtime). */
export interface ImportScan {
  readonly text: string;
  readonly deps: readonly string[] | undefined;
}

/** A module's import specifiers, in order; undefined when it has a dependency no specifier names (a triple-slash directive). */
export type Specifiers = (text: string) => readonly string[] | undefined;

/** `Specifiers` by the compiler's scanner. */
export function scannedSpecifiers(tsc: typeof ts): Specifiers {
  return (text) => {
    const info = tsc.preProcessFile(text, /* readImportFiles */ true, /* detectJavaScriptImports */ true);
    if (info.referencedFiles.length + info.typeReferenceDirectives.length + info.libReferenceDirectives.length > 0) return undefined;
    return info.importedFiles.map((f) => f.fileName);
  };
}

function scanImports(specifiers: Specifiers, file: string, text: string, overlay: ReadonlyMap<string, string>): string[] | undefined {
  const specs = specifiers(text);
  if (specs === undefined) return undefined;
  const deps: string[] = [];
  for (const spec of specs) {
    if (!spec.startsWith("./") && !spec.startsWith("../")) return undefined;
    const resolved = resolveRelative(path.dirname(file), spec, overlay);
    if (resolved === undefined) return undefined;
    deps.push(resolved);
  }
  return deps;
}

function resolveRelative(dir: string, spec: string, overlay: ReadonlyMap<string, string>): string | undefined {
  const base = path.resolve(dir, spec);
  const stem = base.replace(/\.(m|c)?js$/, "");
  const ext = base.slice(stem.length).replace("js", "ts");
  const candidates = ext !== "" ? [`${stem}${ext}`, `${stem}.d${ext}`] : [`${base}.ts`, `${base}.d.ts`, path.join(base, "index.ts")];
  return candidates.find((c) => overlay.has(c) || existsSync(c));
}
