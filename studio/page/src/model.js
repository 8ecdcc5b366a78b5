// The project as the page edits it: the parsed project file (key order kept), its graphs, the pins
// of a node (from the node descriptors the Java side sends), and the wiring rules of the loader
// (docs/project-format.md: one link per pulse output and per data input, compatible types).

export const TYPE_COLOURS = {
  pulse: '#f5f5f5', string: '#e879f9', number: '#4ade80', boolean: '#f87171', json: '#fb923c', any: '#9ca3af',
};

/** Mirrors PinType.canFeed: an output of type `from` may feed an input of type `to` (a string input reads any data as text). */
export function canFeed(from, to) {
  if (from === to) return true;
  if (from === 'pulse' || to === 'pulse') return false;
  if (from === 'any' || to === 'any' || to === 'string') return true;
  return from === 'string' && to === 'json';
}

/** The graphs of a project, one tab each: {key, label, path, graph (the JSON object), scope, owner}. */
export function graphsOf(project) {
  const logic = project.logic || {};
  const out = [{ key: 'project', label: 'Project', path: '$.logic.project', scope: 'project', graph: logic.project || {} }];
  (logic.scenes || []).forEach((s, i) => out.push({ key: 'scene:' + s.name, label: 'Scene ' + s.name,
    path: `$.logic.scenes[${i}]`, scope: 'scene', owner: s.name, graph: s }));
  (logic.functions || []).forEach((f, i) => out.push({ key: 'function:' + f.name, label: 'ƒ ' + f.name,
    path: `$.logic.functions[${i}]`, scope: 'function', owner: f.name, graph: f }));
  return out;
}

/** The graph object for a tab key, made when missing (the project graph), in a copy being edited. */
export function graphFor(project, key) {
  project.logic = project.logic || {};
  if (key === 'project') {
    project.logic.project = project.logic.project || {};
    return project.logic.project;
  }
  const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const list = kind === 'scene' ? project.logic.scenes : project.logic.functions;
  return (list || []).find(g => g.name === name);
}

export const clone = value => JSON.parse(JSON.stringify(value));

const functionNamed = (project, name) => ((project.logic || {}).functions || []).find(f => f.name === name);
const variableNamed = (project, name) => ((project.logic || {}).variables || []).find(v => v.name === name);
const port = (p, direction) => ({ name: p.name, type: p.type, direction, description: '' });

/** The links of a graph by the node at either end: id → [link]. */
export function linksByNode(links) {
  const out = new Map();
  const add = (id, link) => {
    const list = out.get(id);
    if (list) list.push(link); else out.set(id, [link]);
  };
  for (const link of links) {
    const from = splitEnd(link.from)[0];
    const to = splitEnd(link.to)[0];
    add(from, link);
    if (to !== from) add(to, link);
  }
  return out;
}

/**
 * The pins of one node ({@code links}: at least those that touch it, see `linksByNode`). The loader's
 * when `loaderPins` is given (the Java side's answer for the text shown: {nodeId: {inputs, outputs}}
 * for the nodes whose pins are not their descriptor's; any other node has its descriptor's); else the
 * descriptor's, with those that depend on attributes or on the project worked out as the core's node
 * types do (Sequence count, Call Function and the function's ports, the variable's type) until the
 * loader answers. Pins named by its links or constants but unknown are added, marked unknown, so that
 * the loader's problem about them has a place to show.
 */
export function pinsOf(project, node, descriptor, graphKey, links, loaderPins) {
  let inputs;
  let outputs;
  if (loaderPins) {
    // the loader names only the nodes whose pins are not their descriptor's
    const own = loaderPins[node.id] || (descriptor ? descriptor : { inputs: [], outputs: [] });
    inputs = own.inputs.map(p => ({ ...p }));
    outputs = own.outputs.map(p => ({ ...p }));
  } else {
    ({ inputs, outputs } = localPins(project, node, descriptor, graphKey));
  }
  for (const link of links) {
    const [fromNode, fromPin] = splitEnd(link.from);
    const [toNode, toPin] = splitEnd(link.to);
    if (fromNode === node.id && !outputs.some(p => p.name === fromPin)) outputs.push({ name: fromPin, type: 'any', direction: 'out', unknown: true });
    if (toNode === node.id && !inputs.some(p => p.name === toPin)) inputs.push({ name: toPin, type: 'any', direction: 'in', unknown: true });
  }
  for (const name of Object.keys(node.inputs || {})) {
    if (!inputs.some(p => p.name === name)) inputs.push({ name, type: 'any', direction: 'in', unknown: true });
  }
  return { inputs, outputs };
}

