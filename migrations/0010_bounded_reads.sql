CREATE TABLE `person_mention_counts` (
	`person_id` text NOT NULL,
	`title` text NOT NULL,
	`name_as_written` text NOT NULL,
	`mentions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`person_id`, `title`, `name_as_written`)
);
--> statement-breakpoint
CREATE TABLE `slice_counts` (
	`metric` text NOT NULL,
	`geo` text NOT NULL,
	`part_dimension` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`metric`, `geo`, `part_dimension`)
);
--> statement-breakpoint
DROP INDEX `person_mentions_person_idx`;--> statement-breakpoint
ALTER TABLE `person_mentions` ADD `published` text;--> statement-breakpoint
CREATE INDEX `person_mentions_title_idx` ON `person_mentions` (`person_id`,`title`,`published`);--> statement-breakpoint
CREATE INDEX `person_mentions_person_idx` ON `person_mentions` (`person_id`,`published`,`article_id`);--> statement-breakpoint
DROP INDEX `quotes_person_idx`;--> statement-breakpoint
ALTER TABLE `quotes` ADD `published` text;--> statement-breakpoint
CREATE INDEX `quotes_person_idx` ON `quotes` (`person_id`,`published`,`article_id`,"seq" DESC);--> statement-breakpoint
CREATE INDEX `facts_metric_idx` ON `facts` (`metric`);--> statement-breakpoint
CREATE INDEX `observations_slices_idx` ON `observations` (`metric`,`geo`,`basis`,`part_dimension`,`period_end`,`period_start`);--> statement-breakpoint
-- Hand-written from here (drizzle-kit does not model triggers or backfills).
-- Each mention's and quote's publication date, from its article; the triggers below keep them equal to it.
UPDATE `person_mentions` SET `published` = (SELECT `published` FROM `articles` WHERE `articles`.`id` = `person_mentions`.`article_id`);
--> statement-breakpoint
UPDATE `quotes` SET `published` = (SELECT `published` FROM `articles` WHERE `articles`.`id` = `quotes`.`article_id`);
--> statement-breakpoint
-- The counters, from the rows already stored; the triggers below keep them from here on.
INSERT INTO `person_mention_counts` (`person_id`, `title`, `name_as_written`, `mentions`)
  SELECT `person_id`, `title`, `name_as_written`, count(*) FROM `person_mentions` GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `slice_counts` (`metric`, `geo`, `part_dimension`, `n`)
  SELECT `metric`, `geo`, `part_dimension`, count(*) FROM `observations` WHERE `basis` = 'actual' AND `part_dimension` <> '' GROUP BY 1, 2, 3;
--> statement-breakpoint
-- A mention or a quote is written with its article's date by the article writer (as a fact is); the
-- articles trigger below carries a later change of the date over.
CREATE TRIGGER `person_mentions_kept_insert` AFTER INSERT ON `person_mentions` BEGIN
  INSERT INTO `person_mention_counts` (`person_id`, `title`, `name_as_written`, `mentions`) VALUES (new.`person_id`, new.`title`, new.`name_as_written`, 1)
    ON CONFLICT (`person_id`, `title`, `name_as_written`) DO UPDATE SET `mentions` = `mentions` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `person_mentions_kept_update` AFTER UPDATE OF `person_id`, `title`, `name_as_written` ON `person_mentions`
  WHEN old.`person_id` IS NOT new.`person_id` OR old.`title` IS NOT new.`title` OR old.`name_as_written` IS NOT new.`name_as_written` BEGIN
  UPDATE `person_mention_counts` SET `mentions` = `mentions` - 1
    WHERE `person_id` = old.`person_id` AND `title` = old.`title` AND `name_as_written` = old.`name_as_written`;
  DELETE FROM `person_mention_counts`
    WHERE `person_id` = old.`person_id` AND `title` = old.`title` AND `name_as_written` = old.`name_as_written` AND `mentions` <= 0;
  INSERT INTO `person_mention_counts` (`person_id`, `title`, `name_as_written`, `mentions`) VALUES (new.`person_id`, new.`title`, new.`name_as_written`, 1)
    ON CONFLICT (`person_id`, `title`, `name_as_written`) DO UPDATE SET `mentions` = `mentions` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `person_mentions_kept_delete` AFTER DELETE ON `person_mentions` BEGIN
  UPDATE `person_mention_counts` SET `mentions` = `mentions` - 1
    WHERE `person_id` = old.`person_id` AND `title` = old.`title` AND `name_as_written` = old.`name_as_written`;
  DELETE FROM `person_mention_counts`
    WHERE `person_id` = old.`person_id` AND `title` = old.`title` AND `name_as_written` = old.`name_as_written` AND `mentions` <= 0;
END;
--> statement-breakpoint
-- Only rows whose date differs are written: the article writer has already dated its own rows.
CREATE TRIGGER `articles_published_update` AFTER UPDATE OF `published` ON `articles` WHEN old.`published` IS NOT new.`published` BEGIN
  UPDATE `person_mentions` SET `published` = new.`published` WHERE `article_id` = new.`id` AND `published` IS NOT new.`published`;
  UPDATE `quotes` SET `published` = new.`published` WHERE `article_id` = new.`id` AND `published` IS NOT new.`published`;
  UPDATE `facts` SET `published` = new.`published` WHERE `article_id` = new.`id` AND `published` IS NOT new.`published`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_sliced_insert` AFTER INSERT ON `observations` WHEN new.`basis` = 'actual' AND new.`part_dimension` <> '' BEGIN
  INSERT INTO `slice_counts` (`metric`, `geo`, `part_dimension`, `n`) VALUES (new.`metric`, new.`geo`, new.`part_dimension`, 1)
    ON CONFLICT (`metric`, `geo`, `part_dimension`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_sliced_delete` AFTER DELETE ON `observations` WHEN old.`basis` = 'actual' AND old.`part_dimension` <> '' BEGIN
  UPDATE `slice_counts` SET `n` = `n` - 1 WHERE `metric` = old.`metric` AND `geo` = old.`geo` AND `part_dimension` = old.`part_dimension`;
  DELETE FROM `slice_counts` WHERE `metric` = old.`metric` AND `geo` = old.`geo` AND `part_dimension` = old.`part_dimension` AND `n` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_sliced_update` AFTER UPDATE OF `metric`, `geo`, `basis`, `part_dimension` ON `observations`
  WHEN old.`metric` IS NOT new.`metric` OR old.`geo` IS NOT new.`geo` OR old.`basis` IS NOT new.`basis` OR old.`part_dimension` IS NOT new.`part_dimension` BEGIN
  UPDATE `slice_counts` SET `n` = `n` - 1
    WHERE old.`basis` = 'actual' AND old.`part_dimension` <> '' AND `metric` = old.`metric` AND `geo` = old.`geo` AND `part_dimension` = old.`part_dimension`;
  DELETE FROM `slice_counts` WHERE `metric` = old.`metric` AND `geo` = old.`geo` AND `part_dimension` = old.`part_dimension` AND `n` <= 0;
  INSERT INTO `slice_counts` (`metric`, `geo`, `part_dimension`, `n`) SELECT new.`metric`, new.`geo`, new.`part_dimension`, 1
    WHERE new.`basis` = 'actual' AND new.`part_dimension` <> ''
    ON CONFLICT (`metric`, `geo`, `part_dimension`) DO UPDATE SET `n` = `n` + 1;
END;
