/**
 * The `memo` a project extension is handed (src/shapes/extension.ts): a text it renders from a few parts of the
 * project, kept in the cache under those parts. Why: `generated/_sdk/index.ts` re-exports a binding of every
 * version (2,000 names at 1,000 contracts), rendered and hashed on every run that compiles anything, while a commit
 * rarely adds a contract or a version. The render is a pure function of its parts and of the tool (every cache key
 * is bound to it), so a hit is the text a render would give; a damaged or foreign entry is not a string and is
 * rendered again.
 */
import type { CacheStore } from "../cache/store.js";

export function projectFileMemo(store: CacheStore, extension: string): (parts: string, render: () => string) => string {
  return (parts, render) => {
    const key = store.key("projectfile", extension, parts);
    const hit = store.get<string>(key);
    if (typeof hit === "string") return hit;
    const text = render();
    store.set(key, text);
    return text;
  };
}
