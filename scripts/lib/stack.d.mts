/** Types for scripts/lib/stack.mjs (the local pipeline runner). */
import type { DemoRoute } from "../../demo/server.mjs";

export const ROOT: string;
export function wranglerEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function applyMigrations(persistTo: string): void;

export interface StackStats {
  version: string;
  articles: Record<string, number>;
  facts: number;
  people: number;
}

export interface Stack {
  origin: string;
  demoOrigin: string;
  pid: number;
  stop(): Promise<void>;
  fireCron(): Promise<void>;
  stats(): Promise<StackStats>;
  waitForDrain(opts?: { min?: number; timeoutMs?: number }): Promise<StackStats>;
}

export function startStack(opts?: {
  port?: number;
  demoPort?: number;
  persistTo?: string;
  vars?: Record<string, string>;
  routes?: DemoRoute[];
  log?: (s: string) => void;
  migrate?: boolean;
}): Promise<Stack>;
/** A TCP port free on loopback right now. */
export function freePort(): Promise<number>;
export function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs?: number): Promise<void>;
export function ensureDir(p: string): string;
