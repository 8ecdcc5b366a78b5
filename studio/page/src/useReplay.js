// Replay of a --trace file on the graph: play (at a speed, on the records' own clock), pause, scrub.
import { useEffect, useMemo, useState } from 'react';
import { parseTrace, replayTo } from './live.js';

const TICK_MS = 50;

export function useReplay() {
  const [state, setState] = useState(null);
  useEffect(() => {
    if (!state || !state.playing) return undefined;
    const timer = setInterval(() => setState(r => {
      if (!r || r.index >= r.records.length) return r && { ...r, playing: false };
      // the clock (ns, the records' `t`) moves by the tick times the speed; the records it reached show
      const clock = r.clock + TICK_MS * 1e6 * r.speed;
      let index = r.index;
      while (index < r.records.length && (r.records[index].t || 0) <= clock) index++;
      return { ...r, index, clock };
    }), TICK_MS);
    return () => clearInterval(timer);
  }, [state && state.playing]);
  const live = useMemo(() => (state ? replayTo(state.records, state.index) : null), [state && state.records, state && state.index]);
  const controls = {
    onOpen: async f => {
      try {
        const records = parseTrace(await f.text());
        setState({ name: f.name, records, index: 0, clock: 0, playing: false, speed: 1 });
      } catch (e) {
        setState({ name: f.name, records: [], index: 0, clock: 0, playing: false, speed: 1, error: e.message });
      }
    },
    onPlay: () => setState(r => ({ ...r, playing: true, index: r.index >= r.records.length ? 0 : r.index, clock: r.index >= r.records.length ? 0 : r.clock })),
    onPause: () => setState(r => ({ ...r, playing: false })),
    onScrub: index => setState(r => ({ ...r, index, playing: false, clock: index > 0 ? r.records[index - 1].t : 0 })),
    onSpeed: speed => setState(r => ({ ...r, speed })),
    onClose: () => setState(null),
  };
  return { state, live, controls };
}
