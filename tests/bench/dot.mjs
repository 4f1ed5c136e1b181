// The dot half of `cargo xtask bench --only layout`: lays out each DOT file given on the
// command line with Graphviz dot (WebAssembly, @hpcc-js/wasm-graphviz) and prints one JSON
// line per file: {"file", "ms", "nodes", "ranks", "tracks": [{"first_layer", "along"}]}.
// A track is where an edge passes each rank from its tail's to its head's, measured along
// the rank (x): the end nodes' centres, and where the edge's spline meets each rank between.
// xtask counts crossings on these tracks with console-core's count_crossings, the same
// function that counts ours. `--runs N` times N layouts (median); the first one is kept.
import { readFileSync } from "node:fs";
import { Graphviz } from "@hpcc-js/wasm-graphviz";

const args = process.argv.slice(2);
let runs = 1;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else files.push(args[i]);
}

const point = (s) => s.split(",").map(Number);

// Cubic Bézier pieces of dot's "pos": an optional "e,x,y"/"s,x,y" arrow point, then
// p0 (c1 c2 p)+.
function pieces(pos) {
  const pts = pos.split(/\s+/).filter((t) => t && !t.startsWith("e,") && !t.startsWith("s,")).map(point);
  const out = [];
  for (let i = 0; i + 3 < pts.length; i += 3) out.push(pts.slice(i, i + 4));
  return out;
}

function bezier(p, t) {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return [a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0], a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1]];
}

// x where the spline meets height y, by bisection on the piece whose ends straddle y
// (dot's splines run monotonically from rank to rank); NaN if none does.
function xAt(ps, y) {
  for (const p of ps) {
    const y0 = p[0][1], y1 = p[3][1];
    if ((y0 - y) * (y1 - y) > 0) continue;
    let lo = 0, hi = 1;
    const down = y1 < y0;
    for (let k = 0; k < 50; k++) {
      const mid = (lo + hi) / 2;
      const my = bezier(p, mid)[1];
      if ((my > y) === down) lo = mid; else hi = mid;
    }
    return bezier(p, (lo + hi) / 2)[0];
  }
  return NaN;
}

const gv = await Graphviz.load();
for (const file of files) {
  const dot = readFileSync(file, "utf8");
  const times = [];
  let json = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const out = gv.layout(dot, "json0", "dot");
    times.push(performance.now() - t0);
    if (json === null) json = out;
  }
  times.sort((a, b) => a - b);
  const g = JSON.parse(json);
  const nodes = (g.objects || []).filter((o) => typeof o.pos === "string");
  const byGvid = new Map(nodes.map((o) => [o._gvid, point(o.pos)]));
  // Ranks top to bottom: dot's y grows upwards, every node of a rank shares its y.
  const ys = [...new Set(nodes.map((o) => point(o.pos)[1]))].sort((a, b) => b - a);
  const rankOf = new Map(ys.map((y, i) => [y, i]));
  const tracks = [];
  for (const e of g.edges || []) {
    const t = byGvid.get(e.tail), h = byGvid.get(e.head);
    if (!t || !h) continue;
    const rt = rankOf.get(t[1]), rh = rankOf.get(h[1]);
    const ps = pieces(e.pos || "");
    const along = [t[0]];
    for (let r = rt + 1; r < rh; r++) along.push(xAt(ps, ys[r]));
    along.push(h[0]);
    tracks.push({ first_layer: rt, along });
  }
  console.log(JSON.stringify({ file, ms: times[Math.floor(times.length / 2)], nodes: nodes.length, ranks: ys.length, tracks }));
}
