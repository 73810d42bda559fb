/**
 * ajv and ajv-formats are CommonJS. Under NodeNext a default import of them is `module.exports`, whose type is the
 * module namespace, so the classes and functions are reached through `.default` (which both packages also set at
 * run time). Everything else imports them from here.
 */
import ajvModule from "ajv";
import ajv2019Module from "ajv/dist/2019.js";
import ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import formatsModule from "ajv-formats";

export { Name } from "ajv";
export type { ErrorObject, ValidateFunction } from "ajv";

export const Ajv07 = ajvModule.default;
export const Ajv2019 = ajv2019Module.default;
export const Ajv2020 = ajv2020Module.default;
/** Common base class of the three draft classes. */
export type AjvInstance = InstanceType<typeof Ajv07> | InstanceType<typeof Ajv2019> | InstanceType<typeof Ajv2020>;

export const standaloneCode = standaloneModule.default;
export const addFormats = formatsModule.default;
