/**
 * Three costs of HyperFormula 3.5 that grow with the square of a large plan, taken out without
 * changing any result. Both reach internals the engine makes public but marks internal; if a later
 * version lacks them, nothing is changed and the preview is only slower.
 */
import { EmptyValue, type HyperFormula } from "hyperformula";

/**
 * The column index is told to remove a cell's old value whenever a cell is written, the empty
 * value of a cell never written included, which it never holds (it adds no empty values). Such a
 * removal adds a key to the column's map and deletes it again, and in V8 that costs in proportion
 * to the size of a growing Map (50,000 such pairs on one: 0.8 s, against 5 ms for the keys
 * alone): about 0.7 s of a 5,000-row plan written into a fresh sheet. Skipping it leaves every
 * lookup as it was. The index is the engine's `columnSearch` (public, marked internal); if a
 * later version has none, nothing is changed.
 */
export function skipEmptyRemovals(hf: HyperFormula): void {
  const index = hf.columnSearch as Partial<typeof hf.columnSearch> | undefined;
  const remove = index?.remove;
  if (!index || typeof remove !== "function") return;
  index.remove = function (this: typeof hf.columnSearch, ...args) {
    if (args[0] !== EmptyValue) remove.apply(this, args);
  };
}

/** The parts of the engine's dependency graph `shareRangeEdges` uses. */
interface RangeLike {
  readonly start: unknown;
  readonly end: unknown;
  isFinite(): boolean;
}
interface DependencyGraphLike {
  processCellDependencies(dependencies: unknown[], endVertex: { idInGraph?: number }): void;
  getRange(start: unknown, end: unknown): { idInGraph?: number } | undefined;
  readonly graph: { addEdge(from: number, to: number): void };
}

const isRange = (dep: unknown): dep is RangeLike =>
  typeof dep === "object" &&
  dep !== null &&
  "start" in dep &&
  "end" in dep &&
  typeof (dep as RangeLike).isFinite === "function";

/**
 * A formula that reads a range the engine already tracks (`$B$17:$B$5016`, read by every row of
 * the materials table) needs one edge, from that range to the formula. The engine adds it, and
 * then adds again the edge from every cell of the range to the range, which are all there already
 * (its `findSmallerRange` finds no shorter range of the same start, so the "rest" is the whole
 * range): 5,000 materials reading three 5,000-row ranges of products cost 75 million edge checks,
 * 9 s of a plan's write. Here a known finite range gets its one edge; a new range, an infinite
 * one (a whole column) and every other dependency go through the engine's own code as before.
 */
export function shareRangeEdges(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph?: Partial<DependencyGraphLike> }).dependencyGraph;
  const own = graph?.processCellDependencies;
  if (!graph || typeof own !== "function" || typeof graph.getRange !== "function" || !graph.graph) return;
  const known = graph as DependencyGraphLike;
  graph.processCellDependencies = function (dependencies, endVertex) {
    const rest: unknown[] = [];
    for (const dep of dependencies) {
      const vertex = isRange(dep) && dep.isFinite() ? known.getRange(dep.start, dep.end) : undefined;
      if (vertex?.idInGraph !== undefined && endVertex.idInGraph !== undefined)
        known.graph.addEdge(vertex.idInGraph, endVertex.idInGraph);
      else rest.push(dep);
    }
    if (rest.length > 0) own.call(this, rest, endVertex);
  };
}

/** The parts of the engine's graph `quickReaderChecks` uses. */
interface GraphLike {
  adjacentNodesCount(node: { idInGraph?: number }): number;
  edgesSparseArray: (number | undefined)[][];
  nodesSparseArray: unknown[];
}

/**
 * Replacing or removing a formula asks of each range it read whether anything still reads it
 * (`adjacentNodesCount(range) === 0`, and then the range goes too), and the engine answers by
 * filtering the range's whole list of readers: an update that moves every row of a 5,000-product
 * plan, or deleting its sheet, is millions of checks (a fifth of either). Both of the engine's
 * callers only ask whether the count is 0, so here a reader still there is looked for from the
 * newest back (formulas go in and out in the order of their rows, so one is found at once): 0
 * exactly when the engine would say 0, and then the list is emptied as its filter would empty
 * it; otherwise 1 (the exact count is never asked).
 */
export function quickReaderChecks(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph?: { graph?: Partial<GraphLike> } }).dependencyGraph?.graph;
  const own = graph?.adjacentNodesCount;
  if (!graph || typeof own !== "function" || !Array.isArray(graph.edgesSparseArray) || !graph.nodesSparseArray) return;
  const known = graph as GraphLike;
  graph.adjacentNodesCount = function (node) {
    const id = node.idInGraph;
    const edges = id === undefined ? undefined : known.edgesSparseArray[id];
    // A node not in the graph: the engine's own answer (an error).
    if (id === undefined || !edges) return own.call(this, node);
    for (let k = edges.length - 1; k >= 0; k--) {
      const reader = edges[k];
      if (reader !== undefined && known.nodesSparseArray[reader]) return 1;
    }
    known.edgesSparseArray[id] = [];
    return 0;
  };
}
