/**
 * Whether a step's migration exists and is implemented. The drift checker calls `migrationStatus` to treat a
 * step's backward breaks as covered once its migration is implemented.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Project } from "../config/config.js";
import { discoverContracts } from "../discover/discover.js";
import { migrationSteps, type MigrationStep } from "./layout.js";
import { findMarkers } from "./stub.js";

export type MigrationStatus = "missing" | "stub" | "implemented";

/** The status of one step's module: no file, a file still calling `notImplemented`, or one that does not. */
export function stepStatus(step: MigrationStep): { status: MigrationStatus; markers: number[] } {
  if (!existsSync(step.file)) return { status: "missing", markers: [] };
  const markers = findMarkers(readFileSync(step.file, "utf8"));
  return { status: markers.length > 0 ? "stub" : "implemented", markers };
}

/**
 * Status of the migration from `fromVersion` to `fromVersion + 1` of `contract`. "implemented" means no marker
 * is left; whether it type-checks is reported by `check` (`migration.type-error`).
 */
export function migrationStatus(project: Project, contract: string, fromVersion: number): MigrationStatus {
  const source = discoverContracts(project).contracts.find((c) => c.name === contract);
  if (source === undefined) return "missing";
  const step = migrationSteps(project, source).find((s) => s.from === fromVersion);
  return step === undefined ? "missing" : stepStatus(step).status;
}
