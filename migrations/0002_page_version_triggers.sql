-- Page-cache versions, bumped inside the transaction of every write that changes what a page shows,
-- whichever code path (or process) makes it. Threads: their posts and their own shown columns.
-- Categories: their threads and their own shown columns. The home page sums category versions.
CREATE TRIGGER `posts_version_insert` AFTER INSERT ON `posts` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `posts_version_update` AFTER UPDATE ON `posts` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (NEW.`thread_id`, OLD.`thread_id`);
END;--> statement-breakpoint
CREATE TRIGGER `posts_version_delete` AFTER DELETE ON `posts` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = OLD.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `threads_version_self` AFTER UPDATE OF `title`, `slug`, `status`, `locked`, `pinned`, `solved_post_id`, `category_id`, `reply_count` ON `threads` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `threads_version_category_insert` AFTER INSERT ON `threads` BEGIN
  UPDATE `categories` SET `version` = `version` + 1 WHERE `id` = NEW.`category_id`;
END;--> statement-breakpoint
CREATE TRIGGER `threads_version_category_update` AFTER UPDATE ON `threads` BEGIN
  UPDATE `categories` SET `version` = `version` + 1 WHERE `id` IN (NEW.`category_id`, OLD.`category_id`);
END;--> statement-breakpoint
CREATE TRIGGER `threads_version_category_delete` AFTER DELETE ON `threads` BEGIN
  UPDATE `categories` SET `version` = `version` + 1 WHERE `id` = OLD.`category_id`;
END;--> statement-breakpoint
CREATE TRIGGER `categories_version_self` AFTER UPDATE OF `name`, `slug`, `description`, `kind`, `position`, `thread_count`, `post_count`, `last_thread_id`, `last_post_at` ON `categories` BEGIN
  UPDATE `categories` SET `version` = `version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_version_shown` AFTER UPDATE OF `username`, `role` ON `users` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (SELECT DISTINCT `thread_id` FROM `posts` WHERE `author_id` = NEW.`id`);
END;
