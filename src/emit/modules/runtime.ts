import { readFileSync } from "node:fs";
import path from "node:path";
import { renderModule } from "../codegen/module.js";
import { packageRoot } from "../../paths.js";

/** `generated/_runtime.ts`: a verbatim copy of src/runtime/runtime.ts (self-contained, zero imports). */
export function renderRuntimeModule(): string {
  const text = readFileSync(path.join(packageRoot(), "src", "runtime", "runtime.ts"), "utf8");
  return renderModule({ source: "the llm-contracts runtime (src/runtime/runtime.ts)", body: [text] });
}
