CREATE TABLE `observation_dirty` (
	`metric` text NOT NULL,
	`geo` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`currency` text NOT NULL,
	PRIMARY KEY(`metric`, `geo`, `period_start`, `period_end`, `currency`)
);
--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric` text NOT NULL,
	`geo` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`currency` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`value` real NOT NULL,
	`value_min` real NOT NULL,
	`value_max` real NOT NULL,
	`qualifier` text NOT NULL,
	`qualifiers` text NOT NULL,
	`status` text NOT NULL,
	`fact_count` integer NOT NULL,
	`article_count` integer NOT NULL,
	`months` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_key_unique` ON `observations` (`metric`,`geo`,`period_start`,`period_end`,`currency`);--> statement-breakpoint
CREATE INDEX `observations_status_idx` ON `observations` (`status`,`id`);