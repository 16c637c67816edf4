/**
 * The API Worker: one fetch handler serving the public dataset API, the widgets, the dashboard and
 * the admin routes. It bundles no extractor and no HTML parser (a test holds it to that); the
 * pipeline Worker does the crawling and extraction.
 *
 * The app (its zod schemas, the OpenAPI registry, the routes) is built on the first request, not at
 * module load: building it is most of the Worker's startup CPU, and an isolate that is started but
 * never asked anything should not pay for it. The dynamic import keeps the whole graph lazy in the
 * bundle (esbuild wraps dynamically imported modules in an init function).
 */
type Api = ReturnType<typeof import(".").createApi>;

let api: Promise<Api> | undefined;

/** The app, built once per isolate on first use. */
function app(): Promise<Api> {
  api ??= import(".")
    .then((m) => m.createApi())
    .catch((e: unknown) => {
      api = undefined; // a failed build is retried by the next request, not cached
      throw e;
    });
  return api;
}

export default {
  async fetch(request, env, ctx) {
    return (await app()).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<ApiBindings>;
