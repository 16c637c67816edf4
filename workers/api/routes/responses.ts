/**
 * What the OpenAPI document says of every operation of one kind: public operations need no
 * credentials (`security: []`) and share the per-client rate limit (429); admin ones need the bearer
 * token (401). Route files spread these into their createRoute configs.
 */
import { problemResponse } from "../../../schema/api";

/** `security` of a public operation: no credentials. */
export const PUBLIC: [] = [];

/** `security` of an admin operation: the adminToken bearer scheme (registered by routes/admin.ts). */
export const ADMIN = [{ adminToken: [] }];

/** 429 from the public rate limit (rate-limit.ts), which every public operation shares. */
export const RATE_LIMITED = {
  429: {
    ...problemResponse("Too many requests from this client; retry after the number of seconds in Retry-After"),
    headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" as const } } },
  },
};

/** 401 of every admin operation, with its challenge. */
export const UNAUTHORIZED = {
  401: {
    ...problemResponse("Missing or wrong bearer token"),
    headers: {
      "WWW-Authenticate": {
        description: 'Bearer realm="newsfacts-admin", with error="invalid_token" when the token given is wrong.',
        schema: { type: "string" as const },
      },
    },
  },
};
