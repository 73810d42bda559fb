import path from "node:path";
import { ts } from "../../typescript.js";

/**
 * A `before` transformer that rewrites relative import/export specifiers of moved modules.
 * `relocate(absJsPath)` gives the JavaScript file's place in the output (the user's migrations are compiled into
 * `<outDir>/_migrations/…`, since the tool writes nothing beside them), or undefined when it stays where it is.
 */
export function specifierRewriter(relocate: (jsFile: string) => string | undefined): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (file) => {
    const fromJs = file.fileName.replace(/\.ts$/, ".js");
    const newFrom = relocate(fromJs) ?? fromJs;
    const rewrite = (spec: ts.Expression | undefined): ts.StringLiteral | undefined => {
      if (spec === undefined || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) return undefined;
      const target = path.resolve(path.dirname(fromJs), spec.text);
      const newTarget = relocate(target) ?? target;
      if (newTarget === target && newFrom === fromJs) return undefined;
      let rel = path.relative(path.dirname(newFrom), newTarget).split(path.sep).join("/");
      if (!rel.startsWith(".")) rel = `./${rel}`;
      return context.factory.createStringLiteral(rel);
    };
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        const spec = rewrite(node.moduleSpecifier);
        if (spec !== undefined) return context.factory.updateImportDeclaration(node, node.modifiers, node.importClause, spec, node.attributes);
      } else if (ts.isExportDeclaration(node)) {
        const spec = rewrite(node.moduleSpecifier);
        if (spec !== undefined) {
          return context.factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, spec, node.attributes);
        }
      }
      return node;
    };
    return ts.visitEachChild(file, visit, context);
  };
}
