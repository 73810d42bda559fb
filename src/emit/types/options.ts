/**
 * Every option of json-schema-to-typescript 16 `compile()`, pinned in one place.
 *
 * Why pin all of them: the library's `DEFAULT_OPTIONS` resolve `$ref`s over HTTP and from disk (`$refOptions: {}`),
 * format with whatever Prettier is installed, and emit a banner. Inheriting any default makes the output depend on
 * the environment or on a library upgrade. The schema we hand over is already rewritten by `normalize.ts` into a
 * small dialect that these options are chosen for (see the notes on each).
 *
 * @see https://github.com/bcherny/json-schema-to-typescript#options
 */
import type { Options } from "json-schema-to-typescript";

export const JSTS_OPTIONS: Readonly<Options> = Object.freeze<Options>({
  /** The banner (contract hash, version) belongs to the module writer, not to the type printer. */
  bannerComment: "",
  /** Prettier is the slow part of jsts and its output changes between Prettier versions; `print.ts` lays out. */
  format: false,
  /** Unused because `format` is false; pinned so a future `format: true` does not pick up Prettier defaults. */
  style: {
    bracketSpacing: false,
    printWidth: 120,
    semi: true,
    singleQuote: false,
    tabWidth: 2,
    trailingComma: "none",
    useTabs: false,
  },
  /**
   * The dialect contains no `$ref` (references are type names, see `dialect.ts`), so the ref parser has nothing to
   * do. It is still pinned shut: a stray external `$ref` must fail ("Refs should have been resolved") instead of
   * reading a file or fetching a URL.
   */
  $refOptions: {
    continueOnError: false,
    mutateInputSchema: true, // jsts deep-clones before dereferencing, so our copy is never touched
    resolve: { external: false, file: false, http: false },
    dereference: { circular: true },
  },
  /** Base for relative `$ref`s. Irrelevant with external resolution off; fixed so nothing depends on process.cwd(). */
  cwd: "/llm-contracts/no-external-refs/",
  /** Types reached from the synthetic holder (every def) must be declared, not only the root. */
  declareExternallyReferenced: true,
  /**
   * The dialect has no `$defs`: every def is a property of the synthetic holder, so every def is reachable and gets
   * a declaration. Kept `true` as the documented intent; with `$defs` present it would add comments naming the
   * holder, and for non-object roots it drops defs anyway (jsts #439).
   */
  unreachableDefinitions: true,
  /**
   * Objects that do not say otherwise accept extra keys (JSON Schema default), so they keep an index signature: a
   * type must never be narrower than the validator. `normalize.ts` sets `additionalProperties` on every object
   * anyway; this is the fallback.
   */
  additionalProperties: true,
  /** Index signatures read as `T | undefined`, honest for consumers that do not enable `noUncheckedIndexedAccess`. */
  strictIndexSignatures: true,
  /** `unknown` rather than `any` for unconstrained values. */
  unknownAny: true,
  /**
   * jsts turns `minItems`/`maxItems` into unions of tuples whose size multiplies with nesting, and with this option off
   * it prints an `items: [...]` tuple with every position required. `normalize.ts` does the length expansion itself,
   * within a budget, so jsts must print tuples verbatim: exact positions plus an optional rest.
   */
  ignoreMinAndMaxItems: true,
  /** `-1`: no tuple expansion by jsts (see `ignoreMinAndMaxItems`). */
  maxItems: -1,
  /**
   * TS `enum`s are runtime values and need a name; our output is declarations only. No enum can arise because
   * `tsEnumNames` never reaches jsts, and inference of enum keys from values is off.
   */
  enableConstEnums: false,
  inferStringEnumKeysFromValues: false,
  // `customName` stays unset on purpose: names come only from the `title`s `normalize.ts` puts on defs.
});
