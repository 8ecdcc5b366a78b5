// The side panel: the selected node's attributes (a drop-down where the attribute names a
// connection, server, variable, function or scene; a list for enums) and constants on its unlinked
// data inputs; with no node selected, the project's settings.
import { useEffect, useState } from 'react';
import { referenceChoices } from './model.js';

function ValueField({ type, value, placeholder, choices, onChange, name, structured }) {
  if (choices) {
    return (
      <select name={name} value={value ?? ''} onChange={e => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{placeholder !== undefined ? '(default: ' + placeholder + ')' : '(choose)'}</option>
        {choices.map(c => <option key={c} value={c}>{c}</option>)}
      </select>
    );
  }
  if (type === 'boolean') {
    return (
      <select name={name} value={value === undefined ? '' : String(value)} onChange={e => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">{placeholder !== undefined ? '(default: ' + placeholder + ')' : '(unset)'}</option>
        <option value="true">true</option><option value="false">false</option>
      </select>
    );
  }
  // The text as typed stays while it means the value ("2." and "-0" are 2 and 0 but are shown as typed).
  const [draft, setDraft] = useState(null);
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A JSON attribute (Switch's cases) is a JSON value in the file, not text holding it; a data input's
  // json constant stays text, as the format says.
  const json = v => { try { const x = JSON.parse(v); return x !== null && typeof x === 'object' ? x : v; } catch { return v; } };
  const parse = v => (v === '' ? undefined : type === 'number' && !Number.isNaN(Number(v)) ? Number(v)
    : structured && type === 'json' ? json(v) : v);
  const shown = draft !== null && JSON.stringify(parse(draft)) === JSON.stringify(value) ? draft : text;
  return (
    <input name={name} value={shown} placeholder={placeholder === undefined ? '' : String(placeholder)}
      onChange={e => { setDraft(e.target.value); onChange(parse(e.target.value)); }}
      onBlur={() => setDraft(null)} onKeyDown={e => { if (e.key === 'Enter') setDraft(null); }} />
  );
}

export function NodePanel({ project, node, descriptor, pins, linkedInputs, onChange }) {
  const setIn = (field, key, value) => onChange(n => {
    const map = { ...(n[field] || {}) };
    if (value === undefined) delete map[key]; else map[key] = value;
    if (Object.keys(map).length) n[field] = map; else delete n[field];
  });
  return (
    <div className="panel-section">
      <h3>{descriptor ? descriptor.name : node.type} <span className="muted">{node.id}</span></h3>
      {descriptor && <p className="muted">{descriptor.description}</p>}
      {descriptor && descriptor.attributes.length > 0 && <h4>Attributes</h4>}
      {descriptor && descriptor.attributes.map(a => {
        const refs = referenceChoices(project, node, a);
        return (
          <label key={a.name} className="field" title={a.description}>
            <span>{a.name}{a.required ? ' *' : ''}</span>
            <ValueField name={'attr-' + a.name} type={a.type} structured value={(node.attributes || {})[a.name]} placeholder={a.default}
              choices={a.choices && a.choices.length ? a.choices : refs} onChange={v => setIn('attributes', a.name, v)} />
          </label>
        );
      })}
      <h4>Inputs</h4>
      {pins.inputs.filter(p => p.type !== 'pulse').map(p => (
        <label key={p.name} className="field" title={p.description}>
          <span>{p.name} <span className="muted">{p.type}</span></span>
          {linkedInputs.has(p.name) ? <span className="muted">linked</span>
            : <ValueField name={'input-' + p.name} type={p.type} value={(node.inputs || {})[p.name]} placeholder={p.default}
              onChange={v => setIn('inputs', p.name, v)} />}
        </label>
      ))}
      <label className="field"><span>comment</span>
        <input value={node.comment || ''} onChange={e => onChange(n => { if (e.target.value) n.comment = e.target.value; else delete n.comment; })} />
      </label>
    </div>
  );
}

function JsonField({ label, value, onChange }) {
  const [text, setText] = useState(JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState(null);
  useEffect(() => { setText(JSON.stringify(value ?? {}, null, 2)); }, [JSON.stringify(value)]);
  return (
    <label className="field field-json"><span>{label}</span>
      <textarea rows={8} value={text} spellCheck={false} onChange={e => {
        setText(e.target.value);
        try { onChange(JSON.parse(e.target.value)); setError(null); } catch (err) { setError(err.message); }
      }} />
      {error && <span className="error">{error}</span>}
    </label>
  );
}

function NameList({ label, items, onAdd, onRemove, extra, below }) {
  const [name, setName] = useState('');
  return (
    <div className="field"><span>{label}</span>
      <ul className="name-list">{(items || []).map((it, i) => (
        <li key={i}>{it.name}{extra ? extra(it, i) : ''} <button onClick={() => onRemove(i)} title="remove">×</button>{below && below(it, i)}</li>))}</ul>
      <input placeholder={'new ' + label.toLowerCase().replace(/s$/, '')} value={name} onChange={e => setName(e.target.value)}
        onKeyDown={e => { if (e.key === 'Enter' && name.trim()) { onAdd(name.trim()); setName(''); } }} />
    </div>
  );
}

// A variable's types and the initial value each has when `initial` is left out (project-format.md).
const VARIABLE_DEFAULTS = { string: '""', number: '0', boolean: 'false', json: 'null' };

/** A variable's type (a new type drops the old initial value) and initial value. */
function VariableEditor({ variable, onChange }) {
  return (
    <span className="variable-editor">
      {' : '}
      <select name={'var-type-' + variable.name} value={variable.type} onChange={e => onChange(v => { v.type = e.target.value; delete v.initial; })}>
        {Object.keys(VARIABLE_DEFAULTS).map(t => <option key={t}>{t}</option>)}
      </select>
      {' = '}
      <ValueField name={'var-initial-' + variable.name} type={variable.type} value={variable.initial} placeholder={VARIABLE_DEFAULTS[variable.type]}
        onChange={value => onChange(v => { if (value === undefined) delete v.initial; else v.initial = value; })} />
    </span>
  );
}

// The types a function's port may have (the format's schema: not `any`, not `pulse`).
const PORT_TYPES = ['string', 'number', 'boolean', 'json'];

/** A function's inputs or outputs: each port's type (a list) and a remove button; a new one by name (Enter). */
function PortList({ fn, side, onChange }) {
  const [name, setName] = useState('');
  const ports = fn[side] || [];
  const edit = change => onChange(f => { f[side] = [...(f[side] || [])]; change(f[side]); });
  return (
    <div className="port-list"><span className="muted">{side}</span>
      {ports.map((port, i) => (
        <span key={i} className="port">{port.name}{' : '}
          <select name={'fn-' + fn.name + '-' + side + '-' + port.name} value={port.type}
            onChange={e => edit(list => { list[i] = { ...list[i], type: e.target.value }; })}>
            {PORT_TYPES.map(t => <option key={t}>{t}</option>)}
          </select>
          <button onClick={() => edit(list => list.splice(i, 1))} title="remove">×</button>
        </span>))}
      <input name={'fn-' + fn.name + '-new-' + side} placeholder={'new ' + side.replace(/s$/, '')} value={name} onChange={e => setName(e.target.value)}
        onKeyDown={e => { if (e.key === 'Enter' && name.trim()) { edit(list => list.push({ name: name.trim(), type: 'number' })); setName(''); } }} />
    </div>
  );
}

export function ProjectPanel({ project, catalogue, onChange }) {
  const logicList = (key, make) => ({
    items: (project.logic || {})[key],
    onAdd: name => onChange(p => { p.logic = p.logic || {}; p.logic[key] = [...(p.logic[key] || []), make(name)]; }),
    onRemove: i => onChange(p => { p.logic[key].splice(i, 1); if (!p.logic[key].length) delete p.logic[key]; }),
  });
  return (
    <div className="panel-section">
      <h3>Project</h3>
      <label className="field"><span>name</span>
        <input name="project-name" value={project.name || ''} onChange={e => onChange(p => { p.name = e.target.value; })} /></label>
      <label className="field"><span>description</span>
        <input value={project.description || ''} onChange={e => onChange(p => { if (e.target.value) p.description = e.target.value; else delete p.description; })} /></label>
      <h4>Plugins</h4>
      {(catalogue ? catalogue.plugins : []).filter(pl => pl.canBeDisabled).map(pl => (
        <label key={pl.id} className="field field-inline">
          <input type="checkbox" name={'plugin-' + pl.id} checked={((project.plugins || {})[pl.id] || {}).enabled !== false} onChange={e => onChange(p => {
            p.plugins = p.plugins || {};
            if (e.target.checked) { delete p.plugins[pl.id]; if (!Object.keys(p.plugins).length) delete p.plugins; }
            else p.plugins[pl.id] = { enabled: false };
          })} /> {pl.id}
        </label>
      ))}
      <h4>Settings</h4>
      {(catalogue ? catalogue.plugins : []).filter(pl => pl.id !== 'core' && pl.enabled).map(pl => (
        <JsonField key={pl.id} label={pl.id + ' (connections, servers…)'} value={(project.settings || {})[pl.id]}
          onChange={v => onChange(p => { p.settings = p.settings || {}; p.settings[pl.id] = v; })} />
      ))}
      <NameList label="Variables" {...logicList('variables', name => ({ name, type: 'number', initial: 0 }))}
        extra={(v, i) => <VariableEditor variable={v} onChange={edit => onChange(p => edit(p.logic.variables[i]))} />} />
      <NameList label="Scenes" {...logicList('scenes', name => ({ name, nodes: [], links: [] }))} />
      <NameList label="Functions" {...logicList('functions', name => ({ name, inputs: [], outputs: [], nodes: [], links: [] }))}
        below={(f, i) => ['inputs', 'outputs'].map(side => (
          <PortList key={side} fn={f} side={side} onChange={edit => onChange(p => edit(p.logic.functions[i]))} />))} />
      <label className="field"><span>start scene</span>
        <select value={(project.logic || {}).startScene || ''} onChange={e => onChange(p => { p.logic = p.logic || {}; if (e.target.value) p.logic.startScene = e.target.value; else delete p.logic.startScene; })}>
          <option value="">(the first scene)</option>
          {((project.logic || {}).scenes || []).map(s => <option key={s.name}>{s.name}</option>)}
        </select></label>
    </div>
  );
}
