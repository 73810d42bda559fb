/**
 * Every drift rule, in the order they run and report. An explicit list (no discovery by file name); the
 * completeness test checks that each rule has a fixture folder, a purpose and a file named after its id.
 */
import type { Rule } from "./define.js";
import { additionalItemsChanged } from "./rules/additional-items-changed.js";
import { additionalPropertiesChanged } from "./rules/additional-properties-changed.js";
import { allofConjunctAdded } from "./rules/allof-conjunct-added.js";
import { allofConjunctRemoved } from "./rules/allof-conjunct-removed.js";
import { annotationChanged } from "./rules/annotation-changed.js";
import { anyofBranchAdded } from "./rules/anyof-branch-added.js";
import { anyofBranchRemoved } from "./rules/anyof-branch-removed.js";
import { booleanSchemaChanged } from "./rules/boolean-schema-changed.js";
import { conditionalChanged } from "./rules/conditional-changed.js";
import { containsChanged } from "./rules/contains-changed.js";
import { dependentRequiredAdded } from "./rules/dependent-required-added.js";
import { dependentRequiredRemoved } from "./rules/dependent-required-removed.js";
import { dependentSchemasChanged } from "./rules/dependent-schemas-changed.js";
import { enumOrderChanged } from "./rules/enum-order-changed.js";
import { enumValueAdded } from "./rules/enum-value-added.js";
import { enumValueRemoved } from "./rules/enum-value-removed.js";
import { formatChanged } from "./rules/format-changed.js";
import { itemCountNarrowed } from "./rules/item-count-narrowed.js";
import { itemCountWidened } from "./rules/item-count-widened.js";
import { lengthRangeNarrowed } from "./rules/length-range-narrowed.js";
import { lengthRangeWidened } from "./rules/length-range-widened.js";
import { multipleOfChanged } from "./rules/multiple-of-changed.js";
import { notAdded } from "./rules/not-added.js";
import { notRemoved } from "./rules/not-removed.js";
import { nullableAdded } from "./rules/nullable-added.js";
import { nullableRemoved } from "./rules/nullable-removed.js";
import { numericRangeNarrowed } from "./rules/numeric-range-narrowed.js";
import { numericRangeWidened } from "./rules/numeric-range-widened.js";
import { oneofBranchAdded } from "./rules/oneof-branch-added.js";
import { oneofBranchOverlap } from "./rules/oneof-branch-overlap.js";
import { oneofBranchRemoved } from "./rules/oneof-branch-removed.js";
import { patternChanged } from "./rules/pattern-changed.js";
import { patternPropertiesChanged } from "./rules/pattern-properties-changed.js";
import { propertyAdded } from "./rules/property-added.js";
import { propertyCountNarrowed } from "./rules/property-count-narrowed.js";
import { propertyCountWidened } from "./rules/property-count-widened.js";
import { propertyOrderChanged } from "./rules/property-order-changed.js";
import { propertyRemoved } from "./rules/property-removed.js";
import { requiredAdded } from "./rules/required-added.js";
import { requiredRemoved } from "./rules/required-removed.js";
import { tupleItemAdded } from "./rules/tuple-item-added.js";
import { tupleItemRemoved } from "./rules/tuple-item-removed.js";
import { typeNarrowed } from "./rules/type-narrowed.js";
import { typeWidened } from "./rules/type-widened.js";
import { uniqueItemsAdded } from "./rules/unique-items-added.js";
import { uniqueItemsRemoved } from "./rules/unique-items-removed.js";
import { unsupportedKeyword } from "./rules/unsupported-keyword.js";

export { unsupportedKeyword };

export const RULES: readonly Rule[] = [
  // values: type, null, enum/const
  typeNarrowed,
  typeWidened,
  nullableRemoved,
  nullableAdded,
  enumValueRemoved,
  enumValueAdded,
  // bounds
  numericRangeNarrowed,
  numericRangeWidened,
  multipleOfChanged,
  lengthRangeNarrowed,
  lengthRangeWidened,
  patternChanged,
  formatChanged,
  // objects
  propertyAdded,
  propertyRemoved,
  requiredAdded,
  requiredRemoved,
  additionalPropertiesChanged,
  patternPropertiesChanged,
  propertyCountNarrowed,
  propertyCountWidened,
  dependentRequiredAdded,
  dependentRequiredRemoved,
  dependentSchemasChanged,
  // arrays
  tupleItemAdded,
  tupleItemRemoved,
  additionalItemsChanged,
  itemCountNarrowed,
  itemCountWidened,
  uniqueItemsAdded,
  uniqueItemsRemoved,
  containsChanged,
  // combinators
  anyofBranchRemoved,
  anyofBranchAdded,
  oneofBranchRemoved,
  oneofBranchAdded,
  oneofBranchOverlap,
  allofConjunctAdded,
  allofConjunctRemoved,
  notAdded,
  notRemoved,
  conditionalChanged,
  booleanSchemaChanged,
  // notes
  annotationChanged,
  propertyOrderChanged,
  enumOrderChanged,
  unsupportedKeyword,
];
