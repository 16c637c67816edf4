/**
 * Generated articles in the shape the pipeline writes real ones, for benches at scale: vi/en/id,
 * 10–40 facts each (totals, slices with a part dimension and member, targets and forecasts, some
 * without a period, some of metric "other"), people with titles that change over the years, quotes,
 * events and countries, spread over twenty years of publication dates (2006–2025) and ten sources.
 *
 * Deterministic: article `i` depends only on `i` and the seed, so the first 1,000 articles of a
 * 100,000-article fill are the 1,000-article fill. The same figure recurs across articles (every
 * article about GRDP in 2023 reports the same value, give or take rounding), so observations gather
 * many sources as the corpus grows; about one key in twelve is contested (a second value circulates
 * in about a third of its articles) and becomes a conflict once both are reported.
 */

import { eventKey, personKey } from "../../schema/keys.ts";
import catalog from "../../workers/extract/figures/metrics.json" with { type: "json" };

export const DEFAULT_SEED = 20261206;

/** mulberry32: a small, fast, seedable PRNG returning [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string: a stable hash for values that belong to a key, not to an article. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
const unit01 = (text) => hash32(text) / 4294967296;

const pick = (r, list) => list[Math.floor(r() * list.length)];
/** One of `entries` ([value, weight]) by weight. */
function weighted(r, entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1][0];
}
/** An index in [0, n) with a heavy head: r^power, so index 0 is the most likely and the tail long. */
const headHeavy = (r, n, power = 2) => Math.floor(n * r() ** power);

// ---- The world: sources, metrics, slices, people, events ----

/** Bulk sources: inactive rows (a crawl never reads them), in the three languages. */
export const SCALE_SOURCES = [
  { id: "scale-hanoimoi", name: "Hà Nội Mới (generated)", host: "hanoimoi.scale.invalid", lang: "vi", w: 20 },
  { id: "scale-kinhtedothi", name: "Kinh tế & Đô thị (generated)", host: "kinhtedothi.scale.invalid", lang: "vi", w: 15 },
  { id: "scale-laodongthudo", name: "Lao Động Thủ Đô (generated)", host: "laodongthudo.scale.invalid", lang: "vi", w: 10 },
  { id: "scale-vnexpress", name: "VnExpress (generated)", host: "vnexpress.scale.invalid", lang: "vi", w: 10 },
  { id: "scale-hanoi-portal", name: "Cổng GTĐT Hà Nội (generated)", host: "hanoi-gov.scale.invalid", lang: "vi", w: 5 },
  { id: "scale-vietnamplus-en", name: "VietnamPlus English (generated)", host: "en-vietnamplus.scale.invalid", lang: "en", w: 12 },
  { id: "scale-hanoitimes", name: "Hanoi Times (generated)", host: "hanoitimes.scale.invalid", lang: "en", w: 8 },
  { id: "scale-vnnews-en", name: "Vietnam News (generated)", host: "vietnamnews.scale.invalid", lang: "en", w: 5 },
  { id: "scale-antara-id", name: "Antara (generated)", host: "antaranews.scale.invalid", lang: "id", w: 8 },
  { id: "scale-vnplus-id", name: "VietnamPlus Indonesia (generated)", host: "id-vietnamplus.scale.invalid", lang: "id", w: 7 },
];

