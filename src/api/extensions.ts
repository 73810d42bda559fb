import type { Extensions, PlanExtension, ProjectExtension } from "../shapes/extension.js";
import { providersExtension } from "../emit/providers/module.js";
import { jsonSchemaTypesExtension, standardExtension } from "../emit/standard/module.js";
import { sdkBindingExtension, sdkProjectExtension } from "../sdk/emit/extension.js";

/** Further generated files per contract version, in order (see src/shapes/extension.ts). */
export const PLAN_EXTENSIONS: readonly PlanExtension[] = [providersExtension, jsonSchemaTypesExtension, standardExtension, sdkBindingExtension];

/** Further generated files for the whole project, in order. */
export const PROJECT_EXTENSIONS: readonly ProjectExtension[] = [sdkProjectExtension];

/** What every build and check compiles with (the worker threads too: src/parallel/worker.ts). */
export const EXTENSIONS: Extensions = { plan: PLAN_EXTENSIONS, project: PROJECT_EXTENSIONS };
