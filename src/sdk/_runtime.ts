/*
 * Why this file: the SDK runtime in ./runtime/ is copied verbatim to `generated/_sdk/`, where `../_runtime.js` is
 * the core runtime. Here, the same relative import lands on this re-export, so the sources type-check in place.
 */
export * from "../runtime/runtime.js";
