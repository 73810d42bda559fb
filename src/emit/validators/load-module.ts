import type { RawValidator } from "../../runtime/runtime.js";
import { asFunction } from "./as-function.js";

/**
 * Generated validator code's `validate`: run as a function's body where that is shown to be the module's program
 * (as-function.ts: nothing kept in the module map), else imported (`importValidator`).
 */
export async function loadValidator(code: string): Promise<RawValidator> {
  return asFunction(code) ?? importValidator(code);
}

/** Loads generated validator code (zero imports) as a module without touching the disk. */
export async function importValidator(code: string): Promise<RawValidator> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as {
    validate: RawValidator;
  };
  return mod.validate;
}

/** Both validators of a generated validator module: `validateFirst` decides, `validate` lists the errors. */
export async function importValidators(code: string): Promise<{ readonly validate: RawValidator; readonly validateFirst: RawValidator }> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as {
    validate: RawValidator;
    validateFirst: RawValidator;
  };
  return { validate: mod.validate, validateFirst: mod.validateFirst };
}
