/**
 * Observations, kept in step with facts by statements that run inside the batch that changes the
 * facts (so a reader never sees facts and observations disagree). The statements are SQL, so they
 * live with the table's other queries in workers/db/observations.ts; this module names the model
 * and re-exports them for the writers (ingest, the admin rebuild).
 *
 * An observation is every fact with one key (metric, geo, period start, period end, currency, basis,
 * slice). Facts without a period and those of metric "other" back no observation. Totals, slices and
 * targets never merge: each role of a figure is an observation of its own, and readers ask for the
 * role they want (totals that happened, by default).
 *
 * Agreement (dataset/agreement.ts): the values of one key agree when they differ by rounding only.
 * Anything wider is a conflict: the observation keeps every fact and is marked `conflict`, its
 * headline value stays an exact figure's, and no value wins silently.
 */
export {
  addArticleFactsStatement,
  linkArticleFactsStatement,
  markAllKeysStatement,
  markArticleKeysStatement,
  rebuildStatements,
  refreshTouchedStatements,
} from "../db/observations";
export { AGREE_ABSOLUTE_PERCENT, AGREE_RELATIVE, valuesAgree } from "./agreement";
