/** One entry of the loss manifest: every change export makes to the canonical schema. Nothing changes silently. */
export interface Change {
  /** Pointer into the canonical (bundled) schema. */
  readonly pointer: string;
  readonly keyword: string;
  /** `dropped`: a constraint the wire schema no longer carries (the validator still checks it). `lowered`: a faithful rewrite. */
  readonly action: "dropped" | "lowered";
  readonly why: string;
}
