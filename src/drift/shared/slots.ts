/**
 * Slot rules: a property name or tuple position present on one side only, or an additionalProperties/items tail
 * turned true/false. The other side's schema for that spot is what governed it there (pair.ts). When that is a
 * boolean, the slot rule decides; when it is a schema (partially open objects), the engine compares the two.
 */
import type { RuleContext } from "../define.js";
import type { Direction, RuleFinding, Slot } from "../types.js";
import { candidatesFor } from "./samples.js";

export type Appearance = "added" | "removed" | "changed";

export function slotFinding(ctx: RuleContext, slots: readonly Slot[], appearance: Appearance, noun: string): RuleFinding[] {
  const { site } = ctx;
  if (!slots.includes(site.slot)) return [];
  if (appearance === "added" && !(site.oldImplied && !site.newImplied)) return [];
  if (appearance === "removed" && !(site.newImplied && !site.oldImplied)) return [];
  if (appearance === "changed" && (site.slot === "property" || site.slot === "tuple") && site.oldImplied !== site.newImplied) return [];
  const o = ctx.oldAt.node;
  const n = ctx.newAt.node;
  if (typeof o !== "boolean" && typeof n !== "boolean") return [];
  const out: RuleFinding[] = [];
  const describe = (b: unknown, implied: boolean): string =>
    b === false ? "closed (false)" : b === true ? (implied ? "open (not declared)" : "true") : "a schema";
  const message = `${noun} ${appearance}: ${describe(o, site.oldImplied)} before, ${describe(n, site.newImplied)} now`;
  const directions: Direction[] = [];
  if (o !== false && n !== true) directions.push("backward");
  if (n !== false && o !== true) directions.push("forward");
  if (directions.length === 0) return [];
  const candidates = directions.flatMap((d) => candidatesFor(ctx, d, d === "backward" ? o : n));
  out.push({ message, breaks: directions, candidates });
  return out;
}
