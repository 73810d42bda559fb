/**
 * How the fast path reads a property, with ajv's `ownProperties: true` answers at the cost of a plain read: a
 * name `Object.prototype` has (`constructor`, `toString`, ...) also needs the own-property test, every other name
 * is present exactly when its value is not `undefined` (see validators/own-properties.ts for why).
 */
import { stringLiteral } from "../codegen/escape.js";
import { PROTOTYPE_NAMES } from "../validators/own-properties.js";

export const HAS_OWN = "Object.prototype.hasOwnProperty.call";

/** `value[key]`, with the key as a string literal. */
export function read(value: string, key: string): string {
  return `${value}[${stringLiteral(key)}]`;
}

/** An expression: `local` (holding `value[key]`) is an own property that is present. */
export function present(value: string, key: string, local: string): string {
  return PROTOTYPE_NAMES.has(key)
    ? `(${local} !== undefined && ${HAS_OWN}(${value}, ${stringLiteral(key)}))`
    : `${local} !== undefined`;
}
