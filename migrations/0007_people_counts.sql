-- Each person's counts, from the mentions and quotes already stored (once; the article writer keeps them from here on).
UPDATE `people` SET
  `article_count` = (SELECT count(DISTINCT `article_id`) FROM `person_mentions` WHERE `person_id` = `people`.`id`),
  `quote_count` = (SELECT count(*) FROM `quotes` WHERE `person_id` = `people`.`id`);
