// The debugger's parts of the page: the top bar's controls and state, and the side panel's section
// for the selected node (its breakpoint and condition, and its pins' values read from the run).
import { useEffect, useState } from 'react';

/** Pause / Resume / Step / Step over / Step out, and where the run is paused. */
export function DebugBar({ debug, running, command }) {
  const paused = debug.state === 'paused';
  const at = debug.at || {};
  return (
    <span className="debug-bar">
      <button onClick={() => command('pause')} disabled={!running || paused} title="Pause (F6)">Pause</button>
      <button onClick={() => command('resume')} disabled={!paused} title="Resume (F8)">Resume</button>
      <button onClick={() => command('step')} disabled={!paused} title="Step into (F11)">Step</button>
      <button onClick={() => command('stepOver')} disabled={!paused} title="Step over (F10)">Step over</button>
      <button onClick={() => command('stepOut')} disabled={!paused} title="Step out (Shift+F11)">Step out</button>
      {paused && (
        <span className="debug-state">
          paused {at.node ? 'before ' + at.node + (at.pin ? '.' + at.pin : '') : 'between events'}
          {' (' + (at.reason || '').toLowerCase() + ')'}
          {at.callers && at.callers.length > 0 ? ' · in ' + at.function + ' via ' + at.callers.join(' › ') : ''}
          {' · ' + (debug.queueLength || 0) + ' event' + (debug.queueLength === 1 ? '' : 's') + ' waiting'}
        </span>
      )}
      {(debug.warnings || []).map(w => <span key={w} className="notice">{w}</span>)}
    </span>
  );
}

const OPS = ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'LESS_THAN', 'GREATER_THAN'];

/** The selected node's breakpoint and values. */
export function DebugPanel({ node, pins, debug, ask, running }) {
  const breakpoint = (debug.breakpoints || []).find(b => b.node === node.id);
  const inputs = pins.inputs.filter(p => p.type !== 'pulse').map(p => p.name);
  const [cond, setCond] = useState({ input: '', op: 'EQUALS', value: '' });
  const [values, setValues] = useState(null);
  const [error, setError] = useState(null);
  const pausedHere = debug.state === 'paused' && debug.at && debug.at.node === node.id;

  useEffect(() => {
    const c = breakpoint && breakpoint.condition;
    setCond(c ? { input: c.input, op: c.op || 'EQUALS', value: c.value ?? '' } : { input: '', op: 'EQUALS', value: '' });
  }, [node.id, JSON.stringify(breakpoint)]);

  const read = async full => {
    const answer = await ask('values', { node: node.id, full: !!full });
    if (answer.ok) { setValues(answer); setError(null); } else { setValues(null); setError(answer.error); }
  };
  // Values are fetched on demand: when the node is selected, and again at each pause.
  useEffect(() => {
    setValues(null);
    setError(null);
    if (running) read(false);
  }, [node.id, running, debug.state, debug.at && debug.at.node]);

  const set = async (enabled, condition) => {
    const args = { node: node.id, enabled };
    if (condition && condition.input) args.condition = condition;
    const answer = await ask('breakpoint', args);
    setError(answer.ok ? null : answer.error);
  };
  return (
    <div className={'panel-section debug-panel' + (pausedHere ? ' paused-here' : '')}>
      <h4>Debug</h4>
      <label className="field"><span>breakpoint</span>
        <input type="checkbox" name="breakpoint" checked={!!breakpoint}
          onChange={e => (e.target.checked ? set(true, null) : ask('removeBreakpoint', { node: node.id }))} />
      </label>
      {breakpoint && (
        <>
          <label className="field"><span>enabled</span>
            <input type="checkbox" name="breakpoint-enabled" checked={breakpoint.enabled}
              onChange={e => set(e.target.checked, breakpoint.condition)} />
          </label>
          {inputs.length > 0 && (
            <div className="field condition">
              <span>only when</span>
              <select name="condition-input" value={cond.input} onChange={e => setCond({ ...cond, input: e.target.value })}>
                <option value="">(always)</option>{inputs.map(i => <option key={i} value={i}>{i}</option>)}
              </select>
              <select name="condition-op" value={cond.op} onChange={e => setCond({ ...cond, op: e.target.value })}>
                {OPS.map(o => <option key={o} value={o}>{o.toLowerCase().replace('_', ' ')}</option>)}
              </select>
              <input name="condition-value" value={cond.value} onChange={e => setCond({ ...cond, value: e.target.value })} />
              <button onClick={() => set(breakpoint.enabled, cond.input ? cond : null)}>Apply</button>
            </div>
          )}
        </>
      )}
      {error && <div className="pnode-error">{error}</div>}
      {values && (
        <table className="values">
          <tbody>
            {[['in', values.inputs], ['out', values.outputs]].flatMap(([side, list]) => list.map(v => (
              <tr key={side + v.pin} className={'value-' + side} data-pin={v.pin}>
                <td className="muted">{side}</td><td>{v.pin}</td><td className="muted">{v.type}</td>
                <td className="value">{v.error ? <span className="pnode-error">{v.error}</span> : v.value === undefined ? <span className="muted">—</span> : v.value}
                  {v.truncated && <button className="link" onClick={() => read(true)}>… show all {v.length} characters</button>}</td>
              </tr>)))}
          </tbody>
        </table>
      )}
      {running && <button onClick={() => read(false)}>Read values</button>}
    </div>
  );
}
