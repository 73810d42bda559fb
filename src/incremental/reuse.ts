/**
 * The next snapshot of a run that redid some contracts: the folders of the others are proved unchanged (the
 * changes walk visited every entry, changes.ts), so their records are taken over instead of listing and hashing
 * ~28 entries per contract again. Why that is safe: a record is trusted by the next run only while its stat
 * signature matches and is older than that run's racy window (src/cache/files.ts), exactly as for a record taken
 * afresh; each reused folder is stat-ed anew by takeSnapshot, and an entry added to one after the changes walk
 * moves its ctime past this run's start, so the next run lists it again.
 */
import type { SnapshotScope } from "../cache/snapshot.js";
import type { Changes } from "./changes.js";
import type { Scope } from "./scope.js";

/** The reuse hook for takeSnapshot: the folders of the contracts `scope` did not redo. */
export function reuseOthers(changes: Changes | undefined, scope: Scope | undefined): SnapshotScope["reuse"] {
  if (changes === undefined || scope === undefined) return undefined;
  const roots = new Set(scope.others.flatMap((u) => u.roots));
  return (dir) => {
    const t = roots.has(dir) ? changes.subtrees.get(dir) : undefined;
    return t === undefined || t.names === "" ? undefined : t;
  };
}
