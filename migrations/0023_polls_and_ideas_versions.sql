-- Page-cache versions for polls and ideas (as in 0002): a thread's pages show its polls' options and
-- counts, its idea votes, status, status notes and where it was merged; lists show votes and status.
CREATE TRIGGER `threads_version_idea` AFTER UPDATE OF `idea_votes`, `idea_status_id`, `merged_into_id` ON `threads` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `polls_version_insert` AFTER INSERT ON `polls` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `polls_version_update` AFTER UPDATE ON `polls` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (NEW.`thread_id`, OLD.`thread_id`);
END;--> statement-breakpoint
CREATE TRIGGER `polls_version_delete` AFTER DELETE ON `polls` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = OLD.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `poll_options_version_insert` AFTER INSERT ON `poll_options` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = (SELECT `thread_id` FROM `polls` WHERE `id` = NEW.`poll_id`);
END;--> statement-breakpoint
CREATE TRIGGER `poll_options_version_update` AFTER UPDATE ON `poll_options` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = (SELECT `thread_id` FROM `polls` WHERE `id` = NEW.`poll_id`);
END;--> statement-breakpoint
CREATE TRIGGER `poll_options_version_delete` AFTER DELETE ON `poll_options` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = (SELECT `thread_id` FROM `polls` WHERE `id` = OLD.`poll_id`);
END;--> statement-breakpoint
CREATE TRIGGER `idea_status_changes_version` AFTER INSERT ON `idea_status_changes` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;--> statement-breakpoint
CREATE TRIGGER `idea_statuses_version` AFTER UPDATE OF `key`, `name`, `position`, `open` ON `idea_statuses` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `idea_status_id` = NEW.`id`;
END;--> statement-breakpoint
-- The statuses every community starts with; admins rename, reorder, add and remove them.
INSERT INTO `idea_statuses` (`key`, `name`, `position`, `open`, `created_at`) VALUES
  ('new', NULL, 0, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('under_review', NULL, 1, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('planned', NULL, 2, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('in_progress', NULL, 3, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('shipped', NULL, 4, 0, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  ('declined', NULL, 5, 0, CAST(unixepoch('subsec') * 1000 AS INTEGER));
