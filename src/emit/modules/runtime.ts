import { renderModule } from "../codegen/module.js";
import { readPackageFile } from "../../paths.js";

/** `generated/_runtime.ts`: a verbatim copy of src/runtime/runtime.ts (self-contained, zero imports). */
export function renderRuntimeModule(): string {
  const text = readPackageFile("src/runtime/runtime.ts");
  return renderModule({ source: "the llm-contracts runtime (src/runtime/runtime.ts)", body: [text] });
}
