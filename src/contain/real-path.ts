/**
 * Containment by real path: nothing the tool reads or writes for a project may lie outside its root once symbolic
 * links are resolved.
 *
 * Why not a lexical check: `migrationsDir: "../../mig-link"` is inside the root as text, but `mig-link` may be a
 * link to a folder elsewhere, and a `v1.json` or a golden example may be a link to `/etc/passwd`. A path is
 * checked before it is opened, so the content of a file outside is never read, let alone echoed in a message.
 * The refusal names the path and the link that leads out (with its target), one line, exit 2.
 */
import { readlinkSync, realpathSync } from "node:fs";
import { lstatSync } from "./stat.js";
import path from "node:path";
import { inputError } from "../errors.js";

/**
 * The real path of `abs`: symbolic links resolved in every component that exists; the components that do not
 * exist yet (a folder a build will create) are appended as they are.
 */
export function realPathOf(abs: string): string {
  const rest: string[] = [];
  let cur = path.resolve(abs);
  for (;;) {
    try {
      return path.join(realpathSync.native(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.join(cur, ...rest.reverse());
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

export function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** Whether `abs` lies inside `dir` (inclusive) once links are resolved in both. */
export function isInsideReal(abs: string, dir: string): boolean {
  return isInside(realPathOf(abs), realPathOf(dir));
}

/**
 * Throws an `InputError` (`path.outside`) when `abs`, links resolved, leaves `rootDir`. `display` names the path
 * in the message; the first link on the way that leads out is named with its target.
 */
export function assertInsideRoot(rootDir: string, abs: string, display: string): void {
  const root = realPathOf(rootDir);
  const real = realPathOf(abs);
  if (isInside(real, root)) return;
  const link = leavingLink(rootDir, abs, root);
  const via = link === undefined ? "" : ` through the link ${link.display} -> ${link.target}`;
  throw inputError("path.outside", { file: display }, `resolves outside the project root${via}; refused (nothing outside the project is read or written)`);
}

/** The first symbolic link on the way from the root to `abs` whose target lies outside the root. */
function leavingLink(rootDir: string, abs: string, realRoot: string): { display: string; target: string } | undefined {
  const rel = path.relative(rootDir, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  let cur = rootDir;
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part);
    let isLink = false;
    try {
      isLink = lstatSync(cur).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (isLink && !isInside(realPathOf(cur), realRoot)) {
      let target: string;
      try {
        target = readlinkSync(cur);
      } catch {
        target = "?";
      }
      return { display: path.relative(rootDir, cur).split(path.sep).join("/"), target };
    }
  }
  return undefined;
}
