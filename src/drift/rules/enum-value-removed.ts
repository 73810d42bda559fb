/** Rule table rows 5–6: enum values removed, an enum (or const) added or changed. Old values outside the new set fail. */
import { defineRule } from "../define.js";
import { enumDelta } from "../shared/enums.js";

export const enumValueRemoved = defineRule({
  id: "enum-value-removed",
  purpose: "enum/const values removed or a restriction added: stored values outside the new set are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["enum", "const"],
  check: (ctx) => enumDelta(ctx, "backward"),
});
