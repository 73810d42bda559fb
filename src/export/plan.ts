/**
 * How to undo a lowering on a value the provider returned, before the contract's validator sees it. Plans are
 * data (emitted with `jsonLiteral`), interpreted by one fixed function in the generated module.
 *
 * - `p`: per property: `n` = the property was optional and export made it required + nullable, so `null` means
 *   "absent" and is removed; `s` = the plan for the property's value.
 * - `i`: plan for every array item; `a`: plans applied in turn (the branches of `anyOf`/`allOf`);
 * - `r`: a plan kept under this JSON pointer in the `defs` table (a `$ref` target; recursion-safe).
 */
export interface PlanNode {
  p?: Record<string, { n?: 1; s?: PlanNode }>;
  i?: PlanNode;
  a?: PlanNode[];
  r?: string;
}

export function isEmptyPlan(plan: PlanNode): boolean {
  return plan.p === undefined && plan.i === undefined && plan.a === undefined && plan.r === undefined;
}

/** Drops `r` links to targets whose plans are empty, and empty children, so identity plans vanish entirely. */
export function prunePlan(plan: PlanNode, defs: ReadonlyMap<string, PlanNode>): PlanNode | undefined {
  const live = new Set<string>();
  // A target is live when its plan (after following its own links) does something; iterate to a fixpoint.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [ptr, p] of defs) if (!live.has(ptr) && prune(p, live) !== undefined) (live.add(ptr), (changed = true));
  }
  return prune(plan, live);
}

function prune(plan: PlanNode, live: ReadonlySet<string>): PlanNode | undefined {
  const out: PlanNode = {};
  if (plan.r !== undefined && live.has(plan.r)) out.r = plan.r;
  if (plan.i !== undefined) {
    const i = prune(plan.i, live);
    if (i !== undefined) out.i = i;
  }
  if (plan.a !== undefined) {
    const a = plan.a.map((b) => prune(b, live)).filter((b): b is PlanNode => b !== undefined);
    if (a.length > 0) out.a = a;
  }
  if (plan.p !== undefined) {
    const p: Record<string, { n?: 1; s?: PlanNode }> = {};
    for (const [k, e] of Object.entries(plan.p)) {
      const s = e.s === undefined ? undefined : prune(e.s, live);
      if (e.n === 1 || s !== undefined) p[k] = { ...(e.n === 1 ? { n: 1 as const } : {}), ...(s !== undefined ? { s } : {}) };
    }
    if (Object.keys(p).length > 0) out.p = p;
  }
  return isEmptyPlan(out) ? undefined : out;
}

/** The same interpreter the generated module carries, for tests and the library API. */
export function applyPlan(value: unknown, plan: PlanNode | undefined, defs: Readonly<Record<string, PlanNode>>): unknown {
  if (plan === undefined) return value;
  let v = value;
  if (plan.r !== undefined) v = applyPlan(v, defs[plan.r], defs);
  for (const b of plan.a ?? []) v = applyPlan(v, b, defs);
  if (plan.i !== undefined && Array.isArray(v)) v = v.map((x) => applyPlan(x, plan.i, defs));
  if (plan.p !== undefined && typeof v === "object" && v !== null && !Array.isArray(v)) {
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [k, e] of Object.entries(plan.p)) {
      if (!Object.hasOwn(out, k)) continue;
      if (e.n === 1 && out[k] === null) delete out[k];
      else if (e.s !== undefined) out[k] = applyPlan(out[k], e.s, defs);
    }
    v = out;
  }
  return v;
}
