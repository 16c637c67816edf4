ALTER TABLE `facts` ADD `basis` text DEFAULT 'actual' NOT NULL;--> statement-breakpoint
ALTER TABLE `facts` ADD `part_dimension` text;--> statement-breakpoint
ALTER TABLE `facts` ADD `part_member` text;