-- Full-text search over post bodies (markdown source: text, not HTML) and thread titles, which
-- are indexed with each thread's opening post. Contentless: the text lives in posts and threads;
-- rowid = posts.id. Kept in sync by triggers inside every write's transaction; what may be shown
-- (published, not deleted or hidden) is decided at query time, like every other read.
CREATE VIRTUAL TABLE `post_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');--> statement-breakpoint
INSERT INTO `post_search` (`rowid`, `title`, `body`)
  SELECT p.`id`, CASE WHEN p.`number` = 1 THEN t.`title` ELSE '' END, p.`body` FROM `posts` p JOIN `threads` t ON t.`id` = p.`thread_id`;--> statement-breakpoint
CREATE TRIGGER `posts_search_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  VALUES (NEW.`id`, CASE WHEN NEW.`number` = 1 THEN (SELECT `title` FROM `threads` WHERE `id` = NEW.`thread_id`) ELSE '' END, NEW.`body`);
END;--> statement-breakpoint
CREATE TRIGGER `posts_search_update` AFTER UPDATE OF `body`, `number` ON `posts` BEGIN
  DELETE FROM `post_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  VALUES (NEW.`id`, CASE WHEN NEW.`number` = 1 THEN (SELECT `title` FROM `threads` WHERE `id` = NEW.`thread_id`) ELSE '' END, NEW.`body`);
END;--> statement-breakpoint
CREATE TRIGGER `posts_search_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM `post_search` WHERE `rowid` = OLD.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `threads_search_title` AFTER UPDATE OF `title` ON `threads` BEGIN
  DELETE FROM `post_search` WHERE `rowid` IN (SELECT `id` FROM `posts` WHERE `thread_id` = NEW.`id` AND `number` = 1);
  INSERT INTO `post_search` (`rowid`, `title`, `body`)
  SELECT `id`, NEW.`title`, `body` FROM `posts` WHERE `thread_id` = NEW.`id` AND `number` = 1;
END;
