/**
 * Validators: ajv configured in one place (options.ts), compiled to standalone ES modules with zero imports
 * (emit.ts, inline.ts), and schema problems reported as diagnostics with JSON pointers (diagnostics.ts).
 */
export { emitAjvAllErrors, emitDecider, emitValidator, type ValidatorInput } from "./emit.js";
export { compileValidator, schemaDiagnostics } from "./diagnostics.js";
export { createAjv } from "./options.js";
export type { AjvInstance } from "./ajv.js";
export { assertSelfContained } from "./inline.js";
