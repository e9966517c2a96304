CREATE TABLE `pending_edits` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`body_html` text NOT NULL,
	`body_text` text NOT NULL,
	`render_version` integer NOT NULL,
	`title` text,
	`editor_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `posts` ADD `body_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `posts_reply_to_idx` ON `posts` (`reply_to_post_id`) WHERE reply_to_post_id is not null;