DROP INDEX `users_email_key_unique`;--> statement-breakpoint
ALTER TABLE `users` ADD `address_taken` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_key_unique` ON `users` (`email_key`) WHERE "users"."address_taken" = 0;