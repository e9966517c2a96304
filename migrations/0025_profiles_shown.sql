-- A member's display name and picture are shown beside their posts, so changing either bumps the
-- page-cache version of every thread they posted in (as 0002 does for usernames and roles).
CREATE TRIGGER `users_version_profile_shown` AFTER UPDATE OF `display_name`, `avatar_upload_id` ON `users` BEGIN
  UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (SELECT DISTINCT `thread_id` FROM `posts` WHERE `author_id` = NEW.`id`);
END;
