import type { RawValidator } from "../../runtime/runtime.js";

/** Loads generated validator code (zero imports) as a module without touching the disk. */
export async function importValidator(code: string): Promise<RawValidator> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as {
    validate: RawValidator;
  };
  return mod.validate;
}
