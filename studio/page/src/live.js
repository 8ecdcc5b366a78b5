// What the page shows of a run: per node its run count, last time, time spent (ns) and last error; per connection
// its state and reason; the messages sent and received and the lines printed (the last MAX of
// each). Fed by the live channel's batches, or by a trace file's records for replay.

const MAX = 500;

export const emptyLive = () => ({ nodes: {}, connections: {}, messages: [], printed: [], pulses: {}, pulseSerial: 0, dropped: 0 });

const keep = list => (list.length > MAX ? list.slice(list.length - MAX) : list);

function applyRecord(live, r) {
  switch (r.kind) {
    case 'node': {
      const n = live.nodes[r.node] || { count: 0, ns: 0 };
      live.nodes[r.node] = { ...n, count: n.count + 1, t: r.t, ns: (n.ns || 0) + (r.ns || 0) };
      break;
    }
    case 'pulse':
      live.pulses[r.from + '>' + r.to] = ++live.pulseSerial;
      break;
    case 'sent': case 'received':
      live.messages.push(r);
      break;
    case 'print':
      live.printed.push(r.line);
      break;
    case 'connection':
      // `started` (the session id) and `transport` (an upgrade) are news about an open connection, not states
      if (r.state === 'transport') live.connections[r.connection] = 'open' + (r.detail ? ' (' + r.detail + ')' : '');
      else if (r.state !== 'started') live.connections[r.connection] = r.state + (r.detail ? ' (' + r.detail + ')' : '');
      break;
    case 'error':
      if (r.node) live.nodes[r.node] = { ...(live.nodes[r.node] || { count: 0 }), error: r.message };
      live.printed.push('error: ' + (r.node ? r.node + ': ' : '') + r.message);
      break;
    case 'runStopped':
      live.printed.push('(run stopped, exit code ' + r.exitCode + ')');
      break;
    default:
  }
}

/** The live state after one batch of the live channel. */
export function applyBatch(previous, batch) {
  const live = { ...previous, nodes: { ...previous.nodes }, connections: { ...previous.connections }, pulses: { ...previous.pulses } };
  for (const [id, stat] of Object.entries(batch.nodes || {})) {
    const n = live.nodes[id] || { count: 0, ns: 0 };
    live.nodes[id] = { ...n, count: n.count + stat.count, t: stat.t, ns: (n.ns || 0) + (stat.ns || 0) };
  }
  for (const key of Object.keys(batch.pulses || {})) live.pulses[key] = ++live.pulseSerial;
  // the lists are copied once per batch (the records push onto the copies), then cut to the last MAX
  live.messages = [...previous.messages];
  live.printed = [...previous.printed];
  for (const r of batch.events || []) applyRecord(live, r);
  live.messages = keep(live.messages);
  live.printed = keep(live.printed);
  live.dropped += batch.dropped || 0;
  return live;
}

/** The state a trace file shows after its first `count` records (for replay and scrubbing). */
export function replayTo(records, count) {
  const live = emptyLive();
  for (let i = 0; i < count && i < records.length; i++) {
    const r = records[i];
    if (r.kind === 'print') continue;
    applyRecord(live, r);
  }
  live.messages = keep(live.messages);
  live.printed = keep(live.printed);
  // Only the pulses of the last few records travel: older ones are history.
  const recent = new Set(records.slice(Math.max(0, count - 5), count).filter(r => r.kind === 'pulse').map(r => r.from + '>' + r.to));
  for (const key of Object.keys(live.pulses)) if (!recent.has(key)) delete live.pulses[key];
  return live;
}

/** Parses a JSON Lines trace file; a bad line is reported with its number. */
export function parseTrace(text) {
  const records = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    try {
      records.push(JSON.parse(lines[i]));
    } catch (e) {
      throw new Error('line ' + (i + 1) + ' of the trace is not JSON: ' + e.message);
    }
  }
  return records;
}
