/** Rule table rows 7–9 (bounds raised/lowered, added/removed), for the lengths family; see ../bounds.ts. */
import { LENGTHS, rangeRule } from "../bounds.js";

export const lengthRangeWidened = rangeRule("length-range-widened", LENGTHS, "forward");
