/**
 * ajv and ajv-formats are CommonJS. Under NodeNext a default import of them is `module.exports`, whose type is the
 * module namespace, so the classes and functions are reached through `.default` (which both packages also set at
 * run time). Everything else imports them from here.
 */
import { createRequire } from "node:module";
import type { AnySchemaObject } from "ajv";
import ajvModule from "ajv";
import ajv2019Module from "ajv/dist/2019.js";
import ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import ajvDraft04Module from "ajv-draft-04";
import formatsModule from "ajv-formats";
import type { AjvClass } from "../../ir/drafts.js";

export { Name } from "ajv";
export type { ErrorObject, ValidateFunction } from "ajv";

export const Ajv07 = ajvModule.default;
export const Ajv2019 = ajv2019Module.default;
export const Ajv2020 = ajv2020Module.default;
/** JSON Schema draft-04 (`id`, boolean exclusive bounds), from ajv's own companion package. */
export const AjvDraft04 = ajvDraft04Module.default;
/** Common base class of the draft classes. */
export type AjvInstance =
  | InstanceType<typeof Ajv07>
  | InstanceType<typeof Ajv2019>
  | InstanceType<typeof Ajv2020>
  | InstanceType<typeof AjvDraft04>;

/** The class for each `ajvClass` of the draft table (`ir/drafts.ts`). */
export const AJV_CLASSES: Readonly<Record<AjvClass, new (options: ConstructorParameters<typeof Ajv07>[0]) => AjvInstance>> = {
  "ajv-draft-04": AjvDraft04,
  ajv: Ajv07,
  "ajv-2019": Ajv2019,
  "ajv-2020": Ajv2020,
};

const require = createRequire(import.meta.url);
/** Meta-schemas ajv ships but does not load by default (`extraMetaSchema` of the draft table). */
export const EXTRA_META_SCHEMAS: Readonly<Record<"draft-06", { readonly id: string; readonly schema: AnySchemaObject }>> = {
  "draft-06": { id: "http://json-schema.org/draft-06/schema#", schema: require("ajv/dist/refs/json-schema-draft-06.json") as AnySchemaObject },
};

export const standaloneCode = standaloneModule.default;
export const addFormats = formatsModule.default;
