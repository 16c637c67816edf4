/**
 * The API Worker: one fetch handler serving the public dataset API, the widgets, the dashboard and
 * the admin routes. It bundles no extractor and no HTML parser (a test holds it to that); the
 * pipeline Worker does the crawling and extraction.
 */
import { createApi } from ".";

const api = createApi();

export default { fetch: api.fetch } satisfies ExportedHandler<ApiBindings>;
