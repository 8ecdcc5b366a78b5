// One node on the canvas: title, pulse pins (arrows) and typed data pins (a colour per type), the
// loader's problems on the node and its pins, and while running its count, last time, connection
// state and last error.
import { Handle, Position } from '@xyflow/react';
import { TYPE_COLOURS } from './model.js';

function Pin({ pin, side, problem, constant }) {
  const colour = TYPE_COLOURS[pin.type] || TYPE_COLOURS.any;
  const pulse = pin.type === 'pulse';
  return (
    <div className={'pin pin-' + side + (problem ? ' pin-problem' : '')} title={(pin.description || pin.name) + ' (' + pin.type + ')' + (problem ? '\n' + problem : '')}
      data-pin={pin.name}>
      <Handle type={side === 'in' ? 'target' : 'source'} position={side === 'in' ? Position.Left : Position.Right}
        id={pin.name} className={pulse ? 'handle-pulse' : 'handle-data'} style={{ background: pulse ? 'transparent' : colour, borderColor: colour }} />
      <span className="pin-name">{pin.name}</span>
      {constant !== undefined && <span className="pin-constant">= {JSON.stringify(constant)}</span>}
    </div>
  );
}

/** A time in nanoseconds, short: 850 ns, 12.3 µs, 4.1 ms. */
function duration(ns) {
  if (ns < 1000) return Math.round(ns) + ' ns';
  if (ns < 1e6) return (ns / 1000).toFixed(1) + ' µs';
  return (ns / 1e6).toFixed(1) + ' ms';
}

export default function PulseNode({ data, selected }) {
  const { node, descriptor, pins, problems, live } = data;
  const problemOf = name => problems.filter(p => p.pin === name).map(p => p.message).join('\n');
  const nodeProblems = problems.filter(p => !p.pin || (!pins.inputs.some(i => i.name === p.pin) && !pins.outputs.some(o => o.name === p.pin)));
  const connection = data.connection; // the attribute, or the project's only connection (server) of its kind
  return (
    <div className={'pnode' + (selected ? ' selected' : '') + (problems.length ? ' has-problem' : '') + (live && live.flash ? ' flash' : '')
      + (data.paused ? ' paused' : '')} data-node={node.id}>
      <div className={'pnode-title cat-' + (descriptor ? descriptor.category.replace(/\W+/g, '-') : 'unknown')}>
        {data.breakpoint && <span className={'pnode-bp bp-' + data.breakpoint} title={'breakpoint' + (data.breakpoint === 'off' ? ' (disabled)' : '') + ' (F9 toggles)'} />}
        <span>{descriptor ? descriptor.name : node.type}</span>
        <span className="pnode-id">{node.id}</span>
      </div>
      {connection && <div className="pnode-conn">{connection}{live && live.connection ? ': ' + live.connection : ''}</div>}
      <div className="pnode-pins">
        <div>{pins.inputs.map(p => <Pin key={p.name} pin={p} side="in" problem={problemOf(p.name)} constant={(node.inputs || {})[p.name]} />)}</div>
        <div>{pins.outputs.map(p => <Pin key={p.name} pin={p} side="out" problem={problemOf(p.name)} />)}</div>
      </div>
      {nodeProblems.map((p, i) => <div key={i} className="pnode-problem">{p.message}</div>)}
      {live && live.count > 0 && <div className="pnode-live" title="runs · when it last ran (since the run started) · its mean time per run">
        ran {live.count}× · last {(live.t / 1e6).toFixed(1)} ms{live.ns > 0 ? ' · ' + duration(live.ns / live.count) : ''}</div>}
      {live && live.error && <div className="pnode-error">{live.error}</div>}
    </div>
  );
}
