/**
 * The floors of the house, as data: which folder sits on which floor, and which floors each may import. Read by
 * test/meta/imports.test.ts and pictured at the top of docs/architecture.md (keep the two in step).
 *
 * A file belongs to the row with the longest matching path (a folder ends with `/`). A file under `src/`, `cli/`
 * or `bench/` that no row names fails the test: a new folder gets a row here (one line) before it gets code.
 * Imports inside one floor are free, as long as no files import each other in a circle.
 */
export interface Layer {
  readonly name: string;
  /** One line: what the floor is for. */
  readonly purpose: string;
  readonly paths: readonly string[];
  /** Floors this one may import (its own is always allowed). Only floors listed earlier in the table. */
  readonly mayImport: readonly string[];
}

const BASE = ["base"];
const INPUT = [...BASE, "codegen", "strictness", "load", "config", "discover"];

/** Bottom to top. */
export const LAYERS: readonly Layer[] = [
  { name: "base", purpose: "errors, paths, the TypeScript loader, the worker-thread pool, JSON/IR helpers, did-you-mean, real-path containment, environment faults, the name registry, bounded memos", paths: ["src/errors.ts", "src/paths.ts", "src/typescript.ts", "src/workers.ts", "src/ir/", "src/suggest/", "src/contain/", "src/fault/", "src/names/", "src/memo/", "src/exit-codes.ts"], mayImport: [] },
  { name: "html", purpose: "text to HTML: the one HTML-escaping module, the page shell and its stylesheet and script", paths: ["src/html/"], mayImport: BASE },
  { name: "runtime", purpose: "code shipped verbatim into generated/ (imports nothing of the tool)", paths: ["src/runtime/", "src/sdk/runtime/", "src/sdk/_runtime.ts"], mayImport: [] },
  { name: "codegen", purpose: "schema text to code: escaping, module banners, copied files", paths: ["src/emit/codegen/"], mayImport: BASE },
  { name: "strictness", purpose: "strictness findings and policy", paths: ["src/strictness/"], mayImport: BASE },
  { name: "load", purpose: "read, parse, resolve $refs offline, bundle", paths: ["src/load/"], mayImport: [...BASE, "codegen"] },
  { name: "config", purpose: "the config file and its shape (Project)", paths: ["src/config/"], mayImport: [...BASE, "load", "strictness"] },
  { name: "discover", purpose: "which contracts and versions exist", paths: ["src/discover/"], mayImport: [...BASE, "codegen", "load", "config"] },
  { name: "write", purpose: "write plans, atomic apply, folder swap", paths: ["src/write/"], mayImport: [...INPUT] },
  { name: "shapes", purpose: "types several floors share: compiled versions, extensions, check steps", paths: ["src/shapes/"], mayImport: [...INPUT, "write", "runtime"] },
  { name: "cache", purpose: "content-addressed store, no-op snapshot, per-version entries, the run's cache", paths: ["src/cache/"], mayImport: [...INPUT, "write", "shapes"] },
  { name: "lint", purpose: "provider profiles (data) and lint rules over one schema", paths: ["src/lint/"], mayImport: [...INPUT, "shapes"] },
  { name: "export", purpose: "lowering a schema for a provider or draft", paths: ["src/export/"], mayImport: [...INPUT, "shapes", "lint"] },
  { name: "emit", purpose: "one version's generated files: types, validators, modules, provider and Standard Schema files", paths: ["src/emit/"], mayImport: [...INPUT, "runtime", "shapes", "lint", "export"] },
  { name: "sdk", purpose: "SDK bindings and toolset routers as generated files", paths: ["src/sdk/"], mayImport: [...INPUT, "shapes", "export", "emit"] },
  { name: "migrate", purpose: "migration stubs, the generated upgrade chain, the migration gate", paths: ["src/migrate/"], mayImport: [...INPUT, "runtime", "write", "shapes", "cache", "emit"] },
  { name: "drift", purpose: "pair old/new schemas, rules, findings, acknowledgements", paths: ["src/drift/"], mayImport: [...INPUT, "runtime", "shapes", "cache", "emit", "migrate"] },
  { name: "report", purpose: "drift reporters (text, markdown, json, sarif, github, html)", paths: ["src/report/"], mayImport: [...BASE, "html", "drift"] },
  { name: "catalogue", purpose: "the contract catalogue: its data from compile, lint, export, drift and migrations, rendered as a static site", paths: ["src/catalogue/"], mayImport: [...INPUT, "html", "shapes", "lint", "export", "migrate", "drift", "report"] },
  { name: "publish", purpose: "published versions locked by content hash (schemas/published.lock.json) and the check step that holds them", paths: ["src/publish/"], mayImport: [...INPUT, "write", "shapes"] },
  { name: "parallel", purpose: "a pool of worker threads for version compiles", paths: ["src/parallel/"], mayImport: [...INPUT, "shapes"] },
  { name: "compile", purpose: "discover, load, emit every version into one write plan (extensions passed in; sdk read only for its generated names, checked by one registry)", paths: ["src/compile/"], mayImport: [...INPUT, "runtime", "write", "shapes", "cache", "emit", "sdk", "migrate", "parallel"] },
  { name: "javascript", purpose: "the .js form of a complete plan", paths: ["src/emit/javascript/"], mayImport: [...INPUT, "write", "shapes", "emit", "migrate"] },
  { name: "incremental", purpose: "which contracts a change touches, and the result assembled with the others", paths: ["src/incremental/"], mayImport: [...INPUT, "shapes", "cache", "migrate"] },
  { name: "openapi", purpose: "OpenAPI import and export", paths: ["src/openapi/"], mayImport: [...INPUT, "shapes", "export", "emit"] },
  { name: "hook", purpose: "the pre-commit hook's relevance filter", paths: ["src/hook/"], mayImport: [...INPUT, "migrate"] },
  { name: "init", purpose: "scaffolding a new project", paths: ["src/init/"], mayImport: [...INPUT] },
  {
    name: "api",
    purpose: "composition root: build/check, the extension and check-step lists",
    paths: ["src/api/"],
    mayImport: [...INPUT, "runtime", "write", "shapes", "cache", "lint", "export", "emit", "sdk", "migrate", "drift", "catalogue", "publish", "compile", "javascript", "incremental"],
  },
  { name: "worker", purpose: "a worker thread's entry point (the top of its own thread, like cli/main.ts)", paths: ["src/parallel/worker.ts"], mayImport: [...INPUT, "parallel", "compile", "api"] },
  { name: "watch", purpose: "build --watch", paths: ["src/watch/"], mayImport: [...BASE, "config", "api"] },
  { name: "index", purpose: "the package's public entry", paths: ["src/index.ts"], mayImport: [...INPUT, "runtime", "shapes", "compile", "api"] },
  {
    name: "cli",
    purpose: "argument parsing, commands, output (the only process.exit)",
    paths: ["cli/"],
    mayImport: [...INPUT, "runtime", "shapes", "cache", "lint", "export", "emit", "migrate", "drift", "report", "publish", "openapi", "hook", "init", "api", "watch"],
  },
  { name: "test-helpers", purpose: "test helpers and corpora (not checked here, imported by bench only)", paths: ["test/"], mayImport: [] },
  { name: "bench", purpose: "npm run bench (the registry and runner at the top: bench/run.ts; shared args in bench/args.ts)", paths: ["bench/"], mayImport: [...INPUT, "runtime", "emit", "drift", "migrate", "api", "test-helpers"] },
];

/** The row a repository path belongs to (longest matching path), if any. */
export function layerOf(file: string, layers: readonly Layer[] = LAYERS): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of layers) {
    for (const p of layer.paths) {
      const hit = p.endsWith("/") ? file.startsWith(p) : file === p;
      if (hit && (best === undefined || p.length > best.length)) best = { layer, length: p.length };
    }
  }
  return best?.layer;
}

/** Problems with the table itself: unknown names, and floors that may import a floor above them (a circle of floors). */
export function tableProblems(layers: readonly Layer[] = LAYERS): string[] {
  const problems: string[] = [];
  const position = new Map(layers.map((l, i) => [l.name, i]));
  layers.forEach((layer, i) => {
    for (const target of layer.mayImport) {
      const at = position.get(target);
      if (at === undefined) problems.push(`${layer.name} may import unknown floor ${target}`);
      else if (at >= i) problems.push(`${layer.name} may import ${target}, which is not below it`);
    }
  });
  return problems;
}
