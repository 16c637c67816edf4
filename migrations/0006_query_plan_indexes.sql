DROP INDEX `events_start_idx`;--> statement-breakpoint
CREATE INDEX `events_sort_idx` ON `events` ((CASE WHEN "start" IS NULL THEN '' ELSE "start" END) DESC,`key`);--> statement-breakpoint
ALTER TABLE `people` ADD `article_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `quote_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `people_rank_idx` ON `people` ("article_count" DESC,`id`);--> statement-breakpoint
CREATE INDEX `facts_geo_idx` ON `facts` (`geo`);--> statement-breakpoint
CREATE INDEX `facts_basis_idx` ON `facts` (`basis`);--> statement-breakpoint
CREATE INDEX `facts_part_idx` ON `facts` (`part_dimension`);--> statement-breakpoint
CREATE INDEX `observations_role_idx` ON `observations` (`basis`,`part_dimension`);--> statement-breakpoint
CREATE INDEX `observations_member_idx` ON `observations` (`part_member`);