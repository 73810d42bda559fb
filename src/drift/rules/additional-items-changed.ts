/** Rule table rows 29–31: the array tail (items after prefixItems, draft-07 additionalItems) opened or closed. */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const additionalItemsChanged = defineRule({
  id: "additional-items-changed",
  purpose: "array items beyond the tuple became allowed (breaks forward) or forbidden (breaks backward)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["items"], "changed", "items (array tail)"),
});