const METRICS = new Map(catalog.metrics.map((m) => [m.id, m]));
const known = (ids) => ids.filter((id) => METRICS.has(id));
const TOPICS = {
  economy: known([
    "grdp_growth",
    "grdp",
    "grdp_per_capita",
    "grdp_growth_vs_national",
    "cpi_growth",
    "iip_growth",
    "retail_sales",
    "retail_sales_growth",
    "social_investment",
    "social_investment_growth",
    "new_enterprises",
    "new_enterprises_growth",
    "new_enterprises_capital",
    "pci_rank",
  ]),
  investment: known([
    "fdi_registered",
    "fdi_growth",
    "fdi_rank",
    "fdi_projects_new",
    "fdi_disbursed",
    "fdi_disbursed_growth",
    "fdi_registered_share",
    "fdi_project_share",
    "investment_projects_licensed",
    "investment_capital_licensed",
    "fdi_projects_licensed",
    "fdi_capital_licensed",
    "domestic_projects_licensed",
    "domestic_capital_licensed",
  ]),
  trade: known([
    "exports",
    "exports_growth",
    "imports",
    "imports_growth",
    "trade_turnover",
    "trade_turnover_growth",
    "trade_fairs",
    "trade_fair_booths",
    "trade_promotion_delegations",
    "trading_partners",
  ]),
  budget: known([
    "budget_revenue",
    "budget_revenue_vs_plan",
    "budget_revenue_growth",
    "budget_expenditure",
    "socioeconomic_targets_met",
    "socioeconomic_targets_exceeded",
  ]),
  tourism: known(["tourists", "tourists_growth", "tourism_revenue", "tourism_revenue_growth"]),
  foreign: known([
    "outbound_delegations",
    "outbound_delegations_city_led",
    "inbound_high_level_delegations",
    "international_delegations_received",
    "partner_cities",
    "cooperation_agreements",
    "mou_signed",
    "mou_value",
    "aid_projects_approved",
    "aid_value",
    "diplomatic_missions",
    "conference_delegates",
  ]),
};
const TOPIC_WEIGHTS = [
  ["economy", 30],
  ["investment", 22],
  ["trade", 18],
  ["budget", 12],
  ["tourism", 10],
  ["foreign", 8],
];

const MARKETS = ["US", "CN", "JP", "KR", "EU", "asean", "DE", "GB", "AU", "IN", "TW", "SG", "FR", "HK"];
/** The slices a metric's figures come in: [dimension, members]. */
const SLICES = {
  exports: [
    ["market", MARKETS],
    ["product", ["electronics", "textiles", "footwear", "machinery", "agriculture", "handicrafts"]],
    ["sector", ["fdi", "domestic"]],
  ],
  exports_growth: [["market", MARKETS]],
  imports: [
    ["market", MARKETS],
    ["product", ["machinery", "electronics", "fuel", "materials"]],
  ],
  trade_turnover: [["market", MARKETS]],
  fdi_registered: [
    ["component", ["new", "added", "shares"]],
    ["market", ["JP", "SG", "KR", "CN", "TW", "US", "HK", "FR"]],
  ],
  fdi_projects_new: [["market", ["JP", "SG", "KR", "CN", "TW", "US"]]],
  fdi_disbursed: [["component", ["new", "added"]]],
  grdp_growth: [["industry", ["agriculture", "industry-construction", "services", "product-taxes"]]],
  grdp: [["industry", ["agriculture", "industry", "construction", "services", "product-taxes"]]],
  tourists: [
    ["component", ["international", "domestic"]],
    ["market", ["KR", "CN", "US", "JP", "FR", "AU"]],
  ],
  tourism_revenue: [["component", ["international", "domestic"]]],
  budget_revenue: [["component", ["domestic", "import-export", "land", "crude-oil"]]],
  retail_sales: [["component", ["goods", "services", "accommodation-food", "travel"]]],
  social_investment: [["sector", ["state", "private", "fdi"]]],
  iip_growth: [["industry", ["manufacturing", "electricity", "mining", "water"]]],
  new_enterprises: [["area", ["cau_giay", "dong_da", "hoang_mai", "long_bien", "ba_dinh", "ha_dong"]]],
};

const USD_METRICS = new Set([
  "fdi_registered",
  "fdi_disbursed",
  "fdi_capital_licensed",
  "exports",
  "imports",
  "trade_turnover",
  "aid_value",
  "mou_value",
  "grdp_per_capita",
]);

/** Order of magnitude of a metric's yearly value (counts, currencies) or its range (percent, times, rank). */
function magnitude(metric, unit, currency) {
  if (unit === "percent") {
    if (metric.endsWith("_share")) return [5, 60];
    if (metric.endsWith("_vs_plan")) return [60, 130];
    if (metric === "cpi_growth") return [1, 9];
    return [1, 18];
  }
  if (unit === "times") return [0.8, 1.6];
  if (unit === "rank") return [1, 63];
  if (metric === "grdp_per_capita") return currency === "USD" ? [1500, 9000] : [3e7, 2.2e8];
  if (unit === "currency") return currency === "USD" ? [3e8, 3e10] : [5e12, 4e14];
  if (metric === "tourists") return [5e6, 3e7];
  if (metric === "new_enterprises") return [8e3, 3e4];
  if (/delegat|partner|cooperation|missions|trading_partners|fairs/.test(metric)) return [10, 120];
  if (/projects|mou|aid_projects/.test(metric)) return [50, 1500];
  if (metric === "trade_fair_booths") return [200, 2000];
  if (metric === "conference_delegates") return [300, 3000];
  return [10, 1000];
}

