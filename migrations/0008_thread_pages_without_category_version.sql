-- A thread page shows its category's name, slug and kind, nothing else of it. Until now its cache
-- version included the category's whole version, which every reply anywhere in the category bumps
-- (its counters and last activity), so one reply invalidated every cached page of the category.
-- Instead a change to what a thread page shows of its category bumps the versions of its threads.
CREATE TRIGGER `categories_version_threads` AFTER UPDATE OF `name`, `slug`, `kind` ON `categories` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `category_id` = NEW.`id`;
END;
