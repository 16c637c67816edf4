/** A character trie: each key is the next character, "" marks the end of a word. */
type Trie = Map<string, Trie>;

const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A regex source that matches wherever one of `words` occurs, for existence tests ("does the sentence
 * hold any key word?"). The words are merged into a trie, so the engine tries each first character once
 * instead of every word at every position; a word that another word starts with makes the longer one
 * redundant, so only existence, not the matched text, is meaningful.
 *
 * @example new RegExp(anyOfPattern(["tháng", "the year", "this year"])).test("in this year") // true
 */
export function anyOfPattern(words: readonly string[]): string {
  const root: Trie = new Map();
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let next = node.get(c);
      if (!next) {
        next = new Map();
        node.set(c, next);
      }
      node = next;
    }
    node.set("", new Map());
  }
  return emit(root);
}

function emit(node: Trie): string {
  // A word ends here: any longer word through this node is matched already by its prefix.
  if (node.has("")) return "";
  const parts = [...node].map(([c, child]) => escapeChar(c) + emit(child));
  return parts.length === 1 ? parts[0] : `(?:${parts.join("|")})`;
}

/**
 * A regex source that matches the longest of `words` at a position, like an alternation sorted longest
 * first, but merged into a trie so the engine tries each first character once. `space` is the pattern a
 * space in a word stands for (default: a literal space).
 *
 * @example new RegExp(longestOfPattern(["ha noi", "ha nam"], "[^a-z0-9]+")).exec("tinh ha, nam")?.[0] // "ha, nam"
 */
export function longestOfPattern(words: readonly string[], space = " "): string {
  const root: Trie = new Map();
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let next = node.get(c);
      if (!next) {
        next = new Map();
        node.set(c, next);
      }
      node = next;
    }
    node.set("", new Map());
  }
  const emitLongest = (node: Trie): string => {
    const parts = [...node].filter(([c]) => c !== "").map(([c, child]) => (c === " " ? space : escapeChar(c)) + emitLongest(child));
    // A word ends here: its longer continuations first, then the end itself.
    if (node.has("")) parts.push("");
    if (parts.length === 1) return parts[0];
    return `(?:${parts.join("|")})`;
  };
  return emitLongest(root);
}