const GEOS = [
  ["hanoi", 82],
  ["vietnam", 12],
  ["ho_chi_minh", 2],
  ["da_nang", 2],
  ["hai_phong", 1],
  ["bac_ninh", 1],
];
const GEO_NAMES = {
  hanoi: { vi: "Hà Nội", en: "Hanoi", id: "Hanoi" },
  vietnam: { vi: "cả nước", en: "Vietnam", id: "Vietnam" },
  ho_chi_minh: { vi: "TP Hồ Chí Minh", en: "Ho Chi Minh City", id: "Kota Ho Chi Minh" },
  da_nang: { vi: "Đà Nẵng", en: "Da Nang", id: "Da Nang" },
  hai_phong: { vi: "Hải Phòng", en: "Hai Phong", id: "Hai Phong" },
  bac_ninh: { vi: "Bắc Ninh", en: "Bac Ninh", id: "Bac Ninh" },
};

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Trịnh"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Mạnh", "Hải", "Xuân", "Kim", "Thu", "Anh"];
const GIVEN = [
  "Quyền",
  "Dũng",
  "Hùng",
  "Lan",
  "Hương",
  "Tuấn",
  "Hà",
  "Sơn",
  "Thắng",
  "Long",
  "Phương",
  "Bình",
  "Cường",
  "Đạt",
  "Giang",
  "Khánh",
  "Linh",
  "Nam",
  "Quang",
  "Thảo",
  "Trung",
  "Việt",
  "Yến",
  "Hoa",
  "Tâm",
  "Vinh",
  "Huy",
  "Thủy",
  "Nga",
  "Tùng",
];
const FOREIGN = ["Tanaka Hiroshi", "Kim Min-jun", "Lee Sang-hoon", "Park Ji-won", "John Smith", "Marie Dubois", "Wang Wei", "Suzuki Kenji"];
const TITLES = [
  { vi: "Chủ tịch UBND thành phố Hà Nội", en: "Chairman of the Hanoi People's Committee", id: "Ketua Komite Rakyat Hanoi" },
  { vi: "Phó Chủ tịch UBND thành phố", en: "Vice Chairman of the municipal People's Committee", id: "Wakil Ketua Komite Rakyat kota" },
  { vi: "Bí thư Thành ủy Hà Nội", en: "Secretary of the Hanoi Party Committee", id: "Sekretaris Komite Partai Hanoi" },
  {
    vi: "Giám đốc Sở Kế hoạch và Đầu tư",
    en: "Director of the Department of Planning and Investment",
    id: "Direktur Dinas Perencanaan dan Investasi",
  },
  { vi: "Giám đốc Sở Tài chính", en: "Director of the Department of Finance", id: "Direktur Dinas Keuangan" },
  { vi: "Giám đốc Sở Du lịch", en: "Director of the Department of Tourism", id: "Direktur Dinas Pariwisata" },
  { vi: "Giám đốc Sở Ngoại vụ", en: "Director of the Department of Foreign Affairs", id: "Direktur Dinas Luar Negeri" },
  { vi: "Cục trưởng Cục Thống kê thành phố", en: "Head of the city's Statistics Office", id: "Kepala Kantor Statistik kota" },
  { vi: "chuyên gia kinh tế", en: "economist", id: "ekonom" },
  { vi: "Đại sứ", en: "Ambassador", id: "Duta Besar" },
];

