CREATE TABLE `thread_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`embed_key` text,
	`helpful` integer NOT NULL,
	`comment` text,
	`user_id` integer,
	`token_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thread_feedback_member_unique` ON `thread_feedback` (`thread_id`,`user_id`) WHERE user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `thread_feedback_token_unique` ON `thread_feedback` (`token_id`) WHERE token_id is not null;--> statement-breakpoint
CREATE INDEX `thread_feedback_thread_idx` ON `thread_feedback` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `thread_feedback_key_idx` ON `thread_feedback` (`embed_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `thread_feedback_created_idx` ON `thread_feedback` (`created_at`);