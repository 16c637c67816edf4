DROP INDEX `observations_key_unique`;--> statement-breakpoint
ALTER TABLE `observations` ADD `basis` text DEFAULT 'actual' NOT NULL;--> statement-breakpoint
ALTER TABLE `observations` ADD `part_dimension` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `observations` ADD `part_member` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `observations` ADD `span` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
CREATE INDEX `observations_series_idx` ON `observations` (`metric`,`geo`,`basis`,`part_dimension`,`span`,`period_end`);--> statement-breakpoint
CREATE UNIQUE INDEX `observations_key_unique` ON `observations` (`metric`,`geo`,`period_start`,`period_end`,`currency`,`basis`,`part_dimension`,`part_member`);--> statement-breakpoint
DROP TABLE `observation_dirty`;--> statement-breakpoint
CREATE TABLE `observation_dirty` (
	`metric` text NOT NULL,
	`geo` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`currency` text NOT NULL,
	`basis` text NOT NULL,
	`part_dimension` text NOT NULL,
	`part_member` text NOT NULL,
	PRIMARY KEY(`metric`, `geo`, `period_start`, `period_end`, `currency`, `basis`, `part_dimension`, `part_member`)
);
--> statement-breakpoint
-- Hand-written: observations of today's schema are all actual totals; their span kind follows from the period (schema/spans.ts spanSql).
UPDATE `observations` SET `span` = (CASE WHEN metric IN ('diplomatic_missions', 'partner_cities', 'trading_partners') THEN 'point' WHEN substr(period_start, 1, 4) <> substr(period_end, 1, 4) THEN 'multi_year' WHEN ((CAST(substr(period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(period_end, 6, 2) AS INTEGER)) - (CAST(substr(period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(period_start, 6, 2) AS INTEGER)) + 1) = 1 THEN 'month' WHEN ((CAST(substr(period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(period_end, 6, 2) AS INTEGER)) - (CAST(substr(period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(period_start, 6, 2) AS INTEGER)) + 1) = 12 THEN 'year' WHEN ((CAST(substr(period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(period_end, 6, 2) AS INTEGER)) - (CAST(substr(period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(period_start, 6, 2) AS INTEGER)) + 1) = 3 AND CAST(substr(period_start, 6, 2) AS INTEGER) % 3 = 1 THEN 'quarter' WHEN ((CAST(substr(period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(period_end, 6, 2) AS INTEGER)) - (CAST(substr(period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(period_start, 6, 2) AS INTEGER)) + 1) = 6 AND CAST(substr(period_start, 6, 2) AS INTEGER) % 6 = 1 THEN 'half' WHEN CAST(substr(period_start, 6, 2) AS INTEGER) = 1 THEN 'ytd' ELSE 'other' END);
