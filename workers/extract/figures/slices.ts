import { lazy } from "../text/lazy";
import type { Part } from "../types";
import type { MemberMention } from "./members";
import { familyMetric, metricFamily } from "./metrics";
import type { Quantity } from "./quantities";

/**
 * Which slice member, if any, each figure of a sentence is about. The rules follow how the three
 * languages attach a subject to a figure:
 * 1. the member nearest before the figure in its clause ("khách quốc tế đạt 3,2 triệu lượt", "exports to the
 *    US reached $5bn", "sektor jasa tumbuh 5%"); text in brackets is an aside and names no subject, and a
 *    member inside a partner frame ("thị trường khách quốc tế lớn nhất") describes the partner, not the figure;
 * 2. else a member right after the figure: the noun a count counts ("2,6 triệu lượt khách quốc tế", "19 new
 *    FDI projects") or one introduced by a preposition ("$17m from new projects", "USD 2bn ke Jepang");
 * 3. else the members listed before "lần lượt / respectively / masing-masing", paired in order with the
 *    figures of each unit after it;
 * 4. else, when the figure continues the previous one's clause ("đạt 5 tỷ USD, tăng 4%", "(tăng 20%)"), that
 *    figure's member.
 * Countries and regions are members only where the sentence casts them as partners (see marketContext).
 */
export interface SliceLink {
  member: MemberMention;
  /** The second place of "từ Trung Quốc và Hàn Quốc": one figure for both ("CN+KR"). */
  joined?: string;
}

// Folded words that close a clause before a figure.
const CLAUSE_BREAK = /[;:!?]|,(?!\d)|\.\s|\s-\s|\s–\s/;
// Words that keep the previous figure's subject ("đạt 5 tỷ USD, tăng 4%"); anything else starts a new one.
const CONTINUATION = lazy(
  () =>
    new Set(
      (
        "dat tang giam chiem uoc tuong duong bang gap vuot so voi va con nhung dong thoi len xuong muc o la khoang hon gan tren duoi " +
        "tinh cung ky nam truoc du toan ke hoach ngoai thang quy nay lan luot tuong ung dat duoc sut nho nhat lon cao thap hon mot chut con so " +
        "up down rising rose rise increase increased increasing decrease decreased decreasing fell falling and or of to from with while " +
        "which reaching reached accounting accounted representing at by a an the year on year-on-year compared same period last " +
        "respectively grew growing growth surged jumped dropped declined decline declines slipped climbed expanded amounting amounted " +
        "naik turun atau dan mencapai sebesar dengan menjadi meningkat menurun tumbuh yang sementara itu dibandingkan periode sama " +
        "tahun lalu sebelumnya kenaikan penurunan atau sekitar lebih dari hampir setara senilai persen yoy total " +
        "versus vs against compared higher lower than last year's expansion dibanding dibandingkan daripada cao thap per cent for making recording registering posting posted seeing saw revenue revenues " +
        "von so tong capital investment registered modal nilai dang ky dau tu target targets plan annual yearly rencana anggaran"
      ).split(" "),
    ),
);
// Verbs of change in any form ("surging", "increases", "meningkat", "melonjak").
const CHANGE_STEM =
  /^(?:ris|rose|increas|decreas|grow|grew|fall|fell|declin|drop|surg|jump|climb|gain|expand|contract|slip|shrank|shrink|edg|accelerat|slow|registering|recording|marking|total|tang|giam|naik|turun|tumbuh|mening|menur|melonj|merosot|anjlok|bertambah|berkurang)/;
// Before a place: it is a destination, an origin or a nationality ("sang Mỹ", "từ châu Á", "khách Hàn Quốc",
// "to the US", "from Japan", "ke Jepang", "wisatawan China") — folded, up to the place.
const MARKET_BEFORE =
  /(?:\b(?:sang|toi|vao|den tu|tu|thi truong|khach|du khach|nha dau tu|doi tac|to|from|into|of|ke|dari|asal|pasar|wisatawan|turis|investor|mitra|negara|kawasan|khu vuc|nuoc|cac nuoc|market|markets|in)\s+(?:the\s+|cac\s+|thi truong\s+|kawasan\s+|khu vuc\s+|nuoc\s+)?)$/;
