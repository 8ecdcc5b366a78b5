// The page's state and its live channel: the project being edited (with undo/redo), the loader's
// problems and the toolbox for it (asked again after each change), save with the on-disk check,
// and the run with its live state. The Java side holds every rule; the page only asks.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { applyBatch, emptyLive } from './live.js';
import { clone } from './model.js';

const token = new URLSearchParams(location.search).get('token') || '';
const ask = (socket, command, args) => new Promise(resolve => socket.emit(command, args, resolve));
// The connection starts while the page's script is still being run, not after React's first render:
// the open is the page's first wait.
let early = io('/studio', { auth: { token }, transports: ['websocket'] });
// Asked at once (sent as the namespace is joined), so the answer is on its way while React renders.
let earlyOpen = new Promise(resolve => early.emit('open', {}, resolve));
let earlyError = null; // a refusal that came before the hook listened
early.on('connect_error', e => { earlyError = e; });

export function useStudio() {
  const socketRef = useRef(null);
  const [status, setStatus] = useState('connecting');
  const [file, setFile] = useState('');
  const [history, setHistory] = useState({ past: [], present: null, future: [] });
  const [savedText, setSavedText] = useState(null);
  const versionRef = useRef(null); // the file's version this tab edits from (see `save`)
  const checkedText = useRef(null); // the text the loader's last answer is for, while it is shown
  const [problems, setProblems] = useState([]);
  // The loader's pins per node, for the project text they were worked out for ({text, byNode}).
  const [signatures, setSignatures] = useState({ text: null, byNode: {} });
  const [catalogue, setCatalogue] = useState(null);
  const catalogueKey = useRef(null);
  catalogueKey.current = catalogue ? catalogue.key : null;
  const [running, setRunning] = useState(false);
  const [live, setLive] = useState(emptyLive());
  const [notice, setNotice] = useState(null);
  const [debug, setDebug] = useState({ state: 'stopped', breakpoints: [] });
  const project = history.present;
  const text = useMemo(() => (project ? JSON.stringify(project) : null), [project]);

  useEffect(() => {
    // The early connection serves the first mount; a remount (React's strict mode, tests) opens its own.
    const fromEarly = early !== null;
    const socket = early || io('/studio', { auth: { token }, transports: ['websocket'] });
    early = null;
    let opening = fromEarly ? earlyOpen : null; // the first connection's open, asked already
    earlyOpen = null;
    socketRef.current = socket;
    const onConnect = async () => {
      setStatus('connected');
      const asked = opening || ask(socket, 'open', {});
      opening = null;
      const opened = await asked;
      if (!opened.ok) { setNotice(opened.error); return; }
      const present = JSON.parse(opened.text);
      const compact = JSON.stringify(present);
      setFile(opened.file);
      versionRef.current = opened.version;
      checkedText.current = compact; // the open's answer is the check of this text: no need to ask again
      setHistory({ past: [], present, future: [] });
      setSavedText(compact);
      setProblems(opened.problems);
      setSignatures({ text: compact, byNode: opened.signatures || {} });
      setCatalogue(opened.catalogue);
      setRunning(opened.running);
      if (opened.debug) setDebug(opened.debug);
    };
    socket.on('connect', onConnect);
    socket.on('connect_error', e => setStatus('refused: ' + e.message));
    if (socket.connected) onConnect();
    else if (fromEarly && earlyError) setStatus('refused: ' + earlyError.message);
    socket.on('disconnect', reason => setStatus('disconnected (' + reason + ')'));
    socket.on('runState', s => setRunning(s.state === 'running'));
    socket.on('debug', setDebug);
    socket.on('trace', batch => setLive(l => applyBatch(l, batch)));
    return () => socket.close();
  }, []);

  // Ask the loader about every change (the last one wins).
  useEffect(() => {
    if (!text || !socketRef.current || text === checkedText.current) return undefined;
    checkedText.current = null;
    let current = true;
    const timer = setTimeout(async () => {
      // The catalogue comes back only when the plugin switches changed it.
      const checked = await ask(socketRef.current, 'check', { text, catalogue: catalogueKey.current });
      if (current && checked.ok) {
        // Unchanged answers keep their objects, so that nothing is drawn again for them.
        setProblems(p => (JSON.stringify(p) === JSON.stringify(checked.problems) ? p : checked.problems));
        if (checked.catalogue) setCatalogue(checked.catalogue);
        setSignatures(old => (JSON.stringify(old.byNode) === JSON.stringify(checked.signatures)
          ? { text, byNode: old.byNode } : { text, byNode: checked.signatures || {} }));
      }
    }, 150);
    return () => { current = false; clearTimeout(timer); };
  }, [text]);

  /** Changes the project through `edit(copy)`; one undo step. */
  const change = useCallback(edit => setHistory(h => {
    const next = clone(h.present);
    edit(next);
    return { past: [...h.past.slice(-199), h.present], present: next, future: [] };
  }), []);
  const undo = useCallback(() => setHistory(h => (h.past.length
    ? { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] } : h)), []);
  const redo = useCallback(() => setHistory(h => (h.future.length
    ? { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) } : h)), []);

  const save = useCallback(async () => {
    if (text === savedText) return; // nothing changed: as the disabled Save button
    let answer = await ask(socketRef.current, 'save', { text, base: versionRef.current });
    if (!answer.ok && answer.conflict) {
      if (!window.confirm(answer.error + '. Overwrite it with the project as shown here?')) {
        setNotice('not saved: ' + answer.error);
        return;
      }
      answer = await ask(socketRef.current, 'save', { text, force: true });
    }
    if (answer.ok) {
      versionRef.current = answer.version;
      setSavedText(text);
      setNotice('saved ' + file);
    } else setNotice('not saved: ' + answer.error);
  }, [text, savedText, file]);

  const command = useCallback(async name => {
    if (name !== 'stop') setLive(emptyLive());
    const answer = await ask(socketRef.current, name, { text });
    setNotice(answer.ok ? null : answer.error);
  }, [text]);

  /** A command with its answer, for the debugger's parts of the page. */
  const askStudio = useCallback((name, args) => ask(socketRef.current, name, args || {}), []);

  // Pins from the loader only for the text shown now (until its answer, the page works them out itself).
  const loaderPins = signatures.text === text ? signatures.byNode : null;
  return { debug, ask: askStudio, status, file, project, problems, loaderPins, catalogue, running, live, setLive, notice, setNotice,
    dirty: text !== savedText, change, undo, redo, save, command, canUndo: history.past.length > 0, canRedo: history.future.length > 0 };
}
