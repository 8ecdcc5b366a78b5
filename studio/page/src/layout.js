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
