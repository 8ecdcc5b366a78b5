// The toolbox: the node types the Java side lists for this project (its plugin switches honoured),
// grouped by category, searchable; only those allowed in the open tab's scope; description and
// pins on hover. A click adds the node to the open graph; dragging an entry onto the canvas drops it there.
import { useState } from 'react';

/** The drag data type of a toolbox entry: its node type id. */
export const NODE_TYPE = 'application/x-pulseio-node-type';

export default function Toolbox({ catalogue, scope, onAdd }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const types = (catalogue ? catalogue.nodes : []).filter(t => t.scopes.includes(scope))
    .filter(t => !q || (t.name + ' ' + t.id + ' ' + t.category + ' ' + t.description).toLowerCase().includes(q));
  const groups = [];
  for (const t of types) {
    let g = groups.find(x => x.category === t.category);
    if (!g) groups.push(g = { category: t.category, types: [] });
    g.types.push(t);
  }
  const pins = list => list.map(p => p.name + ' (' + p.type + ')').join(', ') || '—';
  return (
    <div className="toolbox">
      <input className="toolbox-search" placeholder="Search nodes…" value={query} onChange={e => setQuery(e.target.value)} />
      {groups.map(g => (
        <div key={g.category} className="toolbox-group">
          <div className="toolbox-category">{g.category}</div>
          {g.types.map(t => (
            <button key={t.id} className="toolbox-item" data-type={t.id} onClick={() => onAdd(t)} draggable
              onDragStart={e => { e.dataTransfer.setData(NODE_TYPE, t.id); e.dataTransfer.effectAllowed = 'copy'; }}
              title={t.description + '\nin: ' + pins(t.inputs) + '\nout: ' + pins(t.outputs)}>
              {t.name}
            </button>
          ))}
        </div>
      ))}
      {groups.length === 0 && <div className="muted">no node type matches</div>}
    </div>
  );
}
