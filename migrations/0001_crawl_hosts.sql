CREATE TABLE `crawl_hosts` (
	`origin` text PRIMARY KEY NOT NULL,
	`next_fetch_at` integer DEFAULT 0 NOT NULL,
	`robots_txt` text,
	`robots_status` text,
	`robots_fetched_at` integer
);
