/**
 * "did you mean" for names a user typed: unknown schema keywords, config and manifest fields, `$ref` targets.
 *
 * A candidate is close when it differs only in case, or by few edits for the length of the name (optimal string
 * alignment distance: insert, delete, substitute, swap two neighbours). Short names need an exact-case match or a
 * single edit on 4+ characters, so `id` never "means" `if`.
 */

/** Edits allowed between a name of this length and a candidate. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 9) return 1;
  return 2;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to `name`, or undefined when none is close enough. Ties go to the first candidate. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    const limit = Math.max(allowedEdits(name.length), 0.5);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match === undefined ? "" : `; did you mean ${JSON.stringify(match)}?`;
}
