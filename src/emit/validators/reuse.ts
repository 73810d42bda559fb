/**
 * One ajv instance per option set, lent out for one compile and handed back as new.
 *
 * Why: constructing an instance (vocabularies, the draft's meta-schemas, ajv-formats) cost about a tenth of a
 * version's compile time, and a build compiles two validators per version, each with its own instance.
 *
 * Why the output cannot change: everything a compile leaves in an instance is undone before the next one.
 * - Generated names (`validate0`, `schema0v1`, `pattern0`, `func0`...) are numbered by the instance's value scope,
 *   which a new instance starts empty: the instance gets a new empty scope (same prefixes and options).
 * - The schemas, refs and formats the compile registered (`$id`s, `$anchor`s, the formats `registerFormats` adds)
 *   are removed, and entries it overwrote are put back; the compiled-schema cache loses what the compile added.
 * - A compile that compiles one of the instance's own schemas (a `$ref` to the meta-schema) changes that schema's
 *   state in place; such an instance is not lent again (the next compile gets a new instance).
 */
import type { AjvInstance } from "./ajv.js";

/** The parts of an ajv 8 instance a compile changes (ajv/lib/core.ts; `_cache`, `_compilations` are private). */
interface Internals {
  scope: { readonly opts: { readonly prefixes?: unknown; readonly es5?: boolean; readonly lines?: boolean } };
  readonly schemas: Record<string, unknown>;
  readonly refs: Record<string, unknown>;
  readonly formats: Record<string, unknown>;
  readonly _cache: Map<unknown, Env>;
  readonly _compilations: Set<unknown>;
}

interface Env {
  readonly validate?: unknown;
  readonly refs?: object;
}

interface Lent {
  readonly ajv: AjvInstance;
  readonly schemas: ReadonlyMap<string, unknown>;
  readonly refs: ReadonlyMap<string, unknown>;
  readonly formats: ReadonlyMap<string, unknown>;
  /** The cached schema envs of the new instance, with their compiled function and how many refs they had resolved. */
  readonly envs: ReadonlyMap<Env, { readonly validate: unknown; readonly refs: number }>;
}

const pool = new Map<string, Lent>();

/**
 * Runs `use` with the instance kept under `key` (made by `create` when there is none) and returns its result; the
 * instance is reset afterwards, whether `use` returned or threw. Not re-entrant for one key (compiles are synchronous).
 */
export function withAjv<T>(key: string, create: () => AjvInstance, use: (ajv: AjvInstance) => T): T {
  let lent = pool.get(key);
  if (lent === undefined) {
    lent = snapshot(create());
    pool.set(key, lent);
  }
  pool.delete(key);
  try {
    return use(lent.ajv);
  } finally {
    if (reset(lent)) pool.set(key, lent);
  }
}

function internals(ajv: AjvInstance): Internals {
  return ajv as unknown as Internals;
}

function snapshot(ajv: AjvInstance): Lent {
  const i = internals(ajv);
  return {
    ajv,
    schemas: new Map(Object.entries(i.schemas)),
    refs: new Map(Object.entries(i.refs)),
    formats: new Map(Object.entries(i.formats)),
    envs: new Map([...i._cache.values()].map((env) => [env, { validate: env.validate, refs: refCount(env) }])),
  };
}

/** Puts the instance back in the state `snapshot` saw; false when it cannot be (see the file comment). */
function reset(lent: Lent): boolean {
  const i = internals(lent.ajv);
  for (const [env, saved] of lent.envs) if (env.validate !== saved.validate || refCount(env) !== saved.refs) return false;
  restore(i.schemas, lent.schemas);
  restore(i.refs, lent.refs);
  restore(i.formats, lent.formats);
  for (const [key, env] of i._cache) if (!lent.envs.has(env)) i._cache.delete(key);
  i._compilations.clear();
  const { prefixes, es5, lines } = i.scope.opts;
  const Scope = i.scope.constructor as new (opts: object) => Internals["scope"];
  i.scope = new Scope({ scope: {}, prefixes, es5, lines });
  return true;
}

function restore(target: Record<string, unknown>, saved: ReadonlyMap<string, unknown>): void {
  for (const key of Object.keys(target)) if (!saved.has(key)) delete target[key];
  for (const [key, value] of saved) if (target[key] !== value) target[key] = value;
}

function refCount(env: Env): number {
  return Object.keys(env.refs ?? {}).length;
}