// After a place: a nationality or a market noun ("Korean tourists", "the US market").
const MARKET_AFTER =
  /^(?:'s)?\s+(?:market|markets|tourists|visitors|arrivals|investors|buyers|importers|holidaymakers|travellers|travelers)\b/;
// A place ranked or credited with the figure: "Trung Quốc với 1,36 triệu", "China dengan 24,4 miliar", "Japan, with $1bn",
// "Jepang USD 2,6 miliar", "Amerika Serikat yang mencapai USD 1,9 miliar" (folded, from the place's end to the figure).
const CREDITED =
  /^(?:\s*\([^)]*\))?[\s,]*(?:(?:\(|la|voi|dat|dat hon|dat gan|with|at|on|reached|totalling|totaling|dengan|sebesar|senilai|yang mencapai|mencapai|yang|nilai|dengan nilai|hon|gan|khoang|tren|more than|over|nearly|about|around|some|lebih dari|hampir|sekitar|usd|us\$|\$|rp|vnd)\s*)*$/;
// A partner frame in the sentence: places in it are partners, not the figure's subject.
const PARTNER_FRAME =
  /\b(?:thi truong|nha dau tu|doi tac|ban hang|market|investor|investors|buyer|importer|exporter|partner|supplier|source|pasar|pengimpor|pengekspor|mitra|negara tujuan|investor asal|diikuti|disusul|followed by|tiep theo|tiep den|dan dau|dung thu|xep thu|thu hai|thu ba|lon nhat|largest|biggest|second|third|terbesar|paling besar|sumber|kedua|ketiga|top)\b/;
// A member after "thị trường / market" describes a partner ("thị trường khách quốc tế lớn nhất").
const FRAME_NOUN_BEFORE = /\b(?:thi truong|market|pasar)\s+$/;
// Enumeration markers.
const RESPECTIVELY = /\b(?:lan luot|tuong ung|respectively|masing-masing|masing masing|berturut-turut)\b/;
// Words that introduce a member after a figure.
const INTRODUCER =
  /^\s*(?:[a-z]+\s+){0,2}?(?:(?:tu|cua|cho|sang|vao|toi|boi|thong qua|qua|from|to|into|of|for|in|by|through|via|ke|dari|untuk|bagi|oleh|melalui)\s+)/;

/**
 * Links each figure of a sentence to the member it is about, or null (see the rules above).
 * `folded` is the sentence folded by foldKeepingPositions; `members` its members (findMembers).
 */
export function linkSlices(folded: string, qs: readonly Quantity[], members: readonly MemberMention[]): Array<SliceLink | null> {
  const partnerFrame = PARTNER_FRAME.test(folded);
  const usable = members.filter((m) => !FRAME_NOUN_BEFORE.test(folded.slice(Math.max(0, m.start - 14), m.start)) || m.place);
  const out: Array<SliceLink | null> = qs.map(() => null);
  const list = respectively(folded, qs, usable);

  qs.forEach((q, i) => {
    const prevEnd = i > 0 ? qs[i - 1].markEnd : 0;
    // "A và B lần lượt tăng 5% và 7%" (rule 3 first: the members stand in one list before the figures).
    const listed = list.get(i);
    if (listed) {
      out[i] = { member: listed };
      return;
    }
    // A member a preposition hangs on the previous figure is that figure's ("$700m from existing projects … and $500m").
    // (A count's noun stays the subject of what follows: "92 new projects with a total investment of $1bn".)
    const taken = i > 0 && qs[i - 1].unit !== "count" ? memberAfter(folded, qs[i - 1], q, usable) : null;
    const head = usable.filter((m) => m !== taken && m.end <= q.start && m.start >= prevEnd && !insideBrackets(folded, m.start, q.start));
    // 1. The nearest member before the figure in its clause.
    for (let k = head.length - 1; k >= 0; k--) {
      const m = head[k];
      const gap = folded.slice(m.end, q.start);
      let market = m.place ? isMarket(folded, m, q, partnerFrame) : null;
      // "…asal Korea 515 ribu kunjungan; Tiongkok 507 ribu kunjungan; AS 283 ribu": an item of a list of markets
      // opens its clause with the place and its figure, in the frame of the market before it.
      if (m.place && !market && i > 0 && out[i - 1]?.member.dimension === "market" && listItem(folded, m, q)) market = "market";
      if (m.place && !market) continue;
      // "from the FDI sector, up 4%": after a comma only the change of the member may follow.
      // "computers – 7.4 billion USD": a dash right before the figure links an item to its value; ", including
      // crude oil, of 54.9 billion USD": an aside opened by "including" names no new subject.
      // ", yakni 44,9 miliar" / ", namely $5bn" / ", tức là 5 tỷ": the comma opens the value itself, not a new clause.
      const bare = gap
        .replace(/,\s*(?:including|bao gom|termasuk|gom ca|excluding)\b[^,;]*,/g, " ")
        .replace(/\s[-–—]\s*$/, " ")
        .replace(
          /,\s*(?:yakni|yaitu|namely|that is|i\.e\.|tuc la|cu the la)\s*(?:(?:sekitar|about|around|khoang|hon|over|more than|lebih dari)\s*)?(?:us)?[$€£]?\s*$/,
          " ",
        );
      if (bare !== gap && !CLAUSE_BREAK.test(bare.replace(/\([^)]*\)/g, ""))) {
        out[i] = link(folded, m, usable, q.start);
        return;
      }
      const afterComma = gap.slice(gap.indexOf(",") + 1);
      const changeOnly =
        /^[^;:]*,\s*[^,;:]*$/.test(gap) &&
        continues(afterComma) &&
        afterComma.split(/\s+/).some((w) => CHANGE_STEM.test(w) || /^(?:up|down)$/.test(w));
      const broken = CLAUSE_BREAK.test(gap.replace(/\([^)]*\)/g, "")) && !changeOnly;
      if (broken && market !== "subject" && !(m.place && CREDITED.test(gap))) continue;
      out[i] = link(folded, m, usable, q.start);
      return;
    }
    // 2. A member right after the figure.
    const after = memberAfter(folded, q, qs[i + 1], usable);
    if (after) {
      out[i] = link(folded, after, usable, qs[i + 1]?.start ?? folded.length);
      return;
    }
    // 4. The previous figure's member, when this figure continues its clause.
    // (A count's noun is no new subject: "256 dự án với số vốn đạt 196,2 triệu USD".)
    const gapFrom =
      qs[i - 1]?.unit === "count"
        ? qs[i - 1].markEnd +
          (/^\s*(?:[a-z]+\s+){0,3}?(?=voi|with|dengan|for|co|worth|senilai)/.exec(folded.slice(qs[i - 1].markEnd))?.[0].length ?? 0)
        : (qs[i - 1]?.markEnd ?? 0);
    if (i > 0 && out[i - 1] && continues(folded.slice(gapFrom, q.markStart))) {
      out[i] = out[i - 1];
      return;
    }
    // "reached 19.2 trillion, accounting for 12.8 per cent of the total and growing by 15 per cent": past a
    // share that is no slice, the clause goes on with the last slice.
    const lastLinked = out.findLastIndex((o, j) => j < i && o !== null);
    if (lastLinked >= 0 && lastLinked < i - 1 && continues(folded.slice(qs[lastLinked].markEnd, q.markStart))) {
      out[i] = out[lastLinked];
      return;
    }
    // 5. "…domestic visitors reached 187,000 in December, up 3%; in the fourth quarter, an estimated 546,000": a
    // clause after ";" that names only a period and a verb goes on with the last slice of the same unit.
    const k = out.findLastIndex((o, j) => j < i && o !== null && qs[j].unit === q.unit);
    if (k >= 0 && periodOnlyClause(folded.slice(qs[k].markEnd, q.markStart))) out[i] = out[k];
  });
  return out;
}

