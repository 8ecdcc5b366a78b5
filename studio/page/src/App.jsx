// The studio page: top bar (save, undo/redo, run/stop/restart, pulses on/off), a tab per graph,
// the toolbox, the canvas, the side panel, and the bottom panel (problems, messages, printed, replay).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlow, Background, Controls, MiniMap, applyNodeChanges, applyEdgeChanges, useReactFlow } from '@xyflow/react';
import PulseNode from './PulseNode.jsx';
import PulseEdge from './PulseEdge.jsx';
import Toolbox, { NODE_TYPE } from './Toolbox.jsx';
import { NodePanel, ProjectPanel } from './SidePanel.jsx';
import { DebugBar, DebugPanel } from './Debug.jsx';
import { Messages, Printed, Problems, Replay } from './BottomPanel.jsx';
import { useStudio } from './useStudio.js';
import { useReplay } from './useReplay.js';
import { MIN_WIDTH, autoLayout, estimatedBox } from './layout.js';
import { TYPE_COLOURS, connect, connectionOf, freshId, graphFor, graphsOf, linksByNode, pinsOf, placeOf, splitEnd, allIds, closesDataCycle } from './model.js';

const nodeTypes = { pulse: PulseNode };
const edgeTypes = { pulse: PulseEdge };
// Above this many nodes only those in view are drawn (the minimap still shows all).
const LARGE_GRAPH = 150;
// The debugger's keys, as in the browsers' and IDEs' debuggers (F9 toggles the selected node's breakpoint).
const DEBUG_KEYS = { F6: 'pause', F8: 'resume', F10: 'stepOver', F11: 'step', 'Shift+F11': 'stepOut' };

const NO_GRAPH = { nodes: [], links: [] };

const withoutEstimate = ({ handles, initialWidth, initialHeight, ...node }) => node;

