// Places nodes that have no position: columns by distance along pulse and data links from the
// graph's sources, rows in file order. Deterministic: the same graph gets the same places.
import { splitEnd } from './model.js';

export function autoLayout(graph) {
  const nodes = graph.nodes || [];
  const depth = new Map(nodes.map(n => [n.id, 0]));
  const links = (graph.links || []).map(l => [splitEnd(l.from)[0], splitEnd(l.to)[0]]);
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const [a, b] of links) {
      if (depth.has(a) && depth.has(b) && depth.get(b) < depth.get(a) + 1 && depth.get(a) + 1 < nodes.length) {
        depth.set(b, depth.get(a) + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map();
  const places = new Map();
  for (const n of nodes) {
    const col = depth.get(n.id);
    const row = rows.get(col) || 0;
    rows.set(col, row + 1);
    places.set(n.id, n.position ? { x: n.position.x, y: n.position.y } : { x: col * 320, y: row * 170 });
  }
  return places;
}

// Sizes from studio.css (12 px text): a node's title row, its connection row, a pin's row.
const WIDTH = 190;
/** studio.css's `.pnode` min-width: the width of most nodes. */
export const MIN_WIDTH = 170;
const TITLE = 22;
const CONNECTION = 17;
const ROW = 19;
const HANDLE = 10;

/**
 * A node's size and pin places before the browser has measured it, for large graphs: React Flow
 * then mounts only the nodes in view instead of every node once, to measure it. Estimates only; a
 * node in view is measured and the estimate dropped.
 */
export function estimatedBox(pins, hasConnection) {
  const top = TITLE + (hasConnection ? CONNECTION : 0) + 4;
  const place = (pin, i, type) => ({
    id: pin.name, type, position: type === 'target' ? 'left' : 'right', width: HANDLE, height: HANDLE,
    x: type === 'target' ? -HANDLE / 2 : WIDTH - HANDLE / 2, y: top + i * ROW + (ROW - HANDLE) / 2,
  });
  const rows = Math.max(pins.inputs.length, pins.outputs.length);
  return {
    width: WIDTH,
    height: top + rows * ROW + 4,
    handles: [...pins.inputs.map((p, i) => place(p, i, 'target')), ...pins.outputs.map((p, i) => place(p, i, 'source'))],
  };
}