/** A place is a market of figure q when a preposition, a market noun or a partner frame says so. */
function isMarket(folded: string, m: MemberMention, q: Quantity, partnerFrame: boolean): "market" | "subject" | null {
  if (MARKET_BEFORE.test(folded.slice(Math.max(0, m.start - 24), m.start))) return "market";
  if (MARKET_AFTER.test(folded.slice(m.end, m.end + 24))) return "market";
  if (!partnerFrame) return null;
  // "Hàn Quốc là thị trường khách quốc tế lớn nhất, ước đạt 810.000 lượt": the partner is the sentence's subject.
  const clause =
    folded
      .slice(0, m.start)
      .split(/,(?!\d)|;/)
      .at(-1) ?? "";
  const lead = clause.split(/\s+/).filter(Boolean);
  if (lead.length <= 2 && !/[;]|\.\s/.test(folded.slice(m.end, q.start))) return "subject";
  return CREDITED.test(folded.slice(m.end, q.start)) ? "market" : null;
}

/** A place that opens a list item (after ";", "," or "and") and stands right before its figure. */
function listItem(folded: string, m: MemberMention, q: Quantity): boolean {
  const before = folded.slice(Math.max(0, m.start - 8), m.start);
  return (
    /(?:[;,]|\b(?:dan|and|va|serta))\s*$/.test(before) &&
    /^\s*(?:[:–-]\s*)?(?:(?:with|dengan|voi|dat|mencapai|reached)\s+)?(?:(?:sekitar|about|khoang|hon|over|lebih dari)\s+)?(?:us)?[$]?\s*$/.test(
      folded.slice(m.end, q.start),
    )
  );
}

