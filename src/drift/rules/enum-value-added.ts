/** Rule table rows 5–6: enum values added or the enum removed. Old readers (and exhaustive switches) reject them. */
import { defineRule } from "../define.js";
import { enumDelta } from "../shared/enums.js";

export const enumValueAdded = defineRule({
  id: "enum-value-added",
  purpose: "enum/const values added or the restriction removed: old readers reject the new values",
  breaks: ["forward"],
  severity: "error",
  keywords: ["enum", "const"],
  check: (ctx) => enumDelta(ctx, "forward"),
});
