/**
 * The only scripts a page may carry: constants of this repository, each allowed by its own CSP hash (layout.ts).
 * Pages read fully with JavaScript off; a script only adds conveniences. No script reads schema text into markup:
 * they touch `textContent` and `hidden`, never `innerHTML`.
 */

/** A script constant; made only here, so no data can reach a `<script>` element. */
export interface InlineScript {
  readonly source: string;
}

/** The index's contract filter: adds a search box above the table that hides rows not containing the query. */
export const CONTRACT_FILTER: InlineScript = {
  source: `(function () {
  var table = document.querySelector("table.contracts");
  if (!table || !table.tBodies[0]) return;
  var input = document.createElement("input");
  input.type = "search";
  input.className = "filter";
  input.placeholder = "Filter contracts";
  input.setAttribute("aria-label", "Filter contracts");
  table.parentNode.insertBefore(input, table);
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  input.addEventListener("input", function () {
    var q = input.value.toLowerCase();
    rows.forEach(function (r) { r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0; });
  });
})();`,
};
