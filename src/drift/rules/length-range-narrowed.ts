/** Rule table rows 7–9 (bounds raised/lowered, added/removed), for the lengths family; see ../bounds.ts. */
import { LENGTHS, rangeRule } from "../bounds.js";

export const lengthRangeNarrowed = rangeRule("length-range-narrowed", LENGTHS, "backward");
