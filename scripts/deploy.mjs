/**
 * npm run deploy — both Workers to production, or a clear refusal. In order: the offline checks of
 * the production configuration (scripts/lib/deploy-checks.mjs), the account checks (logged in, the
 * database and bucket exist, the API's ADMIN_TOKEN secret is set), the D1 migrations, then the
 * pipeline Worker and the API Worker. `--check` stops after the offline checks.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { checkProductionConfig, readProduction } from "./lib/deploy-checks.mjs";
import { ROOT, wranglerEnv } from "./lib/stack.mjs";

const API = "wrangler.api.toml";
const PIPELINE = "wrangler.pipeline.toml";

function refuse(lines) {
  console.error(`deploy: refused — fix these first (see README, "Deploy"):\n${lines.map((l) => `  - ${l}`).join("\n")}`);
  process.exit(1);
}

function wrangler(args, { quiet = false } = {}) {
  const env = { ...wranglerEnv(), CI: process.env.CI ?? "" };
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "wrangler"), args, {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

const problems = checkProductionConfig({ root: ROOT });
if (problems.length) refuse(problems);
console.log("deploy: production configuration checked");
if (process.argv.includes("--check")) process.exit(0);

const api = readProduction(join(ROOT, API));
const bucket = api.r2_buckets.find((b) => b.binding === "ARCHIVE").bucket_name;
const account = [];
if (!wrangler(["whoami"], { quiet: true }).ok) account.push("not logged in: run `npx wrangler login` or set CLOUDFLARE_API_TOKEN");
else {
  if (!wrangler(["d1", "info", "DB", "-c", API, "--env", "production"], { quiet: true }).ok)
    account.push("the D1 database in [env.production] does not exist in this account (`npx wrangler d1 create newsfacts`)");
  if (!wrangler(["r2", "bucket", "info", bucket], { quiet: true }).ok)
    account.push(`the R2 bucket ${bucket} does not exist (\`npx wrangler r2 bucket create ${bucket}\`)`);
  const secrets = wrangler(["secret", "list", "-c", API, "--env", "production", "--format", "json"], { quiet: true });
  if (!secrets.ok || !/"name"\s*:\s*"ADMIN_TOKEN"/.test(secrets.out))
    account.push(`the API's ADMIN_TOKEN secret is not set (\`npx wrangler secret put ADMIN_TOKEN -c ${API} --env production\`)`);
}
if (account.length) refuse(account);

const steps = [
  ["migrations", ["d1", "migrations", "apply", "DB", "--remote", "-c", API, "--env", "production"]],
  ["pipeline Worker", ["deploy", "-c", PIPELINE, "--env", "production"]],
  ["API Worker", ["deploy", "-c", API, "--env", "production"]],
];
for (const [name, args] of steps) {
  console.log(`deploy: ${name}…`);
  if (!wrangler(args).ok) {
    console.error(`deploy: ${name} failed; nothing after it was deployed`);
    process.exit(1);
  }
}
console.log("deploy: done");
