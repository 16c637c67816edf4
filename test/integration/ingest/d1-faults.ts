/**
 * A real D1 binding with a fault or a counter wrapped around it: every query still runs on the real
 * database, so a failed batch really rolls back. Statements are unwrapped before they reach the
 * real batch().
 */

export interface D1Log {
  /** Round trips: one per batch() and one per statement run on its own. */
  roundTrips: number;
  /** Statements per batch, in order. */
  batches: number[];
  events: string[];
}

export interface D1FaultOptions {
  /** Called before each batch with its size; return true to make that batch fail inside the transaction. */
  failBatch?: (size: number, index: number) => boolean;
  /** Called before every round trip; return true to throw as if D1 were unreachable. */
  unreachable?: (roundTrip: number) => boolean;
}

const RUNNERS = new Set(["first", "all", "run", "raw"]);

/** Wraps `d1` to count round trips and inject faults. */
export function faultyD1(d1: D1Database, opts: D1FaultOptions = {}): { db: D1Database; log: D1Log } {
  const log: D1Log = { roundTrips: 0, batches: [], events: [] };
  const real = new WeakMap<object, D1PreparedStatement>();
  const trip = () => {
    log.roundTrips++;
    if (opts.unreachable?.(log.roundTrips)) throw new Error("D1_ERROR: injected: database unreachable");
  };
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy: D1PreparedStatement = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args));
        const value = Reflect.get(target, prop, target);
        if (typeof prop === "string" && RUNNERS.has(prop) && typeof value === "function") {
          return (...args: unknown[]) => {
            trip();
            return value.apply(target, args);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    real.set(proxy, stmt);
    return proxy;
  };
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => wrapStatement(target.prepare(query));
      if (prop === "batch") {
        return async (stmts: D1PreparedStatement[]) => {
          const index = log.batches.length;
          log.batches.push(stmts.length);
          trip();
          const unwrapped = stmts.map((s) => real.get(s) ?? s);
          if (opts.failBatch?.(stmts.length, index)) {
            log.events.push(`batch ${index} failing`);
            // A statement that fails at run time, last: everything before it ran and must be rolled back.
            return target.batch([...unwrapped, target.prepare("INSERT INTO no_such_table (x) VALUES (1)")]);
          }
          const out = await target.batch(unwrapped);
          log.events.push(`batch ${index} committed (${stmts.length})`);
          return out;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, log };
}
