/** The catalogue as a plan of files (site-relative path → text), sorted by path: the same catalogue gives the same bytes. */
import { contractPage } from "./html/contract-page.js";
import { indexPage } from "./html/index-page.js";
import { contractFile, INDEX_FILE } from "./html/paths.js";
import type { Catalogue } from "./model.js";

/** A file that marks a folder as a catalogue this tool wrote, so `docs --out` only ever replaces its own output. */
export const MARKER_FILE = ".llm-contracts-catalogue";

export function sitePlan(catalogue: Catalogue): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  files.set(INDEX_FILE, indexPage(catalogue));
  for (const c of catalogue.contracts) files.set(contractFile(c.name), contractPage(c));
  files.set(MARKER_FILE, "written by `llm-contracts docs`; this folder is replaced by every run\n");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
