-- Facts the insights dashboard reads (docs/insights.md), kept in the transaction of every write
-- that makes them, whichever code path or process writes: who opened a thread, when it got its
-- first visible reply and first staff reply, and daily rollups of published posts, helpful votes and
-- accepted answers. A day is the UTC day number (ms / 86,400,000). A post counts once, when it is
-- published, on the day it was written; hiding or deleting it later does not subtract it.
-- Existing data is filled in first. Solutions accepted before this migration take the answer's
-- writing time as their time of solution: the moment of acceptance was not recorded.
UPDATE `threads` SET `opened_by_staff` = 1 WHERE `author_id` IN (SELECT `id` FROM `users` WHERE `role` IN ('manager', 'admin'));--> statement-breakpoint
UPDATE `threads` SET
  `first_reply_at` = (SELECT min(p.`created_at`) FROM `posts` p WHERE p.`thread_id` = `threads`.`id` AND p.`number` > 1 AND p.`status` = 'published' AND p.`hidden_at` IS NULL AND p.`deleted_at` IS NULL AND p.`author_id` <> `threads`.`author_id`),
  `first_staff_reply_at` = (SELECT min(p.`created_at`) FROM `posts` p JOIN `users` u ON u.`id` = p.`author_id` WHERE p.`thread_id` = `threads`.`id` AND p.`number` > 1 AND p.`status` = 'published' AND p.`hidden_at` IS NULL AND p.`deleted_at` IS NULL AND p.`author_id` <> `threads`.`author_id` AND u.`role` IN ('manager', 'admin'))
  WHERE `last_post_number` > 1;--> statement-breakpoint
UPDATE `threads` SET
  `solved_at` = (SELECT p.`created_at` FROM `posts` p WHERE p.`id` = `threads`.`solved_post_id`),
  `solved_by_staff` = coalesce((SELECT u.`role` IN ('manager', 'admin') FROM `posts` p JOIN `users` u ON u.`id` = p.`author_id` WHERE p.`id` = `threads`.`solved_post_id`), 0)
  WHERE `solved_post_id` IS NOT NULL;--> statement-breakpoint
INSERT INTO `daily_activity` (`category_id`, `day`, `threads`, `replies`)
  SELECT t.`category_id`, p.`created_at` / 86400000, sum(p.`number` = 1), sum(p.`number` > 1)
  FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id` WHERE p.`status` = 'published' AND p.`number` IS NOT NULL GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `posts`)
  SELECT p.`created_at` / 86400000, t.`category_id`, p.`author_id`, count(*)
  FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id` WHERE p.`status` = 'published' AND p.`number` IS NOT NULL GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `helpful`)
  SELECT v.`created_at` / 86400000, t.`category_id`, p.`author_id`, count(*)
  FROM `post_votes` v JOIN `posts` p ON p.`id` = v.`post_id` JOIN `threads` t ON t.`id` = p.`thread_id` WHERE true GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `helpful` = `helpful` + excluded.`helpful`;--> statement-breakpoint
INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `answers`)
  SELECT t.`solved_at` / 86400000, t.`category_id`, p.`author_id`, count(*)
  FROM `threads` t JOIN `posts` p ON p.`id` = t.`solved_post_id` WHERE t.`solved_at` IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`;--> statement-breakpoint
CREATE TRIGGER `threads_opened_by_staff` AFTER INSERT ON `threads`
WHEN (SELECT `role` FROM `users` WHERE `id` = NEW.`author_id`) IN ('manager', 'admin') BEGIN
  UPDATE `threads` SET `opened_by_staff` = 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `posts_insights_insert` AFTER INSERT ON `posts` WHEN NEW.`status` = 'published' AND NEW.`number` IS NOT NULL BEGIN
  INSERT INTO `daily_activity` (`category_id`, `day`, `threads`, `replies`)
    SELECT `category_id`, NEW.`created_at` / 86400000, NEW.`number` = 1, NEW.`number` > 1 FROM `threads` WHERE `id` = NEW.`thread_id`
    ON CONFLICT (`category_id`, `day`) DO UPDATE SET `threads` = `threads` + excluded.`threads`, `replies` = `replies` + excluded.`replies`;
  INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `posts`)
    SELECT NEW.`created_at` / 86400000, `category_id`, NEW.`author_id`, 1 FROM `threads` WHERE `id` = NEW.`thread_id`
    ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `posts` = `posts` + 1;
  UPDATE `threads` SET `first_reply_at` = NEW.`created_at`
    WHERE NEW.`number` > 1 AND `id` = NEW.`thread_id` AND `author_id` <> NEW.`author_id` AND (`first_reply_at` IS NULL OR `first_reply_at` > NEW.`created_at`);
  UPDATE `threads` SET `first_staff_reply_at` = NEW.`created_at`
    WHERE NEW.`number` > 1 AND `id` = NEW.`thread_id` AND `author_id` <> NEW.`author_id` AND (`first_staff_reply_at` IS NULL OR `first_staff_reply_at` > NEW.`created_at`)
    AND (SELECT `role` FROM `users` WHERE `id` = NEW.`author_id`) IN ('manager', 'admin');
END;--> statement-breakpoint
CREATE TRIGGER `posts_insights_publish` AFTER UPDATE OF `status`, `number` ON `posts`
WHEN NEW.`status` = 'published' AND NEW.`number` IS NOT NULL AND (OLD.`status` <> 'published' OR OLD.`number` IS NULL) BEGIN
  INSERT INTO `daily_activity` (`category_id`, `day`, `threads`, `replies`)
    SELECT `category_id`, NEW.`created_at` / 86400000, NEW.`number` = 1, NEW.`number` > 1 FROM `threads` WHERE `id` = NEW.`thread_id`
    ON CONFLICT (`category_id`, `day`) DO UPDATE SET `threads` = `threads` + excluded.`threads`, `replies` = `replies` + excluded.`replies`;
  INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `posts`)
    SELECT NEW.`created_at` / 86400000, `category_id`, NEW.`author_id`, 1 FROM `threads` WHERE `id` = NEW.`thread_id`
    ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `posts` = `posts` + 1;
END;--> statement-breakpoint
-- A reply that stops or starts being visible (hidden by a manager or by flags, deleted by its
-- author, held, approved, restored) moves the thread's first reply times to the earliest visible
-- replies: a spam "answer" removed later does not leave its question answered (nor does a reply
-- its author deleted, as in Discourse's report). The staff time then follows authors' roles now.
CREATE TRIGGER `posts_insights_visibility` AFTER UPDATE OF `status`, `number`, `hidden_at`, `deleted_at` ON `posts`
WHEN NEW.`number` > 1
  AND (OLD.`status` = 'published' AND OLD.`number` IS NOT NULL AND OLD.`hidden_at` IS NULL AND OLD.`deleted_at` IS NULL)
   <> (NEW.`status` = 'published' AND NEW.`hidden_at` IS NULL AND NEW.`deleted_at` IS NULL) BEGIN
  UPDATE `threads` SET
    `first_reply_at` = (SELECT min(p.`created_at`) FROM `posts` p WHERE p.`thread_id` = `threads`.`id` AND p.`number` > 1 AND p.`status` = 'published' AND p.`hidden_at` IS NULL AND p.`deleted_at` IS NULL AND p.`author_id` <> `threads`.`author_id`),
    `first_staff_reply_at` = (SELECT min(p.`created_at`) FROM `posts` p JOIN `users` u ON u.`id` = p.`author_id` WHERE p.`thread_id` = `threads`.`id` AND p.`number` > 1 AND p.`status` = 'published' AND p.`hidden_at` IS NULL AND p.`deleted_at` IS NULL AND p.`author_id` <> `threads`.`author_id` AND u.`role` IN ('manager', 'admin'))
    WHERE `id` = NEW.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `post_votes_insights_insert` AFTER INSERT ON `post_votes` BEGIN
  INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `helpful`)
    SELECT NEW.`created_at` / 86400000, t.`category_id`, p.`author_id`, 1 FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id` WHERE p.`id` = NEW.`post_id`
    ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `helpful` = `helpful` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `post_votes_insights_delete` AFTER DELETE ON `post_votes` BEGIN
  UPDATE `member_days` SET `helpful` = `helpful` - 1
    WHERE (`day`, `category_id`, `user_id`) = (SELECT OLD.`created_at` / 86400000, t.`category_id`, p.`author_id` FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id` WHERE p.`id` = OLD.`post_id`);
END;--> statement-breakpoint
-- The service sets solved_at with solved_post_id (the app's clock); clearing the solution by any
-- path (unaccepting, a move out of Q&A, the post's deletion) clears it here.
CREATE TRIGGER `threads_solution_insights` AFTER UPDATE OF `solved_post_id` ON `threads` WHEN OLD.`solved_post_id` IS NOT NEW.`solved_post_id` BEGIN
  UPDATE `member_days` SET `answers` = `answers` - 1
    WHERE OLD.`solved_at` IS NOT NULL AND `day` = OLD.`solved_at` / 86400000 AND `category_id` = OLD.`category_id`
    AND `user_id` = (SELECT `author_id` FROM `posts` WHERE `id` = OLD.`solved_post_id`);
  INSERT INTO `member_days` (`day`, `category_id`, `user_id`, `answers`)
    SELECT NEW.`solved_at` / 86400000, NEW.`category_id`, `author_id`, 1 FROM `posts` WHERE `id` = NEW.`solved_post_id` AND NEW.`solved_at` IS NOT NULL
    ON CONFLICT (`day`, `category_id`, `user_id`) DO UPDATE SET `answers` = `answers` + 1;
  UPDATE `threads` SET
    `solved_at` = CASE WHEN NEW.`solved_post_id` IS NULL THEN NULL ELSE NEW.`solved_at` END,
    `solved_by_staff` = coalesce((SELECT u.`role` IN ('manager', 'admin') FROM `posts` p JOIN `users` u ON u.`id` = p.`author_id` WHERE p.`id` = NEW.`solved_post_id`), 0)
    WHERE `id` = NEW.`id`;
END;