/** Whether the member starting at `from` stands in an aside, a bracket closed before the figure at `at`. */
function insideBrackets(folded: string, from: number, at: number): boolean {
  const open = folded.lastIndexOf("(", from);
  return open >= 0 && folded.lastIndexOf(")", from) < open && folded.slice(from, at).includes(")");
}

/** The member standing right after figure q: a count's noun, or one a preposition introduces (up to the next clause). */
function memberAfter(folded: string, q: Quantity, next: Quantity | undefined, members: readonly MemberMention[]): MemberMention | null {
  let limit = Math.min(folded.length, q.markEnd + 70, next && next.unit === q.unit ? next.start : folded.length);
  const brk = folded.slice(q.markEnd).search(/[;:!?]|,\s|\.\s/);
  if (brk >= 0) limit = Math.min(limit, q.markEnd + brk);
  for (const m of members) {
    if (m.start < q.markEnd || m.start >= limit) continue;
    const gap = folded.slice(q.markEnd, m.start);
    // "2,6 triệu lượt khách quốc tế", "19 new FDI projects": the noun counted.
    const countNoun = q.unit === "count" && gap.trim().split(/\s+/).filter(Boolean).length <= 3 && !/\d/.test(gap);
    // "from 19 new FDI projects", "ke Jepang", "to contributing capital": introduced by a preposition.
    const introduced = INTRODUCER.test(gap) && gap.split(/\s+/).filter(Boolean).length <= 5;
    const place = m.place && (countNoun || introduced || /\b(?:den tu|tu|sang|from|to|ke|dari)\s+(?:\S+\s+){0,2}$/.test(gap));
    if (m.place ? place : countNoun || introduced) return m;
  }
  return null;
}

