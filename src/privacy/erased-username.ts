// Usernames of erased accounts carry a character no username may have (src/auth/accounts.ts), so
// nobody can sign up as one and pages can tell them apart: they show "Deleted member".

export const ERASED_USERNAME_PREFIX = 'deleted~';

export function erasedUsername(userId: number): string {
  return `${ERASED_USERNAME_PREFIX}${userId}`;
}

export function isErasedUsername(username: string): boolean {
  return username.startsWith(ERASED_USERNAME_PREFIX);
}
