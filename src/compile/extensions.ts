import type { CompiledVersion } from "./compile.js";
import { providersExtension } from "../emit/providers/module.js";
import { jsonSchemaTypesExtension, standardExtension } from "../emit/standard/module.js";

/**
 * Further generated files per contract version (e.g. provider request fragments), as `/`-separated paths
 * relative to the output folder mapped to file text. An explicit, ordered list: no discovery by file name.
 */
export interface PlanExtension {
  readonly name: string;
  files(version: CompiledVersion): ReadonlyMap<string, string>;
}

export const PLAN_EXTENSIONS: readonly PlanExtension[] = [providersExtension, jsonSchemaTypesExtension, standardExtension];
