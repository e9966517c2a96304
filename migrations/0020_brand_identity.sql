CREATE TABLE `embed_sign_in_codes` (
	`code_hash` blob PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `embed_sign_in_codes_expires_idx` ON `embed_sign_in_codes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `oidc_logins` (
	`state` text PRIMARY KEY NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`next` text,
	`purpose` text DEFAULT 'signin' NOT NULL,
	`embed_origin` text,
	`browser_hash` blob,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `oidc_logins_created_idx` ON `oidc_logins` (`created_at`);--> statement-breakpoint
CREATE TABLE `pending_identity_links` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`user_id` integer NOT NULL,
	`email` text NOT NULL,
	`claims` text,
	`next` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_identity_links_user_idx` ON `pending_identity_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_identities` (
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`user_id` integer NOT NULL,
	`email` text,
	`email_verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	PRIMARY KEY(`issuer`, `subject`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_identities_user_idx` ON `user_identities` (`user_id`);--> statement-breakpoint
ALTER TABLE `categories` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `embed_origin` text;--> statement-breakpoint
ALTER TABLE `users` ADD `username_changes_left` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `is_brand` integer DEFAULT false NOT NULL;