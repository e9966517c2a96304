CREATE TABLE `sitemap_activity` (
	`bucket` integer PRIMARY KEY NOT NULL,
	`last_post_at` integer NOT NULL
);
