/** Rule table rows 7–9 (bounds raised/lowered, added/removed), for the properties family; see ../bounds.ts. */
import { PROPERTIES, rangeRule } from "../bounds.js";

export const propertyCountNarrowed = rangeRule("property-count-narrowed", PROPERTIES, "backward");