export default function App() {
  const s = useStudio();
  const { project, catalogue, change } = s;
  const [tab, setTab] = useState('project');
  const [bottom, setBottom] = useState('problems');
  const [pulsesOn, setPulsesOn] = useState(true);
  const [rfNodes, setRfNodes] = useState([]);
  const [rfEdges, setRfEdges] = useState([]);
  // The minimap draws every node (each a store subscriber): for a large graph it comes after the
  // first frame with the canvas's nodes, so the open is not kept waiting for it.
  const [miniMap, setMiniMap] = useState(false);
  const hasNodes = rfNodes.length > 0;
  useEffect(() => {
    if (miniMap || !hasNodes) return undefined;
    if (rfNodes.length <= LARGE_GRAPH) { setMiniMap(true); return undefined; }
    let timer;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setMiniMap(true), 0); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [miniMap, hasNodes]);
  const clipboard = useRef(null);
  const flow = useReactFlow();
  const replay = useReplay();
  const live = replay.state ? replay.live : s.live;

  // One object per graph for each version of the project (a project without a graph gets an empty
  // one that stays the same object): the memos and effects below depend on their identity.
  const graphs = useMemo(() => (project ? graphsOf(project) : []), [project]);
  const current = graphs.find(g => g.key === tab) || graphs[0];
  const graph = current ? current.graph : NO_GRAPH;
  // Fit the view to the graph the project opened with; an empty one stays at zoom 1 (fitting its
  // first node would zoom in as far as it goes).
  const fitOnOpen = useRef(null);
  if (fitOnOpen.current === null && project) fitOnOpen.current = (graph.nodes || []).length > 0;
  const descriptors = useMemo(() => new Map((catalogue ? catalogue.nodes : []).map(d => [d.id, d])), [catalogue]);
  const pinsById = useMemo(() => {
    const linksOf = linksByNode(graph.links || []);
    return new Map((graph.nodes || []).map(n =>
      [n.id, pinsOf(project, n, descriptors.get(n.type), current.key, linksOf.get(n.id) || [], s.loaderPins)]));
  }, [project, graph, descriptors, s.loaderPins]);
  const problemsByNode = useMemo(() => {
    const out = new Map();
    for (const p of s.problems) if (p.node) out.set(p.node, [...(out.get(p.node) || []), p]);
    return out;
  }, [s.problems]);

  const breakpoints = useMemo(() => new Map((s.debug.breakpoints || []).map(b => [b.node, b])), [s.debug.breakpoints]);
  const pausedNode = s.debug.state === 'paused' && s.debug.at ? s.debug.at.node : null;
  const debugCommand = useCallback(async name => {
    const answer = await s.ask(name);
    if (!answer.ok) s.setNotice(answer.error);
  }, [s.ask, s.setNotice]);
  const toggleBreakpoint = useCallback(id => (breakpoints.has(id)
    ? s.ask('removeBreakpoint', { node: id }) : s.ask('breakpoint', { node: id })), [breakpoints, s.ask]);

  // A pause before a node shows its graph and selects it (its values show in the side panel).
  const shownPause = useRef(null);
  const selectOnArrival = useRef(null);
  useEffect(() => {
    const at = s.debug.state === 'paused' ? s.debug.at : null;
    const key = at ? JSON.stringify(at) : null;
    if (key === shownPause.current) return; // the same pause (a breakpoint changed meanwhile)
    shownPause.current = key;
    if (!at || !at.node) return;
    if (at.graph && at.graph !== current.key && graphs.some(g => g.key === at.graph)) {
      selectOnArrival.current = at.node; // selected when the other graph's nodes are drawn
      setTab(at.graph);
      return;
    }
    setRfNodes(ns => ns.map(n => (n.selected === (n.id === at.node) ? n : { ...n, selected: n.id === at.node })));
  }, [s.debug]);

  // Canvas nodes follow the project; measured sizes, selection and unsaved places are kept.
  useEffect(() => {
    if (!project) return;
    const places = autoLayout(graph);
    const large = (graph.nodes || []).length > LARGE_GRAPH;
    setRfNodes(previous => {
      const before = new Map(previous.map(n => [n.id, n]));
      const pick = selectOnArrival.current;
      if (pick && (graph.nodes || []).some(n => n.id === pick)) selectOnArrival.current = null;
      return (graph.nodes || []).map(n => {
        const old = before.get(n.id);
        const conn = connectionOf(project, n, descriptors.get(n.type));
        const stat = live.nodes[n.id];
        const bp = breakpoints.get(n.id);
        const data = { node: n, descriptor: descriptors.get(n.type), pins: pinsById.get(n.id), connection: conn,
          problems: problemsByNode.get(n.id) || [], breakpoint: bp ? (bp.enabled ? 'on' : 'off') : null,
          paused: pausedNode === n.id,
          live: stat || live.connections[conn] ? { ...(stat || {}), connection: live.connections[conn] } : null };
        // An unchanged node keeps its object, so that React Flow does not draw it again.
        const sig = JSON.stringify([n, data.pins, data.problems, data.live, data.breakpoint, data.paused, conn]);
        const position = n.position ? { x: n.position.x, y: n.position.y } : old ? old.position : places.get(n.id);
        if (old && old.sig === sig && old.data.descriptor === data.descriptor
          && old.position.x === position.x && old.position.y === position.y) return old;
        const selected = old ? old.selected : n.id === pick;
        const node = { id: n.id, type: 'pulse', sig, measured: old && old.measured, selected, position, data };
        if (large && !node.measured) {
          const box = estimatedBox(data.pins, !!conn);
          node.initialWidth = box.width;
          node.initialHeight = box.height;
          node.handles = box.handles;
        }
        return node;
      });
    });
    setRfEdges(previous => {
      const before = new Map(previous.map(e => [e.id, e]));
      return (graph.links || []).map(l => {
        const [a, pa] = splitEnd(l.from);
        const [b, pb] = splitEnd(l.to);
        const pin = ((pinsById.get(a) || { outputs: [] }).outputs.find(p => p.name === pa)) || { type: 'any' };
        const id = l.from + '>' + l.to;
        const old = before.get(id);
        const data = { colour: TYPE_COLOURS[pin.type] || TYPE_COLOURS.any, pulseType: pin.type === 'pulse', pulse: pulsesOn ? live.pulses[id] || 0 : 0 };
        if (old && old.data.colour === data.colour && old.data.pulseType === data.pulseType && old.data.pulse === data.pulse) return old;
        return { id, source: a, sourceHandle: pa, target: b, targetHandle: pb, type: 'pulse', selected: old ? old.selected : false, data };
      });
    });
  }, [project, tab, descriptors, pinsById, problemsByNode, live, pulsesOn, breakpoints, pausedNode]);

  const editGraph = useCallback(edit => change(p => edit(graphFor(p, current.key), p)), [change, current]);
  const selectedIds = rfNodes.filter(n => n.selected).map(n => n.id);
  const selected = selectedIds.length === 1 ? (graph.nodes || []).find(n => n.id === selectedIds[0]) : null;

  // A measured node's pin places come from the browser: an estimate given before (large graphs) goes.
  const onNodesChange = useCallback(changes => setRfNodes(ns => applyNodeChanges(changes.filter(c => c.type !== 'remove'), ns)
    .map(n => (n.handles && n.measured ? withoutEstimate(n) : n))), []);
  const onEdgesChange = useCallback(changes => setRfEdges(es => applyEdgeChanges(changes.filter(c => c.type !== 'remove'), es)), []);
  const onNodeDragStop = useCallback((_, __, dragged) => editGraph(g => {
    for (const d of dragged) {
      const n = g.nodes.find(x => x.id === d.id);
      if (n) n.position = { x: Math.round(d.position.x), y: Math.round(d.position.y) };
    }
  }), [editGraph]);
  const removeNodes = useCallback(ids => editGraph(g => {
    const gone = new Set(ids);
    g.nodes = (g.nodes || []).filter(n => !gone.has(n.id));
    g.links = (g.links || []).filter(l => !gone.has(splitEnd(l.from)[0]) && !gone.has(splitEnd(l.to)[0]));
  }), [editGraph]);
  const removeEdges = useCallback(ids => editGraph(g => {
    const gone = new Set(ids);
    g.links = (g.links || []).filter(l => !gone.has(l.from + '>' + l.to));
  }), [editGraph]);

  const pinType = (nodeId, pin, side) => {
    const pins = pinsById.get(nodeId);
    const p = pins && pins[side].find(x => x.name === pin);
    return p ? p.type : null;
  };
  // A node without pulse pins is computed: the loader refuses loops of those (DATA_CYCLE).
  const computed = id => { const p = pinsById.get(id); return !!p && ![...p.inputs, ...p.outputs].some(x => x.type === 'pulse'); };
  const isValidConnection = c => {
    const from = pinType(c.source, c.sourceHandle, 'outputs');
    const to = pinType(c.target, c.targetHandle, 'inputs');
    if (from === null || to === null || (from === 'pulse') !== (to === 'pulse')) return false;
    // a pulse may loop back into its own node (the loader allows it); data into itself is a cycle
    if (c.source === c.target && from !== 'pulse') return false;
    if (from !== 'pulse' && closesDataCycle(graph, c.source, c.target, computed)) return false;
    return connect({ links: [] }, 'a', 'b', from, to);
  };
  const onConnect = c => {
    if (!isValidConnection(c)) return;
    editGraph(g => connect(g, c.source + '.' + c.sourceHandle, c.target + '.' + c.targetHandle,
      pinType(c.source, c.sourceHandle, 'outputs'), pinType(c.target, c.targetHandle, 'inputs')));
  };

  /** Adds a node of `type` with its corner at `point` (screen coordinates), or centred in the view's middle. */
  const addNode = (type, point) => {
    const box = document.querySelector('.canvas').getBoundingClientRect();
    const at = flow.screenToFlowPosition(point || { x: box.left + box.width / 2, y: box.top + box.height / 2 });
    if (!point) { // its centre there: most nodes are MIN_WIDTH wide, and as high as their pins make them
      at.x -= MIN_WIDTH / 2;
      at.y -= estimatedBox(type, connectionOf(project, { type: type.id }, type) !== null).height / 2;
    }
    const taken = (graph.nodes || []).map(n => n.position).filter(Boolean);
    // a click adds in the middle: step aside from nodes added there before, so none hides another
    for (let i = 0; !point && i < 40 && taken.some(q => Math.abs(q.x - at.x) < 24 && Math.abs(q.y - at.y) < 24); i++) {
      at.x += 32;
      at.y += 32;
    }
    let id;
    editGraph((g, p) => {
      id = freshId(p, type.id);
      g.nodes = [...(g.nodes || []), { id, type: type.id, position: { x: Math.round(at.x), y: Math.round(at.y) } }];
    });
    setTimeout(() => setRfNodes(ns => ns.map(n => ({ ...n, selected: n.id === id }))), 0);
  };
  const onDragOver = e => {
    if (e.dataTransfer.types.includes(NODE_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = e => {
    const type = descriptors.get(e.dataTransfer.getData(NODE_TYPE));
    if (!type || !type.scopes.includes(current.scope)) return;
    e.preventDefault();
    addNode(type, { x: e.clientX, y: e.clientY });
  };

  const go = problem => {
    const place = placeOf(project, problem);
    if (place.key) setTab(place.key);
    if (place.node) {
      setTimeout(() => {
        setRfNodes(ns => ns.map(n => ({ ...n, selected: n.id === place.node })));
        const n = flow.getNode(place.node);
        if (n) flow.setCenter(n.position.x + 100, n.position.y + 50, { zoom: 1.2, duration: 200 });
      }, 50);
    }
  };

  useEffect(() => {
    const onKey = e => {
      const mod = e.ctrlKey || e.metaKey;
      // In a field, Ctrl+S and the F-keys are still ours; a text field keeps its own undo, and every
      // field its Delete, Backspace, copy and paste.
      const field = e.target.closest('input, textarea, select');
      const textField = field && !(field.tagName === 'INPUT' && ['checkbox', 'radio', 'button', 'file'].includes(field.type))
        && field.tagName !== 'SELECT';
      if (mod && e.key === 's') { e.preventDefault(); s.save(); }
      else if (e.key === 'F9' && selectedIds.length === 1) { e.preventDefault(); toggleBreakpoint(selectedIds[0]); }
      else if (DEBUG_KEYS[(e.shiftKey ? 'Shift+' : '') + e.key]) { e.preventDefault(); debugCommand(DEBUG_KEYS[(e.shiftKey ? 'Shift+' : '') + e.key]); }
      else if (textField) return;
      else if (mod && e.key === 'z' && !e.shiftKey) { e.preventDefault(); s.undo(); }
      else if (mod && (e.key === 'y' || (e.key === 'z' && e.shiftKey) || e.key === 'Z')) { e.preventDefault(); s.redo(); }
      else if (field) return;
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        // Our own, not React Flow's (its key state can miss a press that follows Ctrl+V).
        const edges = rfEdges.filter(x => x.selected).map(x => x.id);
        if (selectedIds.length) removeNodes(selectedIds);
        else if (edges.length) removeEdges(edges);
      }
      else if (mod && e.key === 'c') {
        const ids = new Set(selectedIds);
        clipboard.current = { nodes: (graph.nodes || []).filter(n => ids.has(n.id)),
          links: (graph.links || []).filter(l => ids.has(splitEnd(l.from)[0]) && ids.has(splitEnd(l.to)[0])) };
      } else if (mod && e.key === 'v' && clipboard.current) {
        const copied = clipboard.current;
        editGraph((g, p) => {
          const taken = allIds(p);
          const ids = new Map(copied.nodes.map(n => [n.id, freshId(p, n.type, taken)]));
          const place = id => rfNodes.find(n => n.id === id);
          g.nodes = [...(g.nodes || []), ...copied.nodes.map(n => {
            const at = n.position || (place(n.id) || { position: { x: 0, y: 0 } }).position;
            return { ...n, id: ids.get(n.id), position: { x: Math.round(at.x) + 40, y: Math.round(at.y) + 40 } };
          })];
          const rename = end => { const [a, b] = splitEnd(end); return ids.get(a) + '.' + b; };
          g.links = [...(g.links || []), ...copied.links.map(l => ({ from: rename(l.from), to: rename(l.to) }))];
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s.undo, s.redo, s.save, toggleBreakpoint, debugCommand, selectedIds, graph, rfNodes, rfEdges, editGraph, removeNodes, removeEdges]);

  if (!project) return <div className="loading">pulseio studio: {s.status}{s.notice ? ' — ' + s.notice : ''}</div>;
  return (
    <div className="studio">
      <header className="topbar">
        <strong>pulseio studio</strong>
        <span className="file" title={s.file}>{s.file}{s.dirty ? ' •' : ''}</span>
        <button onClick={s.save} disabled={!s.dirty} title="Ctrl+S">Save</button>
        <button onClick={s.undo} disabled={!s.canUndo} title="Ctrl+Z">Undo</button>
        <button onClick={s.redo} disabled={!s.canRedo} title="Ctrl+Y">Redo</button>
        <span className="sep" />
        <button className="run" onClick={() => s.command('run')} disabled={s.running}>Run</button>
        <button onClick={() => s.command('stop')} disabled={!s.running}>Stop</button>
        <button onClick={() => s.command('restart')}>Restart</button>
        <span className={'run-state ' + (s.running ? 'on' : '')}>{s.running ? 'running' : 'stopped'}</span>
        <DebugBar debug={s.debug} running={s.running} command={debugCommand} />
        <label className="toggle"><input type="checkbox" checked={pulsesOn} onChange={e => setPulsesOn(e.target.checked)} /> pulses</label>
        <span className="sep" />
        <span className="status">{s.status}</span>
        {s.notice && <span className="notice" onClick={() => s.setNotice(null)}>{s.notice}</span>}
      </header>
      <nav className="tabs">{graphs.map(g => (
        <button key={g.key} className={'tab' + (g.key === current.key ? ' active' : '')} onClick={() => setTab(g.key)}>{g.label}</button>))}
      </nav>
      <aside className="left"><Toolbox catalogue={catalogue} scope={current.scope} onAdd={addNode} /></aside>
      <main className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow nodes={rfNodes} edges={rfEdges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
          onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onNodeDragStop={onNodeDragStop}
          onConnect={onConnect} isValidConnection={isValidConnection} deleteKeyCode={null}
          fitView={!!fitOnOpen.current} colorMode="dark" minZoom={0.1} autoPanOnConnect={false} onlyRenderVisibleElements={rfNodes.length > LARGE_GRAPH}>
          <Background /><Controls />{miniMap && <MiniMap pannable zoomable />}
        </ReactFlow>
      </main>
      <aside className="right">
        {selected
          ? <><NodePanel project={project} node={selected} descriptor={descriptors.get(selected.type)} pins={pinsById.get(selected.id)}
              linkedInputs={new Set((graph.links || []).filter(l => splitEnd(l.to)[0] === selected.id).map(l => splitEnd(l.to)[1]))}
              onChange={edit => editGraph(g => edit(g.nodes.find(n => n.id === selected.id)))} />
            <DebugPanel node={selected} pins={pinsById.get(selected.id)} debug={s.debug} ask={s.ask} running={s.running} /></>
          : <ProjectPanel project={project} catalogue={catalogue} onChange={change} />}
      </aside>
      <section className="bottom">
        <nav className="bottom-tabs">
          {[['problems', 'Problems (' + s.problems.length + ')'], ['messages', 'Messages (' + live.messages.length + ')'],
            ['printed', 'Printed (' + live.printed.length + ')'], ['replay', 'Replay']].map(([k, label]) => (
            <button key={k} className={'tab' + (bottom === k ? ' active' : '')} data-panel={k} onClick={() => setBottom(k)}>{label}</button>))}
          {live.dropped > 0 && <span className="muted">{live.dropped} records not shown (too many at once)</span>}
        </nav>
        <div className="bottom-body">
          {bottom === 'problems' && <Problems problems={s.problems} onGo={go} />}
          {bottom === 'messages' && <Messages messages={live.messages} />}
          {bottom === 'printed' && <Printed lines={live.printed} />}
          {bottom === 'replay' && <Replay replay={replay.state} {...replay.controls} />}
        </div>
      </section>
    </div>
  );
}
