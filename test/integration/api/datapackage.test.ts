/**
 * GET /v1/export/datapackage.json in workerd: a Frictionless Data Package whose Table Schemas
 * describe exactly what the exports contain — every CSV column and every NDJSON key, no more, as
 * read from the exports' actual output — checked structurally by hand (no network, no validator
 * package), and the exported values checked against the declared types and constraints.
 */

import { exports } from "cloudflare:workers";
import { parse } from "csv-parse/browser/esm/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get, getJson, ORIGIN } from "./api-client";

type Field = { name: string; type: string; format?: string; description: string; constraints?: Record<string, unknown> };
type Resource = {
  profile?: string;
  name: string;
  path?: string;
  title?: string;
  description?: string;
  format?: string;
  mediatype?: string;
  encoding?: string;
  dialect?: Record<string, unknown>;
  schema?: { fields: Field[]; primaryKey?: string[] | string; missingValues?: string[] };
};
type License = { name?: string; path?: string; title?: string };
type Package = {
  profile?: string;
  name?: string;
  title?: string;
  description?: string;
  homepage?: string;
  licenses?: License[];
  sources?: { title: string; path?: string }[];
  resources: Resource[];
};

const NAME = /^[-a-z0-9._/]+$/;
const MEDIATYPE = /^[-\w.]+\/[-\w.+]+$/;
/** Table Schema v1 field types. */
const FIELD_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "date",
  "time",
  "datetime",
  "year",
  "yearmonth",
  "duration",
  "geopoint",
  "geojson",
  "any",
];
const CONSTRAINTS = ["required", "unique", "minLength", "maxLength", "minimum", "maximum", "pattern", "enum"];
const DIALECT: Record<string, string> = {
  delimiter: "string",
  lineTerminator: "string",
  quoteChar: "string",
  doubleQuote: "boolean",
  header: "boolean",
  escapeChar: "string",
  skipInitialSpace: "boolean",
  nullSequence: "string",
  commentChar: "string",
  caseSensitiveHeader: "boolean",
  csvddfVersion: "number",
};

/**
 * What the Data Package, Data Resource, Tabular Data Resource and Table Schema specs (v1) require
 * of a descriptor, as a list of problems (empty when it conforms).
 */
