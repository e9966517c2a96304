ALTER TABLE `pending_edits` ADD `search_text` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `search_text` text;--> statement-breakpoint
ALTER TABLE `threads` ADD `search_title` text;--> statement-breakpoint
-- The search index stores analyzed text (src/search/analyzer.ts, ADR 0029): posts.search_text and
-- threads.search_title, or the text as written while they are null (analyzed to itself, or not
-- analyzed yet: what the index held before). rebake analyzes every post (render version 5) and
-- title (search_title null); each of its updates re-indexes the row through these triggers.
DROP TRIGGER `posts_search_insert`;--> statement-breakpoint
DROP TRIGGER `posts_search_update`;--> statement-breakpoint
DROP TRIGGER `threads_search_title`;--> statement-breakpoint
CREATE TRIGGER `posts_search_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  VALUES (NEW.`id`, CASE WHEN NEW.`number` = 1 THEN (SELECT coalesce(`search_title`, `title`) FROM `threads` WHERE `id` = NEW.`thread_id`) ELSE '' END,
    coalesce(NEW.`search_text`, NEW.`body`));
END;--> statement-breakpoint
-- A body changed without its analysis (a writer that does not know about search) is indexed as
-- written, never by the analysis of the old text; posts_search_text_stale then drops that analysis.
CREATE TRIGGER `posts_search_update` AFTER UPDATE OF `body`, `number`, `search_text` ON `posts` BEGIN
  DELETE FROM `post_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  VALUES (NEW.`id`, CASE WHEN NEW.`number` = 1 THEN (SELECT coalesce(`search_title`, `title`) FROM `threads` WHERE `id` = NEW.`thread_id`) ELSE '' END,
    CASE WHEN NEW.`body` IS NOT OLD.`body` AND NEW.`search_text` IS OLD.`search_text` THEN NEW.`body` ELSE coalesce(NEW.`search_text`, NEW.`body`) END);
END;--> statement-breakpoint
CREATE TRIGGER `threads_search_title` AFTER UPDATE OF `title`, `search_title` ON `threads` BEGIN
  DELETE FROM `post_search` WHERE `rowid` IN (SELECT `id` FROM `posts` WHERE `thread_id` = NEW.`id` AND `number` = 1);
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  SELECT `id`, CASE WHEN NEW.`title` IS NOT OLD.`title` AND NEW.`search_title` IS OLD.`search_title` THEN NEW.`title` ELSE coalesce(NEW.`search_title`, NEW.`title`) END,
    coalesce(`search_text`, `body`) FROM `posts` WHERE `thread_id` = NEW.`id` AND `number` = 1;
END;--> statement-breakpoint
-- A write that changes the text but not its analysis must not leave the old words findable: the
-- triggers above index the text as written, and these drop the analysis of the old text.
CREATE TRIGGER `posts_search_text_stale` AFTER UPDATE OF `body` ON `posts`
  WHEN NEW.`body` IS NOT OLD.`body` AND NEW.`search_text` IS OLD.`search_text` AND NEW.`search_text` IS NOT NULL BEGIN
  UPDATE `posts` SET `search_text` = NULL WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `threads_search_title_stale` AFTER UPDATE OF `title` ON `threads`
  WHEN NEW.`title` IS NOT OLD.`title` AND NEW.`search_title` IS OLD.`search_title` AND NEW.`search_title` IS NOT NULL BEGIN
  UPDATE `threads` SET `search_title` = NULL WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- Rebuilt from the same expressions the triggers use (the benchmark's bulk loader replays the last
-- such statement); on an existing database this stores what it held, until rebake analyzes it.
INSERT INTO `post_search` (`post_search`) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO `post_search` (`rowid`, `title`, `body`)
  SELECT p.`id`, CASE WHEN p.`number` = 1 THEN coalesce(t.`search_title`, t.`title`) ELSE '' END, coalesce(p.`search_text`, p.`body`) FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id`;
