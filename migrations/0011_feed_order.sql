ALTER TABLE `observations` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `observations_feed_metric_idx` ON `observations` (`metric`,`updated_at`) WHERE "observations"."basis" = 'actual' AND "observations"."part_dimension" = '';--> statement-breakpoint
CREATE INDEX `observations_feed_conflicts_idx` ON `observations` (`updated_at`) WHERE "observations"."status" = 'conflict' AND "observations"."basis" = 'actual' AND "observations"."part_dimension" = '';--> statement-breakpoint
-- Hand-written: each observation's last change, as the feeds read it before (its newest source's write).
UPDATE `observations` SET `updated_at` = coalesce((SELECT max(a.`fetched_at`) FROM `facts` f JOIN `articles` a ON a.`id` = f.`article_id`
  WHERE f.`observation_id` = `observations`.`id`), '');
