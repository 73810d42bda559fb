/**
 * The `check` step that keeps published versions immutable, without git: every compiled version recorded in the
 * lock must still have the fingerprint it was published with, and every locked version must still exist.
 * A version missing from the lock is a draft: it may change freely until `llm-contracts publish` records it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { CheckStep } from "../shapes/check-step.js";
import type { CompiledVersion } from "../shapes/compiled.js";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { pointerAppend } from "../ir/json.js";
import { SCHEMA_EXTENSIONS } from "../load/read.js";
import { changedPointers, fingerprint } from "./fingerprint.js";
import { lockPath, readLock, type PublishedLock } from "./lock.js";

/** Pointers named in one finding at most (the rest are counted). */
const MAX_NAMED = 5;

export const publishCheckStep: CheckStep = {
  name: "published",
  async run(project, compiled) {
    const lock = readLock(project);
    if (lock.size === 0) return [];
    return [...changedVersions(project, lock, compiled.versions), ...removedVersions(project, lock)];
  },
};

/** Compiled versions whose schema differs from the one they were published with. */
export function changedVersions(project: Project, lock: PublishedLock, versions: readonly CompiledVersion[]): Diagnostic[] {
  const lockDisplay = lockPath(project).display;
  const found: Diagnostic[] = [];
  for (const v of versions) {
    const locked = lock.get(v.contract.name)?.get(v.source.version);
    if (locked === undefined) continue;
    const now = fingerprint(v.schema);
    if (now.sha256 === locked.sha256) continue;
    const where = changedPointers(locked, now);
    const named = where.length === 0 ? "below the recorded levels" : `at ${where.slice(0, MAX_NAMED).join(", ")}${where.length > MAX_NAMED ? ` and ${where.length - MAX_NAMED} more` : ""}`;
    found.push({
      code: "publish.changed",
      file: v.source.display,
      ...(where.length === 1 && where[0] !== undefined ? { pointer: where[0] } : {}),
      message:
        `${v.contract.name} v${v.source.version} is published (${lockDisplay}) and its schema changed ${named}: ` +
        `a published version is immutable; undo the edit (of this file or a shared definition it uses) and make the change ` +
        `in a new version v${v.contract.versions.length + 1}`,
    });
  }
  return found;
}

/** Locked versions whose schema file is gone. */
export function removedVersions(project: Project, lock: PublishedLock): Diagnostic[] {
  const { display } = lockPath(project);
  const found: Diagnostic[] = [];
  for (const [contract, versions] of lock) {
    for (const version of versions.keys()) {
      const stem = path.join(project.schemasDir, contract, `v${version}`);
      if (SCHEMA_EXTENSIONS.some((ext) => existsSync(`${stem}${ext}`))) continue;
      found.push({
        code: "publish.removed",
        file: display,
        pointer: pointerAppend(pointerAppend("/published", contract), `v${version}`),
        message:
          `${contract} v${version} is published but its schema file is gone: restore ${displayPath(project.rootDir, stem)}.json ` +
          `from version control (readers deployed against it still exist), or, when none remain, delete this entry from the lock in the same commit`,
      });
    }
  }
  return found;
}
