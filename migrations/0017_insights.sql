CREATE TABLE `blocked_email_domains` (
	`domain` text PRIMARY KEY NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `daily_activity` (
	`category_id` integer NOT NULL,
	`day` integer NOT NULL,
	`threads` integer DEFAULT 0 NOT NULL,
	`replies` integer DEFAULT 0 NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category_id`, `day`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `member_days` (
	`day` integer NOT NULL,
	`category_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`posts` integer DEFAULT 0 NOT NULL,
	`answers` integer DEFAULT 0 NOT NULL,
	`helpful` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `category_id`, `user_id`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `saved_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_by_id` integer,
	`updated_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `saved_replies_title_idx` ON `saved_replies` (`title`);--> statement-breakpoint
CREATE TABLE `spam_cleanup_posts` (
	`cleanup_id` integer NOT NULL,
	`post_id` integer NOT NULL,
	PRIMARY KEY(`cleanup_id`, `post_id`),
	FOREIGN KEY (`cleanup_id`) REFERENCES `spam_cleanups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `spam_cleanups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`actor_id` integer,
	`blocked_domain` text,
	`created_at` integer NOT NULL,
	`reverted_at` integer,
	`reverted_by_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reverted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `spam_cleanups_user_idx` ON `spam_cleanups` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `thread_claims` (
	`thread_id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `thread_claims_user_idx` ON `thread_claims` (`user_id`);--> statement-breakpoint
CREATE TABLE `thread_views` (
	`thread_id` integer NOT NULL,
	`day` integer NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`thread_id`, `day`),
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `target_reply_minutes` integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE `review_items` ADD `alerted_at` integer;--> statement-breakpoint
CREATE INDEX `review_items_resolved_idx` ON `review_items` (`resolved_at`);--> statement-breakpoint
ALTER TABLE `threads` ADD `opened_by_staff` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `threads` ADD `first_reply_at` integer;--> statement-breakpoint
ALTER TABLE `threads` ADD `first_staff_reply_at` integer;--> statement-breakpoint
ALTER TABLE `threads` ADD `solved_at` integer;--> statement-breakpoint
ALTER TABLE `threads` ADD `solved_by_staff` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `threads_unanswered_idx` ON `threads` (`category_id`,`created_at`,`id`) WHERE first_reply_at is null and status = 'published' and opened_by_staff = 0;--> statement-breakpoint
CREATE INDEX `threads_solved_at_idx` ON `threads` (`category_id`,`solved_at`) WHERE solved_at is not null;--> statement-breakpoint
CREATE INDEX `flags_created_idx` ON `flags` (`created_at`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`);