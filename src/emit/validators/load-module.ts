import type { RawValidator } from "../../runtime/runtime.js";
import { asFunction } from "./as-function.js";

/**
 * Generated validator code's `validate`: run as a function's body where that is shown to be the module's program
 * (as-function.ts: nothing kept in the module map), else imported (`importValidator`).
 */
export async function loadValidator(code: string): Promise<RawValidator> {
  return asFunction(code) ?? importValidator(code);
}

/** Generated validator code (zero imports) imported as a module without touching the disk. */
async function importModule(code: string): Promise<{ readonly validate: RawValidator; readonly validateFirst: RawValidator }> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as { validate: RawValidator; validateFirst: RawValidator };
}

/** Loads generated validator code (zero imports) as a module without touching the disk. */
export async function importValidator(code: string): Promise<RawValidator> {
  return (await importModule(code)).validate;
}

/** Both validators of a generated validator module: `validateFirst` decides, `validate` lists the errors. */
export async function importValidators(code: string): Promise<{ readonly validate: RawValidator; readonly validateFirst: RawValidator }> {
  const mod = await importModule(code);
  return { validate: mod.validate, validateFirst: mod.validateFirst };
}
