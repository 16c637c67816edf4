/** The metric catalog the API serves: ids, units and labels in vi/en/id, from the extractor's metrics.json. */
import catalog from "../extract/figures/metrics.json";

export const LANGS = ["vi", "en", "id"] as const;
export type Lang = (typeof LANGS)[number];

export interface MetricInfo {
  id: string;
  unit: string;
  labels: Record<Lang, string>;
}

interface RawMetric {
  id: string;
  unit: string;
  en?: string;
  vi?: string;
  id_label?: string;
}

export const METRICS: readonly MetricInfo[] = (catalog.metrics as RawMetric[]).map((m) => ({
  id: m.id,
  unit: m.unit,
  labels: { vi: m.vi ?? m.en ?? m.id, en: m.en ?? m.id, id: m.id_label ?? m.en ?? m.id },
}));

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The catalog entry for an id, or undefined for an id the catalog does not have. */
export function metricInfo(id: string): MetricInfo | undefined {
  return BY_ID.get(id);
}

/** What a dashboard shows first: the city's headline figures, in this order. */
export const KEY_METRICS: readonly string[] = [
  "grdp_growth",
  "grdp",
  "fdi_registered",
  "budget_revenue",
  "trade_turnover",
  "exports_growth",
  "exports",
  "retail_sales",
  "cpi_growth",
  "tourists",
  "new_enterprises",
  "fdi_disbursed",
];
