/**
 * The shape of a compile extension (further generated files). Extensions are written beside `emit` (provider
 * fragments, Standard Schema files, SDK bindings) and listed in the composition root (src/api/extensions.ts),
 * which hands the list to the compiler: the compiler never imports what extends it.
 */
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { CompiledVersion } from "./compiled.js";

/**
 * Further generated files per contract version (e.g. provider request fragments), as `/`-separated paths
 * relative to the output folder mapped to file text.
 */
export interface PlanExtension {
  readonly name: string;
  /** A promise when the extension's module is imported on first use (src/api/extensions.ts). */
  files(version: CompiledVersion): ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>;
}

/**
 * Further generated files for the whole project, made once every contract version is compiled (the SDK runtime,
 * toolset routers). Problems they report are input problems: nothing is written while there are any.
 */
export interface ProjectExtension {
  readonly name: string;
  /** A promise when part of the extension is imported on first use (toolset routers: src/sdk/emit/extension.ts). */
  files(input: ProjectInput): ProjectFiles | Promise<ProjectFiles>;
}

export interface ProjectInput {
  readonly project: Project;
  readonly versions: readonly CompiledVersion[];
  readonly listing: readonly ContractListing[];
  /**
   * The text `render` gives, kept in the run's cache under `parts` (and the extension's name) when there is one.
   * `render` must be a pure function of `parts` (and of the tool, to which every cache key is bound).
   */
  readonly memo?: (parts: string, render: () => string) => string;
}

export interface ProjectFiles {
  readonly files: ReadonlyMap<string, string>;
  readonly problems: readonly Diagnostic[];
}

/**
 * Every contract of the project by name, with the versions that compiled. In an incremental run `versions` holds
 * only the contracts it redid (always every toolset member, see src/incremental), while the listing is complete.
 */
export interface ContractListing {
  readonly contract: string;
  readonly compiled: readonly number[];
  /** How many versions the contract has: the latest is this one. */
  readonly versions: number;
}

/** Both lists, in order (an explicit, ordered list: no discovery by file name). */
export interface Extensions {
  readonly plan: readonly PlanExtension[];
  readonly project: readonly ProjectExtension[];
}
