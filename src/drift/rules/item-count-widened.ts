/** Rule table rows 7–9 (bounds raised/lowered, added/removed), for the items family; see ../bounds.ts. */
import { ITEMS, rangeRule } from "../bounds.js";

export const itemCountWidened = rangeRule("item-count-widened", ITEMS, "forward");
