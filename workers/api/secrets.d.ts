/** Secrets are not in wrangler.api.toml (so not in worker-env.d.ts): `wrangler secret put ADMIN_TOKEN`. */
interface ApiBindings {
  /** Bearer token for /v1/admin/*; when unset, every admin request is refused. */
  ADMIN_TOKEN?: string;
}
