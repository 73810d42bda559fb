/** The declarations people read from a generated version module: the types, without imports, banner or runtime. */

/**
 * The generated module (src/emit/modules/version.ts) starts with a banner and imports, then the type declarations,
 * then `const canonical = …` and the validators. The declarations are the part between the last import and that
 * constant; a module of another shape is shown from its first non-banner line.
 */
export function typeDeclarations(moduleText: string): string {
  const lines = moduleText.split("\n");
  let start = 0;
  while (start < lines.length && (lines[start]!.startsWith("//") || lines[start]!.startsWith("import ") || lines[start]!.trim() === "")) start++;
  let end = lines.findIndex((l, i) => i >= start && l.startsWith("const canonical"));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).join("\n").trim();
}