/** The link for a member, joining a second place in "Trung Quốc và Hàn Quốc" ("CN+KR"). */
function link(folded: string, m: MemberMention, members: readonly MemberMention[], limit: number): SliceLink | null {
  if (!m.place) {
    if (m.dimension !== "component" && m.dimension !== "sector") return { member: m };
    // "new and existing projects": two components joined name the total of both, no slice (a commodity group
    // is named by several nouns: "electronics, computers and components").
    const joined = members.some(
      (o) =>
        o !== m &&
        !o.place &&
        o.dimension === m.dimension &&
        o.member !== m.member &&
        /^\s*(?:va|and|dan|&|,)\s*$/.test(o.end <= m.start ? folded.slice(o.end, m.start) : folded.slice(m.end, o.start)),
    );
    return joined && !RESPECTIVELY.test(folded) ? null : { member: m };
  }
  const next = members.find((o) => o.place && o.start > m.end && o.start < limit);
  if (next && /^\s*(?:va|and|dan|&)\s*$/.test(folded.slice(m.end, next.start))) return { member: m, joined: `${m.member}+${next.member}` };
  // "Trung Quốc và Hàn Quốc" read from the second place back to the first.
  const prev = [...members].reverse().find((o) => o.place && o.end <= m.start);
  if (prev && /^\s*(?:va|and|dan|&)\s*$/.test(folded.slice(prev.end, m.start)))
    return { member: prev, joined: `${prev.member}+${m.member}` };
  return { member: m };
}

