CREATE TABLE `idea_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`status_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`changed_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`status_id`) REFERENCES `idea_statuses`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`changed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_status_changes_thread_idx` ON `idea_status_changes` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idea_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text,
	`position` integer DEFAULT 0 NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_statuses_key_unique` ON `idea_statuses` (`key`);--> statement-breakpoint
CREATE TABLE `idea_votes` (
	`thread_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`thread_id`, `user_id`),
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_votes_user_idx` ON `idea_votes` (`user_id`,`thread_id`);--> statement-breakpoint
CREATE TABLE `poll_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`poll_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`vote_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `poll_options_poll_idx` ON `poll_options` (`poll_id`,`position`);--> statement-breakpoint
CREATE TABLE `poll_votes` (
	`poll_id` integer NOT NULL,
	`option_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`option_id`, `user_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `poll_options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `poll_votes_poll_user_idx` ON `poll_votes` (`poll_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `poll_votes_user_idx` ON `poll_votes` (`user_id`);--> statement-breakpoint
CREATE TABLE `polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`question` text NOT NULL,
	`kind` text DEFAULT 'choice' NOT NULL,
	`max_choices` integer DEFAULT 1 NOT NULL,
	`results_shown` text DEFAULT 'always' NOT NULL,
	`public_votes` integer DEFAULT false NOT NULL,
	`closes_at` integer,
	`closed_at` integer,
	`voter_count` integer DEFAULT 0 NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `polls_thread_idx` ON `polls` (`thread_id`,`position`);--> statement-breakpoint
ALTER TABLE `categories` ADD `poll_creators` text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `idea_vote_limit` integer;--> statement-breakpoint
ALTER TABLE `threads` ADD `idea_votes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `threads` ADD `idea_status_id` integer REFERENCES idea_statuses(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `threads` ADD `merged_into_id` integer REFERENCES threads(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `threads_category_idea_votes_idx` ON `threads` (`category_id`,`idea_votes`,`id`);--> statement-breakpoint
CREATE INDEX `threads_category_idea_status_idx` ON `threads` (`category_id`,`idea_status_id`,`idea_votes`,`id`);