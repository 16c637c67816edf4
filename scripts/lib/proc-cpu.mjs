/**
 * CPU time (user + system) of this process's descendants, read from /proc (Linux): the workerd
 * processes `wrangler dev` runs, for the benches' CPU-per-article and CPU-per-request figures.
 * It counts all of workerd — both Workers and the local D1, R2 and queue emulation — so it is an
 * upper bound on what Cloudflare bills as the Workers' CPU time.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // CLK_TCK on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) };
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used so far by the processes under `root` (default: this process) whose name matches. */
export function descendantsCpuMs(match = /workerd/, root = process.pid) {
  const all = new Map();
  for (const d of readdirSync("/proc")) if (/^\d+$/.test(d)) all.set(Number(d), stat(d));
  const under = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === root) return true;
      p = all.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of all) if (s && pid !== root && match.test(s.name) && under(pid)) ticks += s.ticks;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
