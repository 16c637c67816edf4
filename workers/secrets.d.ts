/** Secrets are not in wrangler.toml (so not in worker-configuration.d.ts): `wrangler secret put ADMIN_TOKEN`. */
declare namespace Cloudflare {
  interface Env {
    /** Bearer token for /v1/admin/*; when unset, every admin request is refused. */
    ADMIN_TOKEN?: string;
  }
}
