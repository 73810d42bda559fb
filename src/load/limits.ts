/**
 * Hard limits on loader input. Schemas are written by people; anything beyond these is a mistake or an attack, and
 * failing early with one clear line beats running out of memory or stack somewhere in ajv or the type emitter.
 */

/** Largest schema file read, in bytes. Checked with `stat` before the file is read or parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting of arrays/objects in one file (the root container is level 1). Checked while parsing, without
 * recursion; every later walker relies on it and may recurse up to this depth.
 */
export const MAX_DEPTH = 128;

/** Most files one schema may pull in through `$ref`, the root included. */
export const MAX_FILES = 256;

/**
 * Most JSON nodes in one bundled schema. Hoisting copies every referenced subschema once, so overlapping targets
 * can multiply the input size; this bounds the output. Above what any one file within MAX_FILE_BYTES can hold.
 */
export const MAX_BUNDLE_NODES = 5_000_000;

/**
 * Most schemas on one path through subschemas and `$ref`s, a recursive group counted once as all its schemas
 * (src/load/ref-depth.ts). ajv's code generator, the deepest walker, exhausts Node's default stack at about 400;
 * one file alone stays below it (MAX_DEPTH), so only a chain of definitions referring to one another can reach it.
 */
export const MAX_REF_DEPTH = 256;
