/**
 * robots.txt as RFC 9309 reads it: the groups whose user-agent names the bot's product token (or
 * `*` when none does), their Allow/Disallow rules with `*` and `$`, the longest matching rule
 * winning and Allow winning a tie. /robots.txt itself is always allowed. `Crawl-delay` (not in the
 * RFC, but widely written) is read from the same groups: the bot's own group, else `*`.
 *
 * @example robotsVerdict("User-agent: *\nDisallow: /private/", "newsfactsbot", "/private/a.html")
 *          // { allowed: false, rule: "Disallow: /private/" }
 */

export interface RobotsVerdict {
  allowed: boolean;
  /** The rule that decided, as written ("Disallow: /x"), or null when no rule matched. */
  rule: string | null;
}

interface Rule {
  allow: boolean;
  pattern: string;
}

interface Group {
  agents: string[];
  rules: Rule[];
  /** Seconds asked between requests, when the group says so. */
  crawlDelay: number | null;
}

/** RFC 9309 asks crawlers to read at least 500 KiB; anything past that is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** The product token a robots.txt group names the bot by: "newsfactsbot/0.1 (+https://…)" → "newsfactsbot". */
export function botToken(userAgent: string): string {
  const m = /^[A-Za-z_-]+/.exec(userAgent.trim());
  return (m ? m[0] : userAgent).toLowerCase();
}

/** Splits robots.txt into user-agent groups; consecutive user-agent lines share one group. */
export function parseRobots(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    // An empty Disallow allows everything: it is no rule at all.
    if ((key === "allow" || key === "disallow") && value) current.rules.push({ allow: key === "allow", pattern: value });
    // "2", "0.5"; anything else ("soon", "-1", "2s") is not a delay we can read, so it is ignored.
    if (key === "crawl-delay" && /^\d+(\.\d+)?$/.test(value)) current.crawlDelay = Math.max(current.crawlDelay ?? 0, Number(value));
  }
  return groups;
}

/** The last text parsed: an article asks for its delay and its verdict from the same robots.txt. */
let lastParsed: { text: string; groups: Group[] } | null = null;

function parsedGroups(text: string): Group[] {
  if (lastParsed?.text !== text) lastParsed = { text, groups: parseRobots(text) };
  return lastParsed.groups;
}

/** The groups that apply to `token`: those naming it, else those for `*` (RFC 9309 §2.2.1). */
function groupsFor(groups: Group[], token: string): Group[] {
  const mine = groups.filter((g) => g.agents.some((a) => agentMatches(a, token)));
  return mine.length ? mine : groups.filter((g) => g.agents.includes("*"));
}

/**
 * The Crawl-delay, in seconds, that this robots.txt asks of `token`, or null when it asks none.
 * Several applicable groups: the longest delay.
 *
 * @example crawlDelaySeconds("User-agent: *\nCrawl-delay: 5\n\nUser-agent: newsfactsbot\nCrawl-delay: 1", "newsfactsbot") // 1
 */
export function crawlDelaySeconds(text: string, token: string): number | null {
  const delays = groupsFor(parsedGroups(text), token)
    .map((g) => g.crawlDelay)
    .filter((d): d is number => d !== null);
  return delays.length ? Math.max(...delays) : null;
}

/** Whether `pathAndQuery` (e.g. "/tin-tuc/a.html?id=2") may be fetched by `token` under this robots.txt. */
export function robotsVerdict(text: string, token: string, pathAndQuery: string): RobotsVerdict {
  if (pathAndQuery === "/robots.txt") return { allowed: true, rule: null };
  const applicable = groupsFor(parsedGroups(text), token);
  let best: Rule | null = null;
  for (const rule of applicable.flatMap((g) => g.rules)) {
    if (!patternMatches(rule.pattern, pathAndQuery)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best !== null && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  if (!best) return { allowed: true, rule: null };
  return { allowed: best.allow, rule: `${best.allow ? "Allow" : "Disallow"}: ${best.pattern}` };
}

function agentMatches(agent: string, token: string): boolean {
  if (agent === "*") return false;
  // "newsfactsbot/1.0" in a group still names the product token newsfactsbot.
  return agent.split("/")[0].trim() === token;
}

/** `*` matches any run of characters, a trailing `$` anchors the end; otherwise a prefix match. */
function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const normalized = normalizeEscapes(body);
  const target = normalizeEscapes(path);
  if (!normalized.includes("*")) return anchored ? target === normalized : target.startsWith(normalized);
  const re = new RegExp(`^${normalized.split("*").map(escapeRegExp).join(".*")}${anchored ? "$" : ""}`);
  return re.test(target);
}

/** Upper-cases percent escapes so "/caf%c3%a9" and "/caf%C3%A9" compare equal; encodes raw non-ASCII. */
function normalizeEscapes(s: string): string {
  return s.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
