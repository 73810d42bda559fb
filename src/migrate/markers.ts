/**
 * The marker of an undecided migration (`notImplemented(...)`) and where a module calls it. Kept apart from the
 * scaffolding (stub.ts, body.ts, stub-in-step.ts) so that what only asks a step's status (status.ts: the check's
 * migration gate and drift) loads neither those modules nor ts-morph: a module whose text cannot hold a call is
 * answered by `MAYBE_CALL` alone.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import type { SourceFile } from "ts-morph";

export const MARKER = "notImplemented";

/** A call to the marker: its name followed, after trivia, by `(`, `<` or `?.` (see `findMarkers`). */
export const MAYBE_CALL = new RegExp(`${MARKER}\\s*(?:[(<?]|/[/*])`);

/*
 * Loaded with `require` for the reason given in src/typescript.ts (ts-morph is a large CommonJS bundle), and on first
 * use: a cold build only scaffolds new modules, which needs no ts-morph.
 */
let morph: typeof TsMorph | undefined;
export function tsMorph(): typeof TsMorph {
  morph ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  return morph;
}

let shared: TsMorph.Project | undefined;

/**
 * A source file in an in-memory project that holds nothing else. Why one project for every file: creating a
 * project costs about as much as editing a stub, and a build edits one per version step; each file is removed
 * from the project once read, and a file left by an edit that threw is overwritten by the next one.
 */
export function sourceFile(name: string, text: string): SourceFile {
  const { IndentationText, NewLineKind, Project: MorphProject, QuoteKind } = tsMorph();
  shared ??= new MorphProject({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Double, indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed },
  });
  return shared.createSourceFile(name, text, { overwrite: true });
}

/** 1-based lines of every call to the marker in a module (`notImplemented(...)`). */
export function markerCalls(sf: SourceFile): number[] {
  return sf
    .getDescendantsOfKind(tsMorph().SyntaxKind.CallExpression)
    .filter((c) => c.getExpression().getText() === MARKER)
    .map((c) => c.getStartLineNumber());
}

/*
 * A text where the marker's name is never followed by `(`, `<` or `?.` (MAYBE_CALL) has no call:
 * implemented migrations are then answered without parsing (ts-morph costs milliseconds a module).
 */
/** Marker lines of a module's text. */
export function findMarkers(text: string): number[] {
  if (!MAYBE_CALL.test(text)) return [];
  const sf = sourceFile("m.ts", text);
  const lines = markerCalls(sf);
  sf.getProject().removeSourceFile(sf);
  return lines;
}
