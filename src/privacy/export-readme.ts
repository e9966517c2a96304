// README.txt of a member's data export. Plain English (like the JSON keys): it travels with the
// data to whatever the member uses next, and explains each file.

const FILES: [string, string][] = [
  ['profile.json', 'Your account: username, display name, bio, email address and whether it is confirmed, role, language and time zone, avatar (a link; the file is in uploads/), your answers to profile fields, former usernames, and the accounts at the brand\'s sign-in provider linked to it. Sanctions on your account, if any, with their reason.'],
  ['posts.json', 'Everything you wrote: each post with its thread\'s title and link, its status (published, waiting for approval, rejected), when it was written, edited, deleted or hidden, its text as you wrote it (markdown) and as shown (HTML). "earlierVersions" holds the text of your posts before each edit.'],
  ['votes.json', '"Helpful" votes you gave to posts, your answers to polls and surveys, and the ideas you voted for.'],
  ['feedback.json', 'Your answers to "Did this help?", with your comment.'],
  ['flags.json', 'Posts you reported to the moderators, with your reason and note, and what became of each report.'],
  ['notifications.json', 'How often you get email, the threads and categories you watch or muted, and your notifications.'],
  ['sessions.json', 'The browsers signed in to your account, and your sign-ins: when, how (password, the brand\'s sign-in provider, or an embedded discussion), from which address and browser. Addresses older than the community\'s retention period are removed and show as null.'],
  ['uploads.json', 'The images you uploaded; the files themselves are in the uploads/ folder, named by their content\'s hash.'],
];

export function exportReadme(input: { siteName: string; baseUrl: string; createdAt: number }): string {
  const lines = [
    `Your data from ${input.siteName} (${input.baseUrl})`,
    `Made ${new Date(input.createdAt).toISOString()}.`,
    '',
    'Each file is JSON (UTF-8). Times are in UTC, in ISO 8601. Links point to the community;',
    'other members appear only as everyone sees them (a thread\'s title), never their data.',
    '',
    ...FILES.flatMap(([file, about]) => [file, `  ${about}`, '']),
  ];
  return `${lines.join('\n')}\n`;
}
