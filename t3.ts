import { extractFacts } from "./workers/extract/figures/facts";
import { findQuantities } from "./workers/extract/figures/quantities";
const s = process.argv[2]; const lang = process.argv[3] ?? "vi";
console.log(findQuantities(s, lang === "en" ? "dot" : "comma", lang).map((q) => [q.value, q.unit, q.currency, s.slice(q.markStart, q.markEnd)]));
for (const f of extractFacts(s, { lang, published: process.argv[4] ?? null })) console.log(f.metric, f.value, f.basis, f.part, f.period, f.geo);
