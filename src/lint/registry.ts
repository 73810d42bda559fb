import type { LintRule } from "./types.js";
import { additionalPropertiesMissing } from "./rules/additional-properties-missing.js";
import { additionalPropertiesOpen } from "./rules/additional-properties-open.js";
import { allofRef } from "./rules/allof-ref.js";
import { droppedKeyword } from "./rules/dropped-keyword.js";
import { enumStringSize } from "./rules/enum-string-size.js";
import { enumValueTypes } from "./rules/enum-value-types.js";
import { maxEnumValues } from "./rules/max-enum-values.js";
import { maxNesting } from "./rules/max-nesting.js";
import { maxProperties } from "./rules/max-properties.js";
import { maxStringSize } from "./rules/max-string-size.js";
import { minItemsLimit } from "./rules/min-items-limit.js";
import { optionalProperty } from "./rules/optional-property.js";
import { recursiveRef } from "./rules/recursive-ref.js";
import { refSiblings } from "./rules/ref-siblings.js";
import { regexPortability } from "./rules/regex-portability.js";
import { regexRedos } from "./rules/regex-redos.js";
import { rootCombinator } from "./rules/root-combinator.js";
import { rootTypeObject } from "./rules/root-type-object.js";
import { toolName } from "./rules/tool-name.js";
import { toolsetOptionalParams } from "./rules/toolset-optional-params.js";
import { toolsetSize } from "./rules/toolset-size.js";
import { toolsetToolCount } from "./rules/toolset-tool-count.js";
import { toolsetUnionParams } from "./rules/toolset-union-params.js";
import { typeArray } from "./rules/type-array.js";
import { unsupportedFormat } from "./rules/unsupported-format.js";
import { unsupportedKeyword } from "./rules/unsupported-keyword.js";

/**
 * Every lint rule, in report order. An explicit list: adding a rule means adding it here, and the registry test
 * fails until the rule has a fixture folder and appears in at least one profile.
 */
export const RULES: readonly LintRule<unknown>[] = [
  rootTypeObject,
  rootCombinator,
  optionalProperty,
  additionalPropertiesMissing,
  additionalPropertiesOpen,
  unsupportedKeyword,
  droppedKeyword,
  unsupportedFormat,
  enumValueTypes,
  enumStringSize,
  typeArray,
  refSiblings,
  allofRef,
  recursiveRef,
  minItemsLimit,
  regexPortability,
  regexRedos,
  toolName,
  maxProperties,
  maxNesting,
  maxStringSize,
  maxEnumValues,
  toolsetToolCount,
  toolsetOptionalParams,
  toolsetUnionParams,
  toolsetSize,
];

export const RULES_BY_ID: ReadonlyMap<string, LintRule<unknown>> = new Map(RULES.map((r) => [r.id, r]));
