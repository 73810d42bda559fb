/**
 * Files shipped in src/ that the build copies verbatim into generated/ (the runtime parts and barrel, the
 * Standard Schema adapter, the JSON Schema types, the SDK runtime): one place that reads them from the package,
 * applies the exact specifier rewrites a copy needs, and wraps them in a banner. Memoised per process: a build of
 * many contracts renders each copy once.
 */
import { readPackageFile, type PackageFile } from "../../paths.js";
import { renderModule } from "./module.js";

export interface CopiedModule {
  /** The file in the package, e.g. `src/runtime/errors.ts`. */
  readonly file: PackageFile;
  /** What it is, for the banner: `the llm-contracts runtime`. */
  readonly what: string;
  /** Rewrites applied to the source text (import specifiers that differ in generated/). */
  readonly rewrite?: (text: string) => string;
}

const rendered = new Map<PackageFile, { readonly copy: CopiedModule; readonly text: string }>();

/** The generated module for `copy`: its banner names `what (file)`, its body is the (rewritten) source. */
export function copiedModule(copy: CopiedModule): string {
  const known = rendered.get(copy.file);
  if (known !== undefined) {
    // One file, one copy: a second caller with other options would otherwise get the first caller's text.
    if (known.copy.what !== copy.what || known.copy.rewrite !== copy.rewrite) throw new Error(`${copy.file} is copied into generated/ in two ways`);
    return known.text;
  }
  const source = readPackageFile(copy.file);
  const text = renderModule({ source: `${copy.what} (${copy.file})`, body: [copy.rewrite === undefined ? source : copy.rewrite(source)] });
  rendered.set(copy.file, { copy, text });
  return text;
}
