import type { Extensions, PlanExtension, ProjectExtension } from "../shapes/extension.js";
import { sdkProjectExtension } from "../sdk/emit/extension.js";

/**
 * A plan extension whose module is imported when it first writes a file. Why: a `check` that compiles no version
 * (an edited golden example replays the cached version and re-runs only its examples) never runs the provider
 * export, the Standard Schema conversion or the SDK bindings, and the provider export (which the bindings ask
 * too) pulls in the lint engine, its rules and profiles (36 modules). The import is cached by the module loader, so later calls cost a resolved promise.
 */
function lazy(name: string, load: () => Promise<PlanExtension>): PlanExtension {
  let loaded: Promise<PlanExtension> | undefined;
  return {
    name,
    async files(version) {
      return (await (loaded ??= load())).files(version);
    },
  };
}

const providersExtension = lazy("providers", async () => (await import("../emit/providers/extension.js")).providersExtension);
const jsonSchemaTypesExtension = lazy("json-schema-types", async () => (await import("../emit/standard/module.js")).jsonSchemaTypesExtension);
const standardExtension = lazy("standard", async () => (await import("../emit/standard/module.js")).standardExtension);
const sdkBindingExtension = lazy("sdk-binding", async () => (await import("../sdk/emit/binding.js")).sdkBindingExtension);

/** Further generated files per contract version, in order (see src/shapes/extension.ts). */
export const PLAN_EXTENSIONS: readonly PlanExtension[] = [providersExtension, jsonSchemaTypesExtension, standardExtension, sdkBindingExtension];

/** Further generated files for the whole project, in order. */
export const PROJECT_EXTENSIONS: readonly ProjectExtension[] = [sdkProjectExtension];

/** What every build and check compiles with (the worker threads too: src/parallel/worker.ts). */
export const EXTENSIONS: Extensions = { plan: PLAN_EXTENSIONS, project: PROJECT_EXTENSIONS };
