// The bottom panel: the loader's problems (a click goes to the node), the messages sent and
// received (filterable by connection and text), the printed lines, and the replay controls.
import { useState } from 'react';

export function Problems({ problems, onGo }) {
  if (!problems.length) return <div className="muted problems-ok">No problems: the loader accepts this project.</div>;
  return (
    <ul className="problems">{problems.map((p, i) => (
      <li key={i} className="problem" onClick={() => onGo(p)} title="go there">
        <span className="problem-kind">{p.kind}</span> {p.text}
      </li>))}
    </ul>
  );
}

export function Messages({ messages }) {
  const [connection, setConnection] = useState('');
  const [text, setText] = useState('');
  const connections = [...new Set(messages.map(m => m.connection))];
  const shown = messages.filter(m => (!connection || m.connection === connection)
    && (!text || (m.name + ' ' + (m.payload || '') + ' ' + m.namespace).includes(text)));
  return (
    <div>
      <div className="filters">
        <select value={connection} onChange={e => setConnection(e.target.value)}>
          <option value="">all connections</option>{connections.map(c => <option key={c}>{c}</option>)}
        </select>
        <input placeholder="filter by event or payload" value={text} onChange={e => setText(e.target.value)} />
      </div>
      <table className="messages"><tbody>{shown.slice(-200).map((m, i) => (
        <tr key={i} className={'msg-' + m.kind}>
          <td>{m.kind === 'sent' ? '↑ sent' : '↓ received'}</td><td>{m.connection}</td><td>{m.namespace}</td>
          <td className="msg-name">{m.name}</td><td className="msg-payload" title={m.payload}>{m.payload}{m.truncated ? ' …(truncated)' : ''}</td>
        </tr>))}</tbody></table>
    </div>
  );
}

export function Printed({ lines }) {
  return <pre className="printed">{lines.slice(-300).join('\n')}</pre>;
}

export function Replay({ replay, onOpen, onPlay, onPause, onScrub, onSpeed, onClose }) {
  return (
    <div className="replay">
      <label className="button">Open trace…<input type="file" accept=".jsonl,.json,.txt" hidden onChange={e => e.target.files[0] && onOpen(e.target.files[0])} /></label>
      {replay && <>
        <button onClick={replay.playing ? onPause : onPlay}>{replay.playing ? 'Pause' : 'Play'}</button>
        <input type="range" className="scrub" min="0" max={replay.records.length} value={replay.index} onChange={e => onScrub(Number(e.target.value))} />
        <span className="muted">{replay.index} / {replay.records.length} records · {replay.name}</span>
        <select value={replay.speed} onChange={e => onSpeed(Number(e.target.value))}>
          {[0.25, 1, 4, 20, 100].map(s => <option key={s} value={s}>{s}×</option>)}
        </select>
        <button onClick={onClose}>Close replay</button>
      </>}
      {replay && replay.error && <span className="error">{replay.error}</span>}
    </div>
  );
}
