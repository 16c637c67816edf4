ALTER TABLE `articles` ADD `page_key` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `text_key` text;