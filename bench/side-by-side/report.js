#!/usr/bin/env node
// The side-by-side benchmark's bookkeeping (called by run.sh):
//   report.js --record OUT TIME INDEX CASE CANDIDATE REPEAT EXIT LOAD   -> one runs.jsonl line
//   report.js DIR                                                     -> markdown report of DIR
'use strict';

const fs = require('fs');
const path = require('path');

function record([out, time, index, kase, candidate, rep, code, load]) {
  let r;
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n').pop() : '';
  try {
    r = JSON.parse(text);
  } catch (e) {
    r = { ok: false, error: text ? `not one JSON line: ${text.slice(0, 120)}` : 'no output' };
  }
  if (Number(code) === 124) r.error = `killed after the run timeout (${r.error || 'no result'})`;
  if (Number(code) !== 0) r.ok = false;
  const t = fs.existsSync(time) ? fs.readFileSync(time, 'utf8').trim().split('\n').pop().split(' ') : [];
  const row = { index: Number(index), case: kase, candidate, rep: Number(rep), exit: Number(code), load: Number(load), result: r };
  if (t.length === 4 && t.every((x) => !Number.isNaN(Number(x)))) {
    row.proc = { wall_s: Number(t[0]), cpu_s: Number(t[1]) + Number(t[2]), max_rss_kb: Number(t[3]) };
  }
  process.stdout.write(JSON.stringify(row) + '\n');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => (x >= 1e5 ? `${(x / 1e3).toFixed(1)}k` : x >= 100 ? x.toFixed(0) : x.toFixed(2));
// headline of a result: a rate, or for connect the mean time of one connect (lower is better)
const headline = (kase, r) => (kase.startsWith('connect') ? r.mean_ms : r.rate);
const unit = (kase) => (kase.startsWith('connect') ? ' ms' : '/s');
const perOp = (r) => (r.client_cpu_ms === undefined ? undefined : (1000 * r.client_cpu_ms) / r.n);

function report(dir) {
  const rows = fs.readFileSync(path.join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const cases = [...new Set(rows.map((r) => r.case))];
  const candidates = [...new Set(rows.map((r) => r.candidate))];
  const baseline = candidates.includes('node-official') ? 'node-official' : candidates[0];
  const of = (kase, cand) => rows.filter((r) => r.case === kase && r.candidate === cand);
  const ok = (kase, cand) => of(kase, cand).filter((r) => r.result.ok);
  const mid = (kase, cand, f) => {
    const xs = ok(kase, cand).map((r) => f(r.result)).filter((x) => typeof x === 'number');
    return xs.length ? median(xs) : undefined;
  };
  const head = (title) => [`| ${title} | ${cases.map((c) => `${c} (N=${rows.find((r) => r.case === c).result.n ?? '?'})`).join(' | ')} |`, `|---|${cases.map(() => '---').join('|')}|`];
  const lines = ['# Side-by-side client benchmark', '', '```', fs.readFileSync(path.join(dir, 'meta.txt'), 'utf8').trim(), '```', ''];

  lines.push('## Headline (emit/push: events/s, ack: round trips/s, connect: mean ms per connection; median (min–max) of the ok runs)', '', ...head('candidate'));
  for (const cand of candidates) {
    const cells = cases.map((kase) => {
      const good = ok(kase, cand);
      if (!good.length) {
        const err = of(kase, cand).map((r) => r.result.error).find(Boolean) || 'no result';
        return `**FAIL**: ${err}`;
      }
      const xs = good.map((r) => headline(kase, r.result));
      let cell = `**${fmt(median(xs))}${unit(kase)}** (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
      if (kase.startsWith('ack')) cell += `<br>p50 ${fmt(mid(kase, cand, (r) => r.p50_us))} µs, p99 ${fmt(mid(kase, cand, (r) => r.p99_us))} µs`;
      const failed = of(kase, cand).length - good.length;
      return failed ? `${cell}<br>${failed} run(s) failed` : cell;
    });
    lines.push(`| ${cand} | ${cells.join(' | ')} |`);
  }

  lines.push('', `## Relative to ${baseline} (medians; > 1 = faster)`, '', ...head('candidate'));
  for (const cand of candidates.filter((c) => c !== baseline)) {
    const cells = cases.map((kase) => {
      const a = mid(kase, cand, (r) => headline(kase, r));
      const b = mid(kase, baseline, (r) => headline(kase, r));
      if (a === undefined || b === undefined) return '-';
      return `${(kase.startsWith('connect') ? b / a : a / b).toFixed(2)}×`;
    });
    lines.push(`| ${cand} | ${cells.join(' | ')} |`);
  }

  lines.push('', '## Client CPU per operation (µs, median of the measured phase; lower is cheaper)', '', ...head('candidate'));
  for (const cand of candidates) {
    lines.push(`| ${cand} | ${cases.map((kase) => { const x = mid(kase, cand, perOp); return x === undefined ? '-' : x.toFixed(1); }).join(' | ')} |`);
  }

  lines.push('', '## All runs', '', 'Elapsed, client and server CPU: the measured phase only. Peak RSS: the client process. Process wall/CPU: the whole process (start-up and warm-up included).', '');
  lines.push('| # | case | candidate | rep | load | ok | headline | elapsed ms | client CPU ms | server CPU ms | peak RSS MB | proc wall s | proc CPU s | threads started / GC ms | error |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const r = row.result;
    const h = r.ok ? `${fmt(headline(row.case, r))}${unit(row.case)}${row.case.startsWith('ack') ? `, p50/p99 ${r.p50_us}/${r.p99_us} µs` : ''}` : '-';
    const jvm = r.threads_started === undefined ? '-' : `${r.threads_started} / ${r.gc_ms}`;
    const rss = r.peak_rss_kb ? (r.peak_rss_kb / 1024).toFixed(0) : '-';
    const p = row.proc || {};
    lines.push(`| ${row.index} | ${row.case} | ${row.candidate} | ${row.rep} | ${row.load} | ${r.ok ? 'yes' : '**no**'} | ${h} | ${r.elapsed_ms ?? '-'} | ${r.client_cpu_ms ?? '-'} | ${r.server_cpu_ms ?? '-'} | ${rss} | ${p.wall_s ?? '-'} | ${p.cpu_s?.toFixed(2) ?? '-'} | ${jvm} | ${r.error ?? ''} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

const args = process.argv.slice(2);
if (args[0] === '--record' && args.length === 9) record(args.slice(1));
else if (args.length === 1) report(args[0]);
else {
  console.error('usage: report.js DIR | report.js --record OUT TIME INDEX CASE CANDIDATE REPEAT EXIT LOAD');
  process.exit(64);
}
