/**
 * The bot's User-Agent. Site owners read it to find who crawls them, so it carries the operator's
 * contact URL (the BOT_CONTACT_URL variable, which the README tells the operator to set).
 */
export const BOT_NAME = "newsfactsbot";
export const BOT_VERSION = "0.2";

/** @example userAgentFor({ BOT_CONTACT_URL: "https://example.org/bot" }) // "newsfactsbot/0.2 (+https://example.org/bot)" */
export function userAgentFor(env: { BOT_CONTACT_URL: string }): string {
  return `${BOT_NAME}/${BOT_VERSION} (+${env.BOT_CONTACT_URL})`;
}