/** Whether the text between two figures keeps the first one's subject. */
function continues(gap: string): boolean {
  if (/[;]/.test(gap)) return false;
  // "đạt 91,5% dự toán Trung ương giao (đạt 85,2% dự toán thành phố giao)": a bracket opened right before the
  // figure restates the one before it.
  const open = gap.lastIndexOf("(");
  if (open >= 0 && !gap.includes(")", open)) return continues(gap.slice(open + 1));
  // "… (đạt 92% dự toán thành phố giao) và tăng 8%": the rest of a bracket the figure before stood in.
  const close = gap.lastIndexOf(")");
  if (close >= 0 && gap.lastIndexOf("(", close) < 0) return continues(gap.slice(close + 1));
  // Only the last part matters: "… to the city's exports, increasing 4.4%" continues with a participle.
  const last = (gap.split(/,(?!\d)/).at(-1) ?? gap).replace(/['’]s\b/g, "");
  const words = last
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);
  return words.length <= 12 && words.every((w) => CONTINUATION().has(w) || CHANGE_STEM.test(w) || /^\d/.test(w));
}

const PERIOD_CLAUSE_WORD =
  /^(?:pada|dalam|selama|di|in|the|of|on|for|during|trong|vao|quy|kuartal|triwulan|quarter|bulan|thang|month|tahun|nam|year|i|ii|iii|iv|pertama|kedua|ketiga|keempat|first|second|third|fourth|last|final|this|nay|ini|diperkirakan|estimated|an|uoc|tinh|expected|du|kien|dat|mencapai|reached|was|were|stood|at|sekitar|about|khoang|around|nearly|gan|hampir|\d+)$/;

/** The words after the last ";" of a gap: a period, an estimate word and a verb, no subject of their own. */
function periodOnlyClause(gap: string): boolean {
  const cut = gap.lastIndexOf(";");
  if (cut < 0) return false;
  const words = gap
    .slice(cut + 1)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 10 && words.every((w) => PERIOD_CLAUSE_WORD.test(w));
}

/** "A và B, lần lượt tăng 5% và 7%": the members before the marker paired in order with each unit's figures after it. */
function respectively(folded: string, qs: readonly Quantity[], members: readonly MemberMention[]): Map<number, MemberMention> {
  const out = new Map<number, MemberMention>();
  const marker = RESPECTIVELY.exec(folded);
  if (!marker) return out;
  const before = members.filter((m) => m.end <= marker.index);
  // The members listed last before the marker: as many as the figures of the largest unit group.
  const byUnit = new Map<string, number[]>();
  qs.forEach((q, i) => {
    const list = byUnit.get(q.unit) ?? [];
    list.push(i);
    byUnit.set(q.unit, list);
  });
  for (const idx of byUnit.values()) {
    const figures = idx.filter((i) => !before.some((m) => m.start > qs[i].start));
    if (figures.length < 2 || before.length < figures.length) continue;
    const listed = before.slice(before.length - figures.length);
    figures.forEach((fi, k) => {
      out.set(fi, listed[k]);
    });
  }
  return out;
}

/**
 * The metric and slice of a figure linked to a member: the slice keeps the metric of the total it divides.
 * That total is the figure's own family when the member can divide it ("xuất khẩu của khu vực FDI đạt…"),
 * else the nearest family before it that the member can divide (`recent`, nearest first: the sentence, the
 * paragraph, the article — "Khu vực FDI đạt 590 triệu USD" in a paragraph on exports), else, for members
 * that belong to one family only (FDI components, kinds of retail or budget revenue, visitors), that family.
 * Null when no family fits: the member is then not a slice of a catalog total.
 */
export function sliceMetric(
  link: SliceLink,
  metric: string,
  unit: Quantity["unit"],
  growth: boolean,
  recent: readonly string[],
  cueInMember = false,
  countNoun: string | null = null,
  fdiContext = true,
): { metric: string; part: Part } | null {
  const { member } = link;
  const families = member.families as readonly string[];
  let own = metric !== "other" ? metricFamily(metric) : null;
  // The measure's words are the member's own ("khu vực FDI", "thu từ hoạt động xuất nhập khẩu"): they name no measure.
  if (own && !families.includes(own) && cueInMember) own = null;
  // In an article on FDI, the capital of new projects, added capital or share purchases is FDI capital, whatever
  // licensing cue named it ("cấp mới giấy chứng nhận … với tổng vốn đầu tư 288 triệu USD").
  if (own && CAPITAL_LICENSED.has(own) && families.includes("fdi_registered") && recent.includes("fdi_registered")) own = null;
  // A partner's rank among investors ("Singapore đứng thứ 2") ranks no total of the place.
  if (unit === "rank") return null;
  // A count of something else ("14 other foreign visitors" at a ceremony, "25 leading destinations in Asia") is no
  // slice of a count the paragraph is about: only a count of visits or people, or one no cue named, may take it.
  if (unit === "count" && metric === "other" && countNoun && !GENERIC_COUNT.test(countNoun)) return null;
  if (own) {
    // A count, share or rank of a family is a measure of its own ("92 new projects"): not a slice, but it may be
    // counted by market ("Nhật Bản … với 1.790 dự án cấp mới").
    if (metric !== own && familyMetric(own, "percent", true) !== metric)
      return member.dimension === "market" ? { metric, part: { dimension: "market", member: link.joined ?? member.member } } : null;
    // A figure of another measure keeps it.
    if (!families.includes(own)) return null;
  }
  const candidates = [...(own ? [own] : []), ...recent];
  // Components name their family outright, but FDI's (new, added, shares) only where FDI is the subject.
  const fdiComponent = families.includes("fdi_registered");
  if (OWN_FAMILY.has(member.dimension === "component" ? member.member : "") && (!fdiComponent || fdiContext)) candidates.push(...families);
  for (const fam of candidates) {
    if (!families.includes(fam)) continue;
    const m = own === fam && metric !== "other" ? metric : familyMetric(fam, unit, growth);
    if (!m) continue;
    return { metric: m, part: { dimension: member.dimension, member: link.joined ?? member.member } };
  }
  return null;
}
const GENERIC_COUNT =
  /^(?:luot|nguoi|orang|kunjungan|kedatangan|arrivals?|people|persons?|visits?|trips?|turis|wisatawan|khach|du khach|visitors?|tourists?|pengunjung)\b/;
const CAPITAL_LICENSED = new Set(["investment_capital_licensed", "fdi_capital_licensed"]);
// Components whose words name their family outright ("khách quốc tế", "góp vốn, mua cổ phần").
const OWN_FAMILY = new Set([
  "new",
  "added",
  "shares",
  "international",
  "domestic",
  "air",
  "road",
  "sea",
  "goods",
  "accommodation-food",
  "travel",
  "other-services",
  "import-export",
  "oil",
]);