function packageProblems(pkg: Package): string[] {
  const out: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) out.push(what);
  };
  need(["data-package", "tabular-data-package"].includes(pkg.profile ?? "data-package"), `package profile ${pkg.profile}`);
  need(typeof pkg.name === "string" && NAME.test(pkg.name), "package name: lower case, digits, . _ - /");
  need(typeof pkg.title === "string" && typeof pkg.description === "string", "package title and description");
  need(!pkg.homepage || /^https?:\/\//.test(pkg.homepage), "homepage is a URL");
  need(Array.isArray(pkg.licenses) && pkg.licenses.length > 0, "licenses given");
  for (const l of pkg.licenses ?? []) {
    need(l.name || l.path, "a license has a name or a path");
    need(!l.name || /^([-a-zA-Z0-9._])+$/.test(l.name), `license name ${l.name} is an Open Definition id`);
    need(!l.path || /^https?:\/\//.test(l.path), `license path ${l.path}`);
  }
  for (const s of pkg.sources ?? []) need(typeof s.title === "string" && s.title.length > 0, "a source has a title");
  need(Array.isArray(pkg.resources) && pkg.resources.length > 0, "at least one resource");
  const names = (pkg.resources ?? []).map((r) => r.name);
  need(new Set(names).size === names.length, "resource names unique");
  for (const r of pkg.resources ?? []) {
    const at = `resource ${r.name}`;
    need(typeof r.name === "string" && NAME.test(r.name), `${at}: name`);
    need(typeof r.path === "string", `${at}: path`);
    need(!r.mediatype || MEDIATYPE.test(r.mediatype), `${at}: mediatype`);
    need(["data-resource", "tabular-data-resource"].includes(r.profile ?? "data-resource"), `${at}: profile`);
    if (pkg.profile === "tabular-data-package") need(r.profile === "tabular-data-resource", `${at}: tabular package, tabular resource`);
    if (r.profile === "tabular-data-resource") {
      need(r.schema, `${at}: a tabular resource has a schema`);
      need(r.format === "csv" && r.mediatype === "text/csv", `${at}: a tabular resource (v1) is CSV`);
    }
    for (const [k, v] of Object.entries(r.dialect ?? {})) need(typeof v === DIALECT[k], `${at}: dialect ${k}`);
    if (!r.schema) continue;
    const fields = r.schema.fields;
    need(Array.isArray(fields) && fields.length > 0, `${at}: schema.fields`);
    const fieldNames = fields.map((f) => f.name);
    need(new Set(fieldNames).size === fieldNames.length, `${at}: field names unique`);
    for (const f of fields) {
      need(typeof f.name === "string" && f.name.length > 0, `${at}: a field has a name`);
      need(FIELD_TYPES.includes(f.type), `${at}.${f.name}: type ${f.type}`);
      need(typeof f.description === "string" && f.description.length > 10, `${at}.${f.name}: described`);
      for (const k of Object.keys(f.constraints ?? {})) need(CONSTRAINTS.includes(k), `${at}.${f.name}: constraint ${k}`);
      const en = f.constraints?.enum;
      need(en === undefined || (Array.isArray(en) && en.length > 0), `${at}.${f.name}: enum is a list`);
    }
    const pk = r.schema.primaryKey === undefined ? [] : ([] as string[]).concat(r.schema.primaryKey);
    for (const k of pk) need(fieldNames.includes(k), `${at}: primary key ${k} is a field`);
    for (const m of r.schema.missingValues ?? []) need(typeof m === "string", `${at}: missing values are strings`);
  }
  return out;
}

/** Whether one exported value conforms to its field (`raw`: a CSV cell, else a JSON value). */
function valueProblem(f: Field, value: unknown, missing: string[] | null): string | null {
  const isMissing = value === null || value === undefined || (missing !== null && typeof value === "string" && missing.includes(value));
  if (isMissing) return f.constraints?.required ? `${f.name}: required` : null;
  const csv = missing !== null;
  const s = String(value);
  const ok = (() => {
    switch (f.type) {
      case "integer":
        return csv ? /^-?\d+$/.test(s) : Number.isInteger(value);
      case "number":
        return csv ? s.trim() !== "" && Number.isFinite(Number(s)) : typeof value === "number" && Number.isFinite(value);
      case "yearmonth":
        return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
      case "object":
        return typeof value === "object" && !Array.isArray(value);
      case "string":
        return typeof value === "string";
      default:
        return false;
    }
  })();
  if (!ok) return `${f.name}: ${JSON.stringify(value)} is not ${f.type}`;
  const c = f.constraints ?? {};
  if (Array.isArray(c.enum) && !c.enum.includes(value)) return `${f.name}: ${s} not in enum`;
  if (typeof c.pattern === "string" && !new RegExp(`^(?:${c.pattern})$`).test(s)) return `${f.name}: ${s} does not match ${c.pattern}`;
  if (typeof c.minimum === "number" && Number(value) < c.minimum) return `${f.name}: ${s} < ${c.minimum}`;
  return null;
}

/** The resource's path as a request to this Worker (the paths are absolute URLs on the test origin). */
const fetchResource = (r: Resource) => {
  const url = new URL(r.path ?? "");
  expect(url.origin).toBe(ORIGIN);
  return get(url.pathname);
};

describe("GET /v1/export/datapackage.json", () => {
  beforeAll(async () => {
    // Totals, a slice, a target, a rate and a currency-less count, so every column has values of every kind.
    await writeTestArticle(
      extraction({
        title: 'Hà Nội "xuất khẩu" <2025> & đầu tư',
        facts: [
          fact({ metric: "exports", value: 9_000_000_000, geo: "dp-geo" }),
          fact({ metric: "exports", value: 2_000_000_000, geo: "dp-geo", part: { dimension: "market", member: "US" } }),
          fact({ metric: "exports", value: 10_000_000_000, geo: "dp-geo", basis: "target" }),
          fact({ metric: "grdp_growth", value: 6.52, unit: "percent", currency: undefined, geo: "dp-geo", qualifier: "approx" }),
          fact({ metric: "new_enterprises", value: 28_000, unit: "count", currency: undefined, geo: "dp-geo" }),
          fact({ metric: "other", value: 3, unit: "count", currency: undefined, geo: "dp-geo", period: null }),
        ],
      }),
    );
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 9_500_000_000, geo: "dp-geo" })] }));
  });

  it("answers JSON, cached like the other exports, with paths on the request's origin", async () => {
    const res = await get("/v1/export/datapackage.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("etag")).toMatch(/^"v\d+-[0-9a-f]{8}"$/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const pkg = (await res.json()) as Package;
    expect(pkg.resources.map((r) => r.path)).toEqual([`${ORIGIN}/v1/export/observations.csv`, `${ORIGIN}/v1/export/facts.ndjson`]);
    expect(pkg.homepage).toBe(`${ORIGIN}/`);
    // Asked on another origin, the package points there.
    const other = (await (await exports.default.fetch("https://data.example.org/v1/export/datapackage.json")).json()) as Package;
    expect(other.resources.map((r) => new URL(r.path ?? "").origin)).toEqual(["https://data.example.org", "https://data.example.org"]);
  });

  it("conforms to the Data Package, Tabular Data Resource and Table Schema specs (checked by hand)", async () => {
    const pkg = await getJson<Package>("/v1/export/datapackage.json");
    expect(packageProblems(pkg)).toEqual([]);
    // The checker itself catches a broken descriptor.
    const broken = structuredClone(pkg);
    broken.name = "News Facts";
    broken.resources[0].schema?.fields.push({ name: "id", type: "decimal", description: "" });
    broken.resources[1].profile = "tabular-data-resource";
    expect(packageProblems(broken)).toEqual(
      expect.arrayContaining([
        "package name: lower case, digits, . _ - /",
        "resource observations: field names unique",
        "resource observations.id: type decimal",
        "resource facts: a tabular resource (v1) is CSV",
      ]),
    );
  });

  it("licenses the data CC-BY-4.0, keeps article texts their publishers', and names the code's MIT licence", async () => {
    const pkg = await getJson<Package>("/v1/export/datapackage.json");
    expect(pkg.licenses).toEqual([
      { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" },
    ]);
    expect(pkg.description).toMatch(/publisher/);
    expect(pkg.description).toMatch(/MIT/);
    const facts = pkg.resources.find((r) => r.name === "facts");
    expect(facts?.schema?.fields.find((f) => f.name === "sentence")?.description).toMatch(/publisher/);
  });

  it("describes every column of the CSV header, in order, and nothing else; every cell fits its field", async () => {
    const pkg = await getJson<Package>("/v1/export/datapackage.json");
    const csv = pkg.resources.find((r) => r.format === "csv");
    if (!csv?.schema) throw new Error("no CSV resource with a schema");
    expect(csv).toMatchObject({ name: "observations", mediatype: "text/csv", encoding: "utf-8", profile: "tabular-data-resource" });
    const res = await fetchResource(csv);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    // The dialect says what the file does.
    expect(text.includes("\r\n")).toBe(csv.dialect?.lineTerminator === "\r\n");
    const [header, ...rows] = parse(text, { delimiter: csv.dialect?.delimiter as string }) as string[][];
    expect(csv.schema.fields.map((f) => f.name)).toEqual(header);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const problems = rows.flatMap(
      (row) => csv.schema?.fields.map((f, i) => valueProblem(f, row[i], csv.schema?.missingValues ?? [""])).filter((p) => p !== null) ?? [],
    );
    expect(problems).toEqual([]);
    // The rows exercise the optional columns both ways.
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(new Set(col("part_dimension"))).toEqual(new Set(["", "market"]));
    expect(new Set(col("basis"))).toEqual(new Set(["actual", "target"]));
    expect(col("currency")).toContain("");
  });

  it("describes every top-level key of the NDJSON lines and nothing else; every value fits its field", async () => {
    const pkg = await getJson<Package>("/v1/export/datapackage.json");
    const nd = pkg.resources.find((r) => r.format === "ndjson");
    if (!nd?.schema) throw new Error("no NDJSON resource with a schema");
    expect(nd).toMatchObject({ name: "facts", mediatype: "application/x-ndjson", encoding: "utf-8" });
    const res = await fetchResource(nd);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    // Decoded by hand: workerd warns about .text() on a body whose type is not text/*.
    const lines = new TextDecoder()
      .decode(await res.arrayBuffer())
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(7);
    const keys = new Set(lines.flatMap((l) => Object.keys(l)));
    expect(new Set(nd.schema.fields.map((f) => f.name))).toEqual(keys);
    const problems = lines.flatMap((l) => nd.schema?.fields.map((f) => valueProblem(f, l[f.name], null)).filter((p) => p !== null) ?? []);
    expect(problems).toEqual([]);
    // Nested objects and nulls both occur, as the descriptions say.
    expect(lines.some((l) => l.part === null) && lines.some((l) => l.part !== null)).toBe(true);
    expect(lines.some((l) => l.period === null)).toBe(true);
    const types = Object.fromEntries(nd.schema.fields.map((f) => [f.name, f.type]));
    expect([types.period, types.part, types.article]).toEqual(["object", "object", "object"]);
  });

  it("is documented in /openapi.json", async () => {
    const doc = await getJson<{ paths: Record<string, { get?: { summary?: string } }> }>("/openapi.json");
    expect(doc.paths["/v1/export/datapackage.json"]?.get?.summary).toMatch(/Data Package/);
  });
});