/** The people pool: distinct keys, Vietnamese names with diacritics (and a few foreign ones). */
const PEOPLE = (() => {
  const out = [];
  const seen = new Set();
  const add = (name) => {
    const key = personKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ key, name });
    }
  };
  for (const f of FOREIGN) add(f);
  const r = prng(7);
  for (let tries = 0; out.length < 24_000 && tries < 200_000; tries++) {
    const parts = [pick(r, FAMILY), pick(r, MIDDLE)];
    if (r() < 0.6) parts.push(pick(r, MIDDLE));
    parts.push(pick(r, GIVEN));
    add(parts.join(" "));
  }
  // A stable order with the foreign names spread out (index = popularity rank).
  return out.sort((a, b) => hash32(a.key) - hash32(b.key));
})();

/**
 * People are drawn with index ~ r⁴: the most-mentioned person (a city chairman) is in about one
 * mention in twelve, rank 20 (a department director) in about one in five hundred, and most of the pool
 * appears only at 100,000 articles. Rank 20 is the typical person page the bench reads.
 */
export const TYPICAL_PERSON_KEY = PEOPLE[20].key;

const fold = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

const EVENT_KINDS = [
  { vi: "Hội nghị xúc tiến đầu tư Hà Nội", en: "Hanoi Investment Promotion Conference", id: "Konferensi Promosi Investasi Hanoi" },
  { vi: "Lễ hội Du lịch Hà Nội", en: "Hanoi Tourism Festival", id: "Festival Pariwisata Hanoi" },
  { vi: "Diễn đàn hợp tác kinh tế Hà Nội", en: "Hanoi Economic Cooperation Forum", id: "Forum Kerja Sama Ekonomi Hanoi" },
  { vi: "Kỳ họp HĐND thành phố", en: "Session of the Hanoi People's Council", id: "Sidang Dewan Rakyat Hanoi" },
  { vi: "Hội chợ Thương mại quốc tế Hà Nội", en: "Hanoi International Trade Fair", id: "Pameran Dagang Internasional Hanoi" },
  { vi: "Tuần lễ văn hóa", en: "Culture Week", id: "Pekan Budaya" },
];
const COUNTRY_CODES = ["JP", "KR", "SG", "CN", "US", "FR", "DE", "GB", "AU", "TH", "LA", "KH", "IN", "RU", "IT", "ID", "MY", "TW"];
const COUNTRY_NAMES = { vi: "Nhật Bản", en: "Japan", id: "Jepang" };

// ---- Periods ----

const ym = (y, m) => `${y}-${String(m).padStart(2, "0")}`;
const monthsOf = (p) =>
  Number(p.end.slice(0, 4)) * 12 + Number(p.end.slice(5, 7)) - (Number(p.start.slice(0, 4)) * 12 + Number(p.start.slice(5, 7))) + 1;

/** The period a figure is about, for an article published in year y, month m (1–12). */
function periodFor(r, basis, y, m) {
  const ry = m === 1 ? y - 1 : y; // the month just reported on
  const rm = m === 1 ? 12 : m - 1;
  if (basis === "target") {
    const kind = weighted(r, [
      ["year", 60],
      ["next", 20],
      ["plan", 20],
    ]);
    if (kind === "year") return { start: ym(y, 1), end: ym(y, 12) };
    if (kind === "next") return { start: ym(y + 1, 1), end: ym(y + 1, 12) };
    const first = 2006 + Math.floor((y - 2006) / 5) * 5; // five-year plans: 2006–2010, …, 2021–2025
    return { start: ym(first, 1), end: ym(first + 4, 12) };
  }
  if (basis === "forecast") return r() < 0.8 ? { start: ym(y, 1), end: ym(y, 12) } : { start: ym(y + 1, 1), end: ym(y + 1, 12) };
  const kind = weighted(r, [
    ["ytd", 35],
    ["month", 15],
    ["quarter", 15],
    ["last_year", 25],
    ["prev_ytd", 10],
  ]);
  if (kind === "ytd") return { start: ym(ry, 1), end: ym(ry, rm) };
  if (kind === "month") return { start: ym(ry, rm), end: ym(ry, rm) };
  if (kind === "quarter") {
    const q = Math.floor((rm - 1) / 3); // the quarter the month falls in, or the last complete one
    const qy = rm % 3 === 0 ? ry : q === 0 ? ry - 1 : ry;
    const qi = rm % 3 === 0 ? q : q === 0 ? 3 : q - 1;
    return { start: ym(qy, qi * 3 + 1), end: ym(qy, qi * 3 + 3) };
  }
  if (kind === "last_year") return { start: ym(y - 1, 1), end: ym(y - 1, 12) };
  return { start: ym(ry - 1, 1), end: ym(ry - 1, rm) };
}

