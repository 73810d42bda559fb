/**
 * The repository's own import graph, read with the TypeScript parser (no type-checking, no module resolution by
 * the compiler): every `import`, `import type`, `export … from`, `import("…")` and `typeof import("…")` between
 * our files is an edge. Type-only imports count: a circle of types is still a circle a reader must untangle.
 * Package and `node:` imports are not edges (they point out of the house).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { listFiles } from "../../src/write/plan.js";

export interface ImportEdge {
  /** Repository-relative, `/`-separated paths of `.ts` files (a `.js` specifier names its `.ts` source). */
  readonly from: string;
  readonly to: string;
  readonly line: number;
  readonly column: number;
  readonly typeOnly: boolean;
}

/** Every `.ts` file under the given repository folders. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => listFiles(path.join(root, dir)).filter((rel) => rel.endsWith(".ts")).map((rel) => `${dir}/${rel}`));
}

/** The relative imports of one file's text, resolved against its path. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: ImportEdge[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean): void => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return;
    const to = resolveSpecifier(file, specifier.text);
    if (to === undefined) return;
    const at = source.getLineAndCharacterOfPosition(specifier.getStart(source));
    out.push({ from: file, to, line: at.line + 1, column: at.character + 1, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes = named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || (clause?.name === undefined && allTypes));
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(arg.literal, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `./x.js` from `src/a/b.ts` is `src/a/x.ts`; JSON imports are data, not modules of ours, and are left out. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (joined.endsWith(".js")) return `${joined.slice(0, -3)}.ts`;
  if (joined.endsWith(".ts")) return joined;
  return undefined;
}

/** The import edges of every `.ts` file under the given folders. */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  return sourceFiles(root, dirs).flatMap((file) => importsOf(file, readFileSync(path.join(root, file), "utf8")));
}

/**
 * Strongly connected components with more than one file, or one file importing itself (Tarjan, iterative so a
 * deep chain cannot overflow the stack). Each circle is listed from its smallest path, members sorted.
 */
export function circles(edges: readonly Pick<ImportEdge, "from" | "to">[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    if (!next.has(e.to)) next.set(e.to, []);
    next.get(e.from)!.push(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = next.get(top.node)!;
      if (top.i < targets.length) {
        const to = targets[top.i++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== top.node);
      if (members.length > 1 || targets.includes(top.node)) found.push(members.sort());
    }
  }
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
