/** Rule table rows 7–9 (bounds raised/lowered, added/removed), for the numbers family; see ../bounds.ts. */
import { NUMBERS, rangeRule } from "../bounds.js";

export const numericRangeWidened = rangeRule("numeric-range-widened", NUMBERS, "forward");