const PERIOD_TEXT = {
  vi: (p) => {
    const n = monthsOf(p);
    const y = p.start.slice(0, 4);
    if (n === 12) return `Năm ${y}`;
    if (n === 1) return `Tháng ${Number(p.start.slice(5))}/${y}`;
    if (p.start.slice(0, 4) !== p.end.slice(0, 4)) return `Giai đoạn ${y}-${p.end.slice(0, 4)}`;
    if (p.start.endsWith("-01")) return `${n} tháng đầu năm ${y}`;
    return `Quý ${Math.ceil(Number(p.end.slice(5)) / 3)}/${y}`;
  },
  en: (p) => {
    const n = monthsOf(p);
    const y = p.start.slice(0, 4);
    if (n === 12) return `In ${y}`;
    if (n === 1) return `In month ${Number(p.start.slice(5))} of ${y}`;
    if (p.start.slice(0, 4) !== p.end.slice(0, 4)) return `Over ${y}-${p.end.slice(0, 4)}`;
    if (p.start.endsWith("-01")) return `In the first ${n} months of ${y}`;
    return `In Q${Math.ceil(Number(p.end.slice(5)) / 3)} ${y}`;
  },
  id: (p) => {
    const n = monthsOf(p);
    const y = p.start.slice(0, 4);
    if (n === 12) return `Pada tahun ${y}`;
    if (n === 1) return `Pada bulan ${Number(p.start.slice(5))} tahun ${y}`;
    if (p.start.slice(0, 4) !== p.end.slice(0, 4)) return `Selama ${y}-${p.end.slice(0, 4)}`;
    if (p.start.endsWith("-01")) return `Dalam ${n} bulan pertama ${y}`;
    return `Pada kuartal ${Math.ceil(Number(p.end.slice(5)) / 3)} ${y}`;
  },
};
const LABEL = { vi: "vi", en: "en", id: "id_label" };
const VERB = {
  vi: ["đạt", "ước đạt", "tăng", "khoảng"],
  en: ["reached", "was estimated at", "stood at", "came to"],
  id: ["mencapai", "diperkirakan", "sebesar", "tercatat"],
};
const TAIL = {
  vi: [
    "theo báo cáo của Cục Thống kê thành phố",
    "so với cùng kỳ năm trước",
    "vượt kế hoạch đề ra từ đầu năm",
    "theo số liệu UBND thành phố công bố tại kỳ họp",
  ],
  en: [
    "according to the city's Statistics Office",
    "year on year",
    "exceeding the plan set at the start of the year",
    "the municipal People's Committee said",
  ],
  id: [
    "menurut Kantor Statistik kota",
    "dibandingkan periode yang sama tahun lalu",
    "melampaui rencana awal tahun",
    "kata Komite Rakyat kota",
  ],
};

const TRILLION = { vi: "nghìn tỷ", en: "trillion", id: "triliun" };
const BILLION = { vi: "tỷ", en: "billion", id: "miliar" };
const MILLION = { vi: "triệu", en: "million", id: "juta" };
const NO_WORD = { vi: "", en: "", id: "" };

function valueText(lang, unit, currency, value) {
  const dec = lang === "en" ? "." : ",";
  const fmt = (x, d) => x.toFixed(d).replace(".", dec);
  if (unit === "percent") return `${fmt(value, 2)}%`;
  if (unit === "times") return `${fmt(value, 2)} ${lang === "vi" ? "lần" : lang === "en" ? "times" : "kali"}`;
  if (unit === "rank") return `${lang === "vi" ? "thứ" : lang === "en" ? "No." : "peringkat"} ${value}`;
  if (unit === "currency") {
    const big = value >= 1e12 ? [1e12, TRILLION] : value >= 1e9 ? [1e9, BILLION] : value >= 1e6 ? [1e6, MILLION] : [1, NO_WORD];
    const cur = currency === "USD" ? { vi: "USD", en: "USD", id: "dolar AS" } : { vi: "đồng", en: "VND", id: "dong" };
    return `${fmt(value / big[0], 2)}${big[1][lang] ? ` ${big[1][lang]}` : ""} ${cur[lang]}`;
  }
  return String(Math.round(value)).replace(/\B(?=(\d{3})+$)/g, lang === "en" ? "," : ".");
}

