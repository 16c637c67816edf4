CREATE TABLE `article_countries` (
	`article_id` integer NOT NULL,
	`country` text NOT NULL,
	PRIMARY KEY(`article_id`, `country`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_countries_country_idx` ON `article_countries` (`country`);--> statement-breakpoint
CREATE TABLE `article_texts` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`source_id` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`reason` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`http_status` integer,
	`final_url` text,
	`content_hash` text,
	`lang` text,
	`title` text,
	`published` text,
	`author` text,
	`extractor_version` text,
	`fact_count` integer DEFAULT 0 NOT NULL,
	`discovered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`fetched_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_status_idx` ON `articles` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `articles_source_idx` ON `articles` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published`);--> statement-breakpoint
CREATE TABLE `dataset_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`start` text,
	`end` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_article_seq_unique` ON `events` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_key_idx` ON `events` (`key`);--> statement-breakpoint
CREATE INDEX `events_start_idx` ON `events` (`start`);--> statement-breakpoint
CREATE TABLE `facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`currency` text,
	`period_start` text,
	`period_end` text,
	`geo` text NOT NULL,
	`qualifier` text NOT NULL,
	`sentence` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facts_article_seq_unique` ON `facts` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `facts_key_idx` ON `facts` (`metric`,`geo`,`period_start`,`period_end`);--> statement-breakpoint
CREATE INDEX `facts_period_idx` ON `facts` (`period_start`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `person_mentions` (
	`article_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`name_as_written` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`article_id`, `person_id`, `title`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_mentions_person_idx` ON `person_mentions` (`person_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`person_id` text,
	`speaker` text,
	`text` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_article_seq_unique` ON `quotes` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `quotes_person_idx` ON `quotes` (`person_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`lang` text,
	`active` integer DEFAULT true NOT NULL,
	`local` integer DEFAULT false NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_status` text,
	`last_error` text,
	`last_crawled_at` text,
	`last_found` integer DEFAULT 0 NOT NULL,
	`last_queued` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
