/**
 * Reader-language formatting shared by the widget script (in the browser), the iframe card and the
 * dashboard (in the Worker), so all three print the same text for the same observation.
 * Pure: Intl and plain strings only.
 */
import type { Change, Lang, Period } from "./contract";

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

/**
 * A period as words: a whole year "2024", a month "June 2023", a span from January "6 tháng đầu năm 2023" /
 * "Jan – Jun 2023", any other span as a month range.
 */
export function formatPeriod(period: Period | null | undefined, lang: Lang): string {
  if (!period) return "";
  const a = month(period.start);
  const b = month(period.end);
  if (Number.isNaN(a.date.getTime()) || Number.isNaN(b.date.getTime())) return `${period.start}–${period.end}`;
  if (a.y === b.y && a.m === 1 && b.m === 12) return String(a.y);
  if (a.y === b.y && a.m === b.m) return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(a.date);
  if (lang === "vi" && a.y === b.y && a.m === 1) return `${b.m} tháng đầu năm ${a.y}`;
  return new Intl.DateTimeFormat(lang, { month: "short", year: "numeric", timeZone: "UTC" }).formatRange(a.date, b.date);
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
