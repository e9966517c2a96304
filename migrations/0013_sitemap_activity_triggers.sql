-- The sitemap index's lastmod of each page of 1,000 thread ids, kept in the transaction of every
-- write that publishes a thread or moves its latest activity (src/forum/sitemap.ts). Only ever
-- moves forward: a newer lastmod than what is still public costs a crawler one fetch, an older one
-- would hide a change.
CREATE TRIGGER `threads_sitemap_insert` AFTER INSERT ON `threads` WHEN NEW.`status` = 'published' BEGIN
  INSERT INTO `sitemap_activity` (`bucket`, `last_post_at`) VALUES ((NEW.`id` - 1) / 1000, NEW.`last_post_at`)
  ON CONFLICT (`bucket`) DO UPDATE SET `last_post_at` = max(`last_post_at`, excluded.`last_post_at`);
END;--> statement-breakpoint
CREATE TRIGGER `threads_sitemap_update` AFTER UPDATE OF `last_post_at`, `status` ON `threads` WHEN NEW.`status` = 'published' BEGIN
  INSERT INTO `sitemap_activity` (`bucket`, `last_post_at`) VALUES ((NEW.`id` - 1) / 1000, NEW.`last_post_at`)
  ON CONFLICT (`bucket`) DO UPDATE SET `last_post_at` = max(`last_post_at`, excluded.`last_post_at`);
END;--> statement-breakpoint
INSERT INTO `sitemap_activity` (`bucket`, `last_post_at`)
  SELECT (`id` - 1) / 1000, max(`last_post_at`) FROM `threads` WHERE `status` = 'published' GROUP BY 1;
