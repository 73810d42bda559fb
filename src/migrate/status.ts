/**
 * Whether a step's migration exists and is implemented. The drift checker calls `migrationStatus` to treat a
 * step's backward breaks as covered once its migration is implemented.
 */
import { readSourceIfPresent } from "../load/read-source.js";
import { runCache } from "../cache/context.js";
import type { Project } from "../config/config.js";
import { discoverContracts } from "../discover/discover.js";
import { migrationSteps, type MigrationStep } from "./layout.js";
import { findMarkers } from "./markers.js";

export type MigrationStatus = "missing" | "stub" | "implemented";

/** The status of one step's module: no file, a file still calling `notImplemented`, or one that does not. */
export function stepStatus(step: MigrationStep): { status: MigrationStatus; markers: number[] } {
  const text = readSourceIfPresent(step.file, step.display);
  if (text === undefined) return { status: "missing", markers: [] };
  const markers = markersOf(text);
  return { status: markers.length > 0 ? "stub" : "implemented", markers: [...markers] };
}

/*
 * Why a memo: finding markers parses the module with ts-morph (milliseconds each), and `check` asks for every
 * step twice (drift, then the migration gate). The lines are a function of the text alone (the marker name is
 * part of the tool, hence of the cache's tool identity), so they are kept by text for the run and, in the run
 * cache, across runs: a run where one contract changed parses that contract's migrations only.
 */
const seen = new Map<string, readonly number[]>();

function markersOf(text: string): readonly number[] {
  const known = seen.get(text);
  if (known !== undefined) return known;
  const cache = runCache();
  const key = cache?.store.key("markers", text);
  const stored = key === undefined ? undefined : cache!.store.get<number[]>(key);
  const markers = Array.isArray(stored) && stored.every((n) => Number.isInteger(n)) ? stored : findMarkers(text);
  if (key !== undefined && stored === undefined) cache!.store.set(key, markers);
  if (seen.size > 10_000) seen.clear();
  seen.set(text, markers);
  return markers;
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
