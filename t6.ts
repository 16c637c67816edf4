import { findPersonMentions } from "./workers/extract/entities/people";
import { findTitleSpans } from "./workers/extract/entities/title-lexicon";
import { normalizeVi } from "./workers/extract/entities/normalize";
const s = process.argv[2];
console.log(findTitleSpans(normalizeVi(s)).map((t) => s.slice(t.start, t.end)));
console.log(findPersonMentions(s, "vi"));
