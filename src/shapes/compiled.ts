/**
 * What a compile gives, read by every floor above it (emit extensions, lint, export, migrate, drift, incremental,
 * the worker pool). Types only, so that none of those imports the compiler to name its result.
 */
import type { ContractKind, ContractSource, VersionSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import type { Draft, JsonObject } from "../ir/json.js";
import type { WritePlan } from "../write/plan.js";

export interface CompiledVersion {
  readonly contract: ContractSource;
  readonly source: VersionSource;
  readonly draft: Draft;
  readonly schema: JsonObject;
  readonly hash: string;
  /** ESM JavaScript of the standalone validator (what `v<N>.validate.ts` holds). */
  readonly validatorCode: string;
}

export interface CompileResult {
  readonly plan: WritePlan;
  readonly versions: readonly CompiledVersion[];
  readonly contracts: readonly ContractSource[];
  /** Everything wrong with the inputs. A plan is only complete (and only written) when this is empty. */
  readonly problems: readonly Diagnostic[];
  /** Strictness findings that do not refuse the build (see src/strictness), in document order per version. */
  readonly warnings: readonly Diagnostic[];
  readonly examples: number;
  /** Each compiled contract's own part of the above, in discovery order (see src/incremental). */
  readonly slices: readonly ContractSlice[];
  /**
   * Set when only some contracts were compiled (an incremental run): then `plan` holds their folders and the
   * project's own files, and `contracts`, `versions`, `problems`, `warnings`, `examples` and `slices` are theirs.
   */
  readonly scope?: CompileScope;
}

/** A contract's entry in the root index (`generated/<contract>/index.ts` and `generated/index.ts`). */
export interface ContractIndexInput {
  readonly contract: string;
  readonly kind: ContractKind;
  readonly description?: string;
  readonly versions: readonly number[];
  readonly source: string;
}

/** One contract's part of a compile, enough to stand in for it in a later run that does not redo it. */
export interface ContractSlice {
  readonly name: string;
  readonly problems: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly examples: number;
  /** Versions compiled without problems, in order. */
  readonly compiled: readonly number[];
  /** How many versions the contract has. */
  readonly versions: number;
  /** Files planned in the contract's output folder. */
  readonly files: number;
  /** Its entry in the root index; absent while the contract has problems. */
  readonly index?: ContractIndexInput;
  /** Display paths of every file its versions were loaded from. */
  readonly read: readonly string[];
}

/** The contracts to compile, and the slices of the others, taken from an earlier run. */
export interface CompileScope {
  readonly names: ReadonlySet<string>;
  readonly others: readonly ContractSlice[];
  /** Contracts whose manifest the previous run validated and that has not changed since: not validated again (no ajv). */
  readonly proven?: ReadonlySet<string>;
}

/** What compiling one version gives (also what the cache keeps of it). */
export interface VersionOutcome {
  readonly files: readonly (readonly [string, string])[];
  readonly compiled?: { readonly draft: Draft; readonly schema: JsonObject; readonly hash: string; readonly validatorCode: string };
  readonly problems: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly examples: number;
}

/** What compiling one version gives, with the display paths of every file its schema was loaded from. */
export interface CompiledOutcome {
  readonly outcome: VersionOutcome;
  readonly read: readonly string[];
  /**
   * Cache entries this compile made, [namespace, hash, payload], for the main thread to store: a worker has no
   * cache (types skeletons, validators by blind schema: src/compile/skeletons.ts, validator-cache.ts).
   */
  readonly entries?: readonly (readonly [string, string, unknown])[];
}
