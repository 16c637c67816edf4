import config from "../../config/sources.json";
import { SOURCE_KINDS, type SourceKind } from "../../schema/tables";

export interface SourceConfig {
  id: string;
  name: string;
  kind: SourceKind;
  url: string;
  lang?: string;
  local?: boolean;
}

/** The committed source list for a preset ("demo" or "production"); unknown presets have none. */
export function sourcesForPreset(preset: string, demoOrigin = "http://127.0.0.1:8790"): SourceConfig[] {
  const list = (config as unknown as Record<string, unknown>)[preset];
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is SourceConfig => typeof s?.id === "string" && typeof s?.url === "string" && SOURCE_KINDS.includes(s?.kind))
    .map((s) => ({ ...s, url: s.url.replace("{{DEMO_ORIGIN}}", demoOrigin.replace(/\/$/, "")) }));
}