/** Rounds to `digits` significant digits. */
function significant(x, digits) {
  if (x === 0) return 0;
  const p = 10 ** (digits - Math.ceil(Math.log10(Math.abs(x))));
  return Math.round(x * p) / p;
}

/** The value every article reports for one observation key; a contested key has two. */
function keyValue(key, metric, unit, currency, months, part, variant) {
  const [lo, hi] = magnitude(metric, unit, currency);
  let v = lo + (hi - lo) * unit01(key);
  if (unit === "rank") return Math.max(1, Math.round(v) + (variant ? 1 : 0));
  if ((unit === "currency" || unit === "count") && !/partner|missions|trading_partners|cooperation/.test(metric)) v *= months / 12;
  if (part) v *= 0.05 + 0.35 * unit01(`${key}#part`);
  if (variant) v *= 1.06 + 0.3 * unit01(`${key}#b`);
  return unit === "percent" || unit === "times" ? Math.round(v * 100) / 100 : significant(v, 4);
}

/** The words for one figure in an article's language. */
function clause(r, lang, metric, geo, period, part, what) {
  const label = (METRICS.get(metric)?.[LABEL[lang]] ?? OTHER_LABEL[lang]).toLowerCase();
  const where = GEO_NAMES[geo][lang];
  const when = period ? PERIOD_TEXT[lang](period) : NOW[lang];
  const slice = part ? ` (${part.dimension}: ${part.member})` : "";
  if (lang === "vi") return `${when}, ${label}${slice} của ${where} ${pick(r, VERB.vi)} ${what}`;
  if (lang === "en") return `${when}, ${where}'s ${label}${slice} ${pick(r, VERB.en)} ${what}`;
  return `${when}, ${label}${slice} ${where} ${pick(r, VERB.id)} ${what}`;
}
const OTHER_LABEL = { vi: "Chỉ số", en: "The index", id: "Indeks" };
const NOW = { vi: "Hiện nay", en: "Currently", id: "Saat ini" };
const ALL_METRICS = [...METRICS.keys()];
const BASES = [
  ["actual", 78],
  ["target", 14],
  ["forecast", 8],
];
const QUALIFIERS = [
  ["exact", 55],
  ["approx", 22],
  ["estimate", 17],
  ["more_than", 4],
  ["less_than", 2],
];
const SOURCE_WEIGHTS = SCALE_SOURCES.map((s) => [s, s.w]);
const AUTHORS = Array.from({ length: 200 }, (_, k) => PEOPLE[5000 + k].name);

// ---- One article ----

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2006, 0, 1);
const DAYS = 20 * 365 + 5;

/**
 * Article `i` as the consumer would write it: the article row's columns, and the rows of facts,
 * people (with titles), quotes, events and countries, plus its main text.
 */
