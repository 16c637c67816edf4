/**
 * What must hold before the two Workers go to production, read from the configs' [env.production]
 * with wrangler's own reader: real ids (not the local placeholders), no loopback anywhere, the
 * production sources, observability and minification on, and both Workers on the same database,
 * bucket and commands queue. Offline: the checks that need the account are in scripts/deploy.mjs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZERO_ID = "00000000-0000-0000-0000-000000000000";
const LOOPBACK = /\b(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])\b/i;

/** The production view of one config, as wrangler resolves it. */
export function readProduction(configPath) {
  return unstable_readConfig({ config: configPath, env: "production" }, { hideWarnings: true });
}

function checkWorker(label, c, problems) {
  const db = c.d1_databases?.find((d) => d.binding === "DB");
  if (!db) problems.push(`${label}: no D1 binding DB in [env.production]`);
  else if (!UUID.test(db.database_id ?? "") || db.database_id === ZERO_ID)
    problems.push(`${label}: database_id is "${db.database_id}"; set it to the id \`wrangler d1 create newsfacts\` printed`);
  const bucket = c.r2_buckets?.find((b) => b.binding === "ARCHIVE");
  if (!bucket?.bucket_name || /REPLACE|local/i.test(bucket.bucket_name))
    problems.push(`${label}: the ARCHIVE bucket_name "${bucket?.bucket_name ?? ""}" is not a production bucket`);
  if (c.minify !== true) problems.push(`${label}: minify is not true in [env.production]`);
  if (c.observability?.enabled !== true) problems.push(`${label}: [env.production.observability] is not enabled`);
  for (const [k, v] of Object.entries(c.vars ?? {}))
    if (typeof v === "string" && LOOPBACK.test(v)) problems.push(`${label}: var ${k} points at loopback (${v})`);
  return { db: db?.database_id, bucket: bucket?.bucket_name };
}

/**
 * Every reason the production configuration must not be deployed (empty when it may be).
 * @example checkProductionConfig({ root: "." }) // ['api: database_id is "REPLACE_WITH_D1_DATABASE_ID"; …', …]
 */
export function checkProductionConfig({
  root = ".",
  apiConfig = join(root, "wrangler.api.toml"),
  pipelineConfig = join(root, "wrangler.pipeline.toml"),
} = {}) {
  const problems = [];
  const api = readProduction(apiConfig);
  const pipeline = readProduction(pipelineConfig);
  const a = checkWorker("api", api, problems);
  const p = checkWorker("pipeline", pipeline, problems);
  if (a.db !== p.db) problems.push(`the two Workers use different databases (${a.db} and ${p.db})`);
  if (a.bucket !== p.bucket) problems.push(`the two Workers use different buckets (${a.bucket} and ${p.bucket})`);

  const vars = pipeline.vars ?? {};
  if (vars.SOURCES_PRESET !== "production") problems.push(`pipeline: SOURCES_PRESET is "${vars.SOURCES_PRESET}", not "production"`);
  if (!/^https:\/\/[^\s]+$/.test(vars.BOT_CONTACT_URL ?? "") || /REPLACE|example\./i.test(vars.BOT_CONTACT_URL))
    problems.push(
      `pipeline: BOT_CONTACT_URL "${vars.BOT_CONTACT_URL ?? ""}" is not your https contact page (site owners read it in the User-Agent)`,
    );
  if (!pipeline.triggers?.crons?.length) problems.push("pipeline: no cron trigger in [env.production]");
  const sent = api.queues?.producers?.find((q) => q.binding === "COMMANDS")?.queue;
  if (!sent || !pipeline.queues?.consumers?.some((q) => q.queue === sent))
    problems.push(`the API sends commands on "${sent ?? "(none)"}" but the pipeline does not consume that queue`);

  const sources = JSON.parse(readFileSync(join(root, "config", "sources.json"), "utf8")).production ?? [];
  if (!sources.length) problems.push("config/sources.json lists no production sources");
  for (const s of sources)
    if (LOOPBACK.test(s.url) || s.local || s.url.includes("{{")) problems.push(`production source ${s.id} is not a public URL (${s.url})`);
  return problems;
}
