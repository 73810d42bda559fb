/**
 * What the catalogue shows, as plain data: gathered from the compile, lint, export and drift results
 * (collect.ts), rendered to HTML last (html/). Nothing here knows about markup.
 */
import type { JsonObject, JsonValue } from "../ir/json.js";
import type { PairReport } from "../drift/project.js";

export interface Catalogue {
  readonly contracts: readonly ContractDoc[];
  /** Inputs that could not be compiled (one line each, as `file#/pointer: message [code]`). */
  readonly problems: readonly string[];
}

export interface ContractDoc {
  readonly name: string;
  readonly kind: "model-output" | "tool-arguments";
  readonly compatibility: string;
  /** The wire name: `toolName` from contract.json, else the contract name. */
  readonly toolName: string;
  /** contract.json `sideEffects` (tool contracts), with the idempotency-key argument an `unsafe` tool names. */
  readonly sideEffects?: string;
  readonly idempotencyKey?: string;
  readonly description?: string;
  readonly providers: readonly string[];
  /** Versions compiled without problems, in order. */
  readonly versions: readonly VersionDoc[];
  /** Consecutive steps v(N-1) → vN, in order. */
  readonly steps: readonly StepDoc[];
}

export interface VersionDoc {
  readonly version: number;
  /** Project-relative source file. */
  readonly file: string;
  /** The bundled schema (every `$ref` local). */
  readonly schema: JsonObject;
  /** The generated TypeScript declarations of this version. */
  readonly typescript: string;
  readonly examples: readonly ExampleDoc[];
  readonly providers: readonly ProviderDoc[];
}

export interface ExampleDoc {
  readonly name: string;
  readonly valid: boolean;
  /** The example as written (raw model text for `.txt` examples). */
  readonly text: string;
}

/** One provider profile of one version: what export sends, and what it changes or cannot send. */
export interface ProviderDoc {
  readonly profile: string;
  readonly accepted: boolean;
  /** Where the fragment goes in a request. */
  readonly place: string;
  readonly lowered: readonly LossDoc[];
  readonly dropped: readonly LossDoc[];
  /** Why the schema cannot be sent (lint errors no lowering fixes); empty when accepted. */
  readonly errors: readonly LossDoc[];
  /** Lint warnings of this profile that export neither lowers nor drops. */
  readonly warnings: readonly LossDoc[];
}

export interface LossDoc {
  readonly pointer: string;
  readonly text: string;
}

export type MigrationState = "missing" | "stub" | "implemented";

export interface StepDoc {
  readonly from: number;
  readonly to: number;
  /** The drift comparison of the two versions; undefined when one side did not compile. */
  readonly pair?: PairReport;
  readonly migration: MigrationState;
  /** The migration module's project-relative path. */
  readonly migrationFile: string;
}

export type { JsonValue };