export function generateArticle(i, seed = DEFAULT_SEED) {
  const r = prng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const source = weighted(r, SOURCE_WEIGHTS);
  const lang = source.lang;
  const day = new Date(FIRST_DAY + Math.floor(r() * DAYS) * DAY_MS);
  const published = day.toISOString().slice(0, 10);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  const topic = weighted(r, TOPIC_WEIGHTS);
  const url = `https://${source.host}/${lang === "vi" ? "tin-tuc" : lang === "en" ? "news" : "berita"}/${topic}-${y}-${i}.html`;
  const discoveredAt = `${published}T0${Math.floor(r() * 9)}:00:00.000Z`;

  const status = weighted(r, [
    ["extracted", 92],
    ["failed", 5],
    ["skipped", 3],
  ]);
  if (status !== "extracted") {
    const [reason, http] =
      status === "failed"
        ? pick(r, [
            ["HTTP 404", 404],
            ["HTTP 410", 410],
            ["timed out after 10000 ms", null],
            ["body larger than 5000000 bytes", 200],
          ])
        : pick(r, [
            ["disallowed by robots.txt (Disallow: /private/)", null],
            ["content type application/pdf is not HTML", 200],
            ["no main text (page of links)", 200],
          ]);
    return {
      i,
      article: { url, sourceId: source.id, status, reason, attempts: 1 + Math.floor(r() * 4), httpStatus: http, discoveredAt },
      facts: [],
      mentions: [],
      quotes: [],
      events: [],
      countries: [],
    };
  }

  // Facts: most from the article's topic, some from others, some the extractor could not name ("other").
  const n = 10 + Math.floor(r() * 31);
  const facts = [];
  const clauses = [];
  const metricsOfTopic = TOPICS[topic];
  const headline = metricsOfTopic[headHeavy(r, metricsOfTopic.length)];
  for (let seq = 0; seq < n; seq++) {
    const roll = r();
    const metric =
      seq === 0
        ? headline
        : roll < 0.1
          ? "other"
          : roll < 0.78
            ? metricsOfTopic[headHeavy(r, metricsOfTopic.length)]
            : pick(r, ALL_METRICS);
    const unit = METRICS.get(metric)?.unit ?? pick(r, ["percent", "count", "currency"]);
    const basis = metric === "other" ? "actual" : weighted(r, BASES);
    const geo = weighted(r, GEOS);
    const period = r() < 0.04 ? null : periodFor(r, basis, y, m);
    // Each metric's usual currency, the other one in one figure in ten.
    const usual = USD_METRICS.has(metric) || (metric === "grdp" && r() < 0.4) ? "USD" : "VND";
    const currency = unit !== "currency" ? null : r() < 0.1 ? (usual === "USD" ? "VND" : "USD") : usual;
    const slicing = SLICES[metric];
    const slice = slicing && r() < 0.35 ? pick(r, slicing) : null;
    const part = slice ? { dimension: slice[0], member: pick(r, slice[1]) } : null;
    const key = `${metric}|${geo}|${period?.start}|${period?.end}|${currency}|${basis}|${part?.dimension}|${part?.member}`;
    // One key in twelve is contested: a second value circulates in about a third of its articles.
    const variant = unit01(`${key}#contested`) < 1 / 12 && r() < 0.3;
    const exact = keyValue(key, metric, unit, currency, period ? monthsOf(period) : 12, part, variant);
    // Rounding as papers do: a percentage to one decimal, an amount to three digits (values still agree).
    const value =
      r() >= 0.2 || unit === "rank" ? exact : unit === "percent" || unit === "times" ? Math.round(exact * 10) / 10 : significant(exact, 3);
    facts.push({
      seq,
      metric,
      value,
      unit,
      currency,
      periodStart: period?.start ?? null,
      periodEnd: period?.end ?? null,
      geo,
      qualifier: weighted(r, QUALIFIERS),
      basis,
      partDimension: part?.dimension ?? null,
      partMember: part?.member ?? null,
      sentence: "",
    });
    clauses.push(clause(r, lang, metric, geo, period, part, valueText(lang, unit, currency, value)));
  }
  // A sentence carries one to three figures; each of them keeps the whole sentence.
  for (let at = 0; at < n; ) {
    const k = Math.min(n - at, 1 + Math.floor(r() * r() * 3));
    const sentence = `${clauses.slice(at, at + k).join("; ")}, ${pick(r, TAIL[lang])}.`;
    for (let j = at; j < at + k; j++) facts[j].sentence = sentence;
    at += k;
  }

  // People: officials of the article's era, with the title they held then; quotes mostly theirs.
  const people = new Map();
  const nPeople = Math.floor(r() * r() * 6);
  for (let k = 0; k < nPeople; k++) {
    const p = PEOPLE[headHeavy(r, PEOPLE.length, 4)];
    const t = TITLES[hash32(`${p.key}@${Math.floor(y / 5)}`) % TITLES.length];
    const asWritten = lang === "vi" || r() < 0.3 ? p.name : fold(p.name);
    const entry = people.get(p.key) ?? { key: p.key, name: p.name, asWritten, titles: new Set() };
    if (r() < 0.85) entry.titles.add(t[lang]);
    people.set(p.key, entry);
  }
  const mentions = [...people.values()].flatMap((p) =>
    (p.titles.size ? [...p.titles] : [""]).map((title) => ({ personId: p.key, personName: p.name, nameAsWritten: p.asWritten, title })),
  );
  const speakers = [...people.values()];
  const nQuotes = speakers.length ? Math.floor(r() * 3.4) : r() < 0.2 ? 1 : 0;
  const quotes = [];
  for (let k = 0; k < nQuotes; k++) {
    const s = speakers.length && r() < 0.85 ? pick(r, speakers) : null;
    const anonymous = lang === "vi" ? "một chuyên gia" : lang === "en" ? "an analyst" : "seorang analis";
    quotes.push({
      seq: k,
      personId: s ? s.key : null,
      speaker: s ? s.asWritten : r() < 0.5 ? anonymous : null,
      text:
        lang === "vi"
          ? `Thành phố sẽ tiếp tục cải thiện môi trường đầu tư, tháo gỡ khó khăn cho doanh nghiệp và hoàn thành các chỉ tiêu năm ${y}`
          : lang === "en"
            ? `The city will keep improving the investment climate, remove obstacles for businesses and meet its ${y} targets`
            : `Kota akan terus memperbaiki iklim investasi, mengatasi hambatan bagi pelaku usaha dan memenuhi target ${y}`,
    });
  }

  // Events of the article's year (a few hundred a year, the big ones recurring across articles).
  const events = [];
  const nEvents = Math.floor(r() * r() * 3);
  for (let k = 0; k < nEvents; k++) {
    const e = headHeavy(r, 300);
    const kind = EVENT_KINDS[e % EVENT_KINDS.length];
    const name = `${kind[lang]} ${e < EVENT_KINDS.length ? y : `${y} #${e}`}`;
    const dated = unit01(`${y}/${e}#dated`) < 0.75;
    const start = dated
      ? `${y}-${String(1 + (hash32(`${y}/${e}`) % 12)).padStart(2, "0")}-${String(1 + (hash32(`${y}/${e}d`) % 28)).padStart(2, "0")}`
      : null;
    const end = start && r() < 0.4 ? `${start.slice(0, 8)}${String(Math.min(28, Number(start.slice(8)) + 2)).padStart(2, "0")}` : null;
    if (!events.some((x) => x.name === name)) events.push({ seq: events.length, key: eventKey(name, start), name, start, end });
  }
  const countries = [
    ...new Set(Array.from({ length: Math.floor(r() * r() * 5) }, () => COUNTRY_CODES[headHeavy(r, COUNTRY_CODES.length)])),
  ];

  const title =
    lang === "vi"
      ? `${facts[0].sentence.split(",")[0]}: ${METRICS.get(headline)?.vi ?? "kinh tế"} của ${GEO_NAMES.hanoi.vi} (${i})`
      : lang === "en"
        ? `${GEO_NAMES.hanoi.en}: ${METRICS.get(headline)?.en ?? "the economy"} — ${facts[0].sentence.split(",")[0]} (${i})`
        : `${GEO_NAMES.hanoi.id}: ${METRICS.get(headline)?.id_label ?? "ekonomi"} — ${facts[0].sentence.split(",")[0]} (${i})`;
  const paragraphs = [...new Set(facts.map((f) => f.sentence))];
  for (const q of quotes) paragraphs.splice(Math.floor(r() * paragraphs.length), 0, `"${q.text}", ${q.speaker ?? ""}.`);
  if (countries.length) paragraphs.push(`${COUNTRY_NAMES[lang]} (${countries.join(", ")}).`);
  const text = [title, ...paragraphs].join("\n");
  return {
    i,
    article: {
      url,
      sourceId: source.id,
      status,
      reason: null,
      attempts: 1,
      httpStatus: 200,
      discoveredAt,
      lang,
      title,
      published,
      author: r() < 0.4 ? pick(r, AUTHORS) : null,
      factCount: facts.length,
    },
    facts,
    mentions,
    quotes,
    events,
    countries,
    text,
  };
}
