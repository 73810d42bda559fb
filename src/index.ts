/**
 * llm-contracts: versioned JSON Schema contracts for LLM structured outputs and tool arguments.
 *
 * The curated public API. Everything else under src/ is internal and may change between minor versions.
 */
export { build, check, type BuildResult, type BuildSummary, type CheckResult } from "./api/build.js";
export { resolveProject, type Project, type Compatibility, type ProviderProfile } from "./config/config.js";
export { compileProject } from "./api/compile.js";
export { contractHash } from "./compile/hash.js";
export type { CompileResult, CompiledVersion } from "./shapes/compiled.js";
export { discoverContracts, type ContractSource, type ContractManifest, type ContractKind } from "./discover/discover.js";
export { loadSchemaFile, type LoadContext, type LoadedSchema } from "./load/index.js";
export { InputError, formatDiagnostic, type Diagnostic, type Location } from "./errors.js";
export type { Draft, JsonObject, JsonValue } from "./ir/json.js";
export {
  parseJsonText,
  runValidator,
  parseText,
  type ContractError,
  type ContractErrorCode,
  type ParseResult,
  type TextParseOptions,
  type ValidateOptions,
} from "./runtime/runtime.js";
