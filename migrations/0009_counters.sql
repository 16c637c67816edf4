CREATE TABLE `article_counts` (
	`source_id` text NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`source_id`, `status`)
);
--> statement-breakpoint
CREATE TABLE `metric_counts` (
	`metric` text PRIMARY KEY NOT NULL,
	`facts` integer DEFAULT 0 NOT NULL,
	`observations` integer DEFAULT 0 NOT NULL,
	`conflicts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `table_counts` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `facts` ADD `observation_id` integer;--> statement-breakpoint
ALTER TABLE `facts` ADD `published` text;--> statement-breakpoint
CREATE INDEX `facts_observation_idx` ON `facts` (`observation_id`,`published`,`article_id`);--> statement-breakpoint
ALTER TABLE `observations` ADD `source_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `observations` ADD `value_list` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written from here (drizzle-kit does not model triggers or backfills).
-- Each fact's publication date and observation, from what is already stored.
UPDATE `facts` SET `published` = (SELECT `published` FROM `articles` WHERE `articles`.`id` = `facts`.`article_id`);
--> statement-breakpoint
UPDATE `facts` SET `observation_id` = (SELECT o.`id` FROM `observations` o WHERE o.`metric` = `facts`.`metric` AND o.`geo` = `facts`.`geo`
    AND o.`period_start` = `facts`.`period_start` AND o.`period_end` = `facts`.`period_end` AND o.`currency` = coalesce(`facts`.`currency`, '')
    AND o.`basis` = `facts`.`basis` AND o.`part_dimension` = coalesce(`facts`.`part_dimension`, '') AND o.`part_member` = coalesce(`facts`.`part_member`, ''))
  WHERE `metric` <> 'other' AND `period_start` IS NOT NULL AND `period_end` IS NOT NULL;
--> statement-breakpoint
UPDATE `observations` SET
  `source_count` = (SELECT count(*) FROM (SELECT DISTINCT `article_id`, `value` FROM `facts` WHERE `observation_id` = `observations`.`id`)),
  `value_list` = coalesce((SELECT group_concat(`value`) FROM (SELECT `value` FROM `facts` WHERE `observation_id` = `observations`.`id` GROUP BY `value` ORDER BY min(`id`))), '');
--> statement-breakpoint
-- The counters, from the rows already stored; the triggers below keep them from here on.
INSERT INTO `article_counts` (`source_id`, `status`, `n`) SELECT coalesce(`source_id`, ''), `status`, count(*) FROM `articles` GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `metric_counts` (`metric`, `facts`) SELECT `metric`, count(*) FROM `facts` GROUP BY `metric`;
--> statement-breakpoint
INSERT INTO `metric_counts` (`metric`, `observations`, `conflicts`) SELECT `metric`, count(*), sum(`status` = 'conflict') FROM `observations` WHERE true GROUP BY `metric`
  ON CONFLICT (`metric`) DO UPDATE SET `observations` = excluded.`observations`, `conflicts` = excluded.`conflicts`;
--> statement-breakpoint
INSERT INTO `table_counts` (`name`, `n`) SELECT 'people', count(*) FROM `people`;
--> statement-breakpoint
CREATE TRIGGER `articles_counted_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO `article_counts` (`source_id`, `status`, `n`) VALUES (coalesce(new.`source_id`, ''), new.`status`, 1)
    ON CONFLICT (`source_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_counted_update` AFTER UPDATE OF `status`, `source_id` ON `articles`
  WHEN old.`status` IS NOT new.`status` OR old.`source_id` IS NOT new.`source_id` BEGIN
  UPDATE `article_counts` SET `n` = `n` - 1 WHERE `source_id` = coalesce(old.`source_id`, '') AND `status` = old.`status`;
  INSERT INTO `article_counts` (`source_id`, `status`, `n`) VALUES (coalesce(new.`source_id`, ''), new.`status`, 1)
    ON CONFLICT (`source_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_counted_delete` AFTER DELETE ON `articles` BEGIN
  UPDATE `article_counts` SET `n` = `n` - 1 WHERE `source_id` = coalesce(old.`source_id`, '') AND `status` = old.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_counted_insert` AFTER INSERT ON `facts` BEGIN
  INSERT INTO `metric_counts` (`metric`, `facts`) VALUES (new.`metric`, 1) ON CONFLICT (`metric`) DO UPDATE SET `facts` = `facts` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `facts_counted_delete` AFTER DELETE ON `facts` BEGIN
  UPDATE `metric_counts` SET `facts` = `facts` - 1 WHERE `metric` = old.`metric`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_counted_insert` AFTER INSERT ON `observations` BEGIN
  INSERT INTO `metric_counts` (`metric`, `observations`, `conflicts`) VALUES (new.`metric`, 1, new.`status` = 'conflict')
    ON CONFLICT (`metric`) DO UPDATE SET `observations` = `observations` + 1, `conflicts` = `conflicts` + excluded.`conflicts`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_counted_update` AFTER UPDATE OF `status` ON `observations` WHEN old.`status` IS NOT new.`status` BEGIN
  UPDATE `metric_counts` SET `conflicts` = `conflicts` + (new.`status` = 'conflict') - (old.`status` = 'conflict') WHERE `metric` = new.`metric`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_counted_delete` AFTER DELETE ON `observations` BEGIN
  UPDATE `metric_counts` SET `observations` = `observations` - 1, `conflicts` = `conflicts` - (old.`status` = 'conflict') WHERE `metric` = old.`metric`;
END;
--> statement-breakpoint
CREATE TRIGGER `people_counted_insert` AFTER INSERT ON `people` BEGIN
  INSERT INTO `table_counts` (`name`, `n`) VALUES ('people', 1) ON CONFLICT (`name`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `people_counted_delete` AFTER DELETE ON `people` BEGIN
  UPDATE `table_counts` SET `n` = `n` - 1 WHERE `name` = 'people';
END;