/** The pins the page works out itself, before the loader's answer for the text shown. */
function localPins(project, node, descriptor, graphKey) {
  let inputs = descriptor ? descriptor.inputs.map(p => ({ ...p })) : [];
  let outputs = descriptor ? descriptor.outputs.map(p => ({ ...p })) : [];
  const attrs = node.attributes || {};
  const type = node.type;
  if (type === 'core.sequence') {
    const n = Math.max(1, Math.min(16, Number(attrs.count ?? 2) || 2));
    outputs = Array.from({ length: n }, (_, i) => ({ name: 'then' + i, type: 'pulse', direction: 'out' }));
  }
  const fn = type === 'core.callFunction' ? functionNamed(project, attrs.function)
    : graphKey.startsWith('function:') ? functionNamed(project, graphKey.slice(9)) : null;
  if (fn && type === 'core.callFunction') {
    inputs = inputs.concat((fn.inputs || []).map(p => port(p, 'in')));
    outputs = outputs.concat((fn.outputs || []).map(p => port(p, 'out')));
  } else if (fn && type === 'core.functionInput') {
    outputs = outputs.concat((fn.inputs || []).map(p => port(p, 'out')));
  } else if (fn && type === 'core.functionOutput') {
    inputs = inputs.concat((fn.outputs || []).map(p => port(p, 'in')));
  }
  const variable = attrs.variable && variableNamed(project, attrs.variable);
  if (variable && /^core\.(getVariable|setVariable|onVariableChange)$/.test(type)) {
    const typed = p => (p.name === 'value' || p.name === 'previous' ? { ...p, type: variable.type } : p);
    inputs = inputs.map(typed);
    outputs = outputs.map(typed);
  }
  return { inputs, outputs };
}

/** `nodeId.pin` → [nodeId, pin]; the pin is the part after the last dot. */
export function splitEnd(end) {
  const dot = String(end).lastIndexOf('.');
  return dot < 0 ? [end, ''] : [end.slice(0, dot), end.slice(dot + 1)];
}

/**
 * Adds the link from → to in `graph` (a copy being edited) the way the loader allows: an existing
 * link from the same pulse output, or into the same data input, is replaced. Returns false when the
 * types cannot be linked.
 */
export function connect(graph, from, to, fromType, toType) {
  if (!canFeed(fromType, toType)) return false;
  const links = graph.links || [];
  graph.links = links.filter(l => !(fromType === 'pulse' && l.from === from) && !(toType !== 'pulse' && l.to === to)
    && !(l.from === from && l.to === to));
  graph.links.push({ from, to });
  return true;
}

/**
 * Whether a data link from `source` to `target` would close a loop of computed nodes (nodes without
 * pulse pins, which the loader refuses as DATA_CYCLE): `target`'s outputs already reach `source`
 * through computed nodes. `computed(id)` says whether a node is one.
 */
export function closesDataCycle(graph, source, target, computed) {
  if (!computed(source) || !computed(target)) return false;
  const next = new Map();
  for (const l of graph.links || []) {
    const [a] = splitEnd(l.from);
    const [b] = splitEnd(l.to);
    if (computed(a) && computed(b)) next.set(a, [...(next.get(a) || []), b]);
  }
  const seen = new Set();
  const stack = [target];
  while (stack.length) {
    const id = stack.pop();
    if (id === source) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) || []));
  }
  return false;
}

/** Every node id of the project. */
export function allIds(project) {
  return new Set(graphsOf(project).flatMap(g => (g.graph.nodes || []).map(n => n.id)));
}

/** A fresh id from the type's name: `print`, `print2`, ... */
export function freshId(project, typeId, taken = allIds(project)) {
  const base = typeId.slice(typeId.indexOf('.') + 1).replace(/[^A-Za-z0-9_-]/g, '') || 'node';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = base + i;
  taken.add(id);
  return id;
}

/** The graph's tab key and node id that a loader problem's JSON path names. */
export function placeOf(project, problem) {
  const m = /^\$\.logic\.(project|scenes\[(\d+)\]|functions\[(\d+)\])/.exec(problem.path || '');
  let key = null;
  if (m) {
    if (m[1] === 'project') key = 'project';
    else if (m[2] !== undefined) key = 'scene:' + ((project.logic.scenes || [])[+m[2]] || {}).name;
    else key = 'function:' + ((project.logic.functions || [])[+m[3]] || {}).name;
  }
  if (problem.node) {
    const owner = graphsOf(project).find(g => (g.graph.nodes || []).some(n => n.id === problem.node));
    if (owner) key = owner.key;
  }
  return { key, node: problem.node || null, pin: problem.pin || null };
}

/** Names an attribute may refer to (a drop-down), by the attribute's name; null for a free value. */
export function referenceChoices(project, node, attribute) {
  const plugin = node.type.slice(0, node.type.indexOf('.'));
  const settings = ((project.settings || {})[plugin]) || {};
  const names = list => (list || []).map(x => x.name).filter(Boolean);
  switch (attribute.name) {
    case 'configuration': return names(settings.connections);
    case 'server': return names(settings.servers);
    case 'variable': return names((project.logic || {}).variables);
    case 'function': return names((project.logic || {}).functions);
    case 'scene': return names((project.logic || {}).scenes);
    default: return null;
  }
}

/**
 * The connection (or server) a Socket.IO node uses: its `configuration` (`server`) attribute, or when
 * that is absent the project's only one, as the Java loader resolves it (DefaultOwner); else null.
 */
export function connectionOf(project, node, descriptor) {
  const attribute = descriptor && descriptor.attributes.find(a => a.name === 'configuration' || a.name === 'server');
  if (!attribute) return null;
  const given = (node.attributes || {})[attribute.name];
  if (given) return given;
  const names = referenceChoices(project, node, attribute);
  return names.length === 1 ? names[0] : null;
}
