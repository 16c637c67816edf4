/**
 * Reader-language formatting shared by the widget script (in the browser), the iframe card and the
 * dashboard (in the Worker), so all three print the same text for the same observation.
 * Pure: Intl and plain strings only.
 */
import { spanOf } from "../../schema/spans";
import type { Change, Lang, Period, Plan } from "./contract";

/** Interface words of the widgets, per language. */
export const WORDS = {
  vi: {
    sources: "Nguồn",
    loading: "Đang tải…",
    empty: "Chưa có dữ liệu",
    error: "Không tải được dữ liệu",
    vs: "so với",
    conflict: "Các nguồn chưa thống nhất",
    trend: "Diễn biến",
    up: "tăng",
    down: "giảm",
    more: "nguồn khác",
  },
  en: {
    sources: "Sources",
    loading: "Loading…",
    empty: "No data yet",
    error: "Could not load the data",
    vs: "vs",
    conflict: "Sources disagree",
    trend: "Trend",
    up: "up",
    down: "down",
    more: "more sources",
  },
  id: {
    sources: "Sumber",
    loading: "Memuat…",
    empty: "Belum ada data",
    error: "Gagal memuat data",
    vs: "dibanding",
    conflict: "Sumber berbeda",
    trend: "Tren",
    up: "naik",
    down: "turun",
    more: "sumber lain",
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** Currency wording per language; `#` stands for the compact number. Other currencies print as "# CODE". */
const CURRENCY: Record<string, Record<Lang, string>> = {
  USD: { vi: "# USD", en: "US$#", id: "# dolar AS" },
  VND: { vi: "# đồng", en: "VND #", id: "# dong" },
};

const QUALIFIER: Record<string, Record<Lang, string>> = {
  approx: { vi: "khoảng", en: "about", id: "sekitar" },
  more_than: { vi: "hơn", en: "over", id: "lebih dari" },
  less_than: { vi: "dưới", en: "under", id: "kurang dari" },
  estimate: { vi: "ước", en: "est.", id: "perkiraan" },
  at_least: { vi: "ít nhất", en: "at least", id: "sedikitnya" },
};

const num = (lang: Lang, opts: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, opts);

/**
 * A number in words of scale: "2,07 tỷ", "2.07 billion", "2,07 miliar"; below a million, grouped digits.
 * @example compactNumber(2067000000, "vi") // "2,07 tỷ"
 */
export function compactNumber(value: number, lang: Lang): string {
  if (Math.abs(value) < 1e6) return num(lang, { maximumFractionDigits: 2 }).format(value);
  return num(lang, { notation: "compact", compactDisplay: "long", maximumFractionDigits: 2 }).format(value);
}

/**
 * An observation's value as a reader of `lang` writes it.
 * @example
 *   formatValue(2067000000, "currency", "USD", "en") // "US$2.07 billion"
 *   formatValue(6.52, "percent", null, "vi")          // "6,52%"
 */
export function formatValue(value: number, unit: string, currency: string | null, lang: Lang): string {
  switch (unit) {
    case "percent":
      return num(lang, { style: "percent", maximumFractionDigits: 2 }).format(value / 100);
    case "times": {
      const n = num(lang, { maximumFractionDigits: 2 }).format(value);
      return lang === "en" ? `${n}×` : `${n} ${lang === "vi" ? "lần" : "kali"}`;
    }
    case "rank":
      if (lang === "vi") return `thứ ${value}`;
      if (lang === "id") return `ke-${value}`;
      return `${value}${({ one: "st", two: "nd", few: "rd" } as Record<string, string>)[new Intl.PluralRules("en", { type: "ordinal" }).select(value)] ?? "th"}`;
    case "currency": {
      const n = compactNumber(value, lang);
      const code = (currency ?? "").toUpperCase();
      const pattern = CURRENCY[code]?.[lang] ?? (code ? `# ${code}` : "#");
      return pattern.replace("#", n);
    }
    default:
      return compactNumber(value, lang);
  }
}

/** "khoảng", "over", "perkiraan" … for a qualifier other than exact; "" otherwise. */
export function qualifierWord(qualifier: string, lang: Lang): string {
  return QUALIFIER[qualifier]?.[lang] ?? "";
}

const month = (ym: string) => {
  const [y, m] = ym.split("-").map(Number);
  return { y, m, date: new Date(Date.UTC(y, (m || 1) - 1, 1)) };
};

const ROMAN = ["I", "II", "III", "IV"];

/** A month's name as a reader of `lang` shortens it in a range: "Sep", "September"; Vietnamese uses numbers. */
const monthName = (date: Date, lang: Lang) =>
  new Intl.DateTimeFormat(lang, { month: lang === "en" ? "short" : "long", timeZone: "UTC" }).format(date);

/**
 * A period as words that say its span: a year "2024", a month "June 2023", a quarter "Quý III/2024" /
 * "Q3 2024" / "Triwulan III 2024", a half "6 tháng đầu năm 2024" / "H1 2024" / "Semester I 2024",
 * January to a month "9 tháng 2024" / "Jan–Sep 2024" / "Januari–September 2024", several years
 * "2021–2025", any other stretch as a month range.
 */
export function formatPeriod(period: Period | null | undefined, lang: Lang): string {
  if (!period) return "";
  const a = month(period.start);
  const b = month(period.end);
  if (Number.isNaN(a.date.getTime()) || Number.isNaN(b.date.getTime())) return `${period.start}–${period.end}`;
  const span = spanOf(period.start, period.end);
  switch (span) {
    case "year":
      return String(a.y);
    case "month":
      return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(a.date);
    case "quarter": {
      const q = ROMAN[(a.m - 1) / 3];
      return { vi: `Quý ${q}/${a.y}`, en: `Q${(a.m + 2) / 3} ${a.y}`, id: `Triwulan ${q} ${a.y}` }[lang];
    }
    case "half": {
      const first = a.m === 1;
      return {
        vi: `6 tháng ${first ? "đầu" : "cuối"} năm ${a.y}`,
        en: `H${first ? 1 : 2} ${a.y}`,
        id: `Semester ${first ? "I" : "II"} ${a.y}`,
      }[lang];
    }
    case "ytd":
      if (lang === "vi") return `${b.m} tháng ${a.y}`;
      return `${monthName(a.date, lang)}–${monthName(b.date, lang)} ${a.y}`;
    case "multi_year":
      return a.m === 1 && b.m === 12 ? `${a.y}–${b.y}` : `${period.start}–${period.end}`;
    default:
      if (lang === "vi") return `tháng ${a.m}–${b.m}/${a.y}`;
      return `${monthName(a.date, lang)}–${monthName(b.date, lang)} ${a.y}`;
  }
}

const PLAN = {
  vi: { target: "Mục tiêu", reached: (pct: string, p: string) => `đạt ${pct} kế hoạch ${p}` },
  en: { target: "Target", reached: (pct: string, p: string) => `${pct} of the ${p} target` },
  id: { target: "Target", reached: (pct: string, p: string) => `${pct} dari target ${p}` },
} as const;

/**
 * How far a plan was reached, or the target itself when no share applies (growth rates):
 * "đạt 104,2% kế hoạch 2024", "104.2% of the 2024 target", "Target 2025: 8%".
 */
export function formatPlan(plan: Plan | null | undefined, lang: Lang): string {
  if (!plan) return "";
  const p = formatPeriod(plan.target.period, lang);
  if (plan.reached !== null) {
    const pct = num(lang, { style: "percent", maximumFractionDigits: 1 }).format(plan.reached / 100);
    return PLAN[lang].reached(pct, p);
  }
  return `${PLAN[lang].target} ${p}: ${formatValue(plan.target.value, plan.target.unit, plan.target.currency, lang)}`;
}

/**
 * The change from the previous observation: percentage points for rates ("+0,25 điểm %", "+0.25 pp"),
 * a relative change otherwise ("+6.3%"). Returns the text and the direction.
 */
export function formatChange(change: Change | null | undefined, unit: string, lang: Lang): { text: string; dir: -1 | 0 | 1 } | null {
  if (!change) return null;
  const signed = num(lang, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  if (unit === "percent" || change.pct === null || !Number.isFinite(change.pct)) {
    const pts = { vi: " điểm %", en: " pp", id: " poin" }[lang];
    const text = unit === "percent" ? `${signed.format(change.abs)}${pts}` : signed.format(change.abs);
    return { text, dir: Math.sign(change.abs) as -1 | 0 | 1 };
  }
  const pct = num(lang, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change.pct / 100);
  return { text: pct, dir: Math.sign(change.pct) as -1 | 0 | 1 };
}

/** A published date (YYYY-MM-DD) as a short local date, or "" when absent. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}
