import { msg, type Message } from '../i18n/message.js';
import { characterCount } from '../lib/text.js';

// What members write about themselves: a display name (any script), a bio and the admin's fields.
// Text that displays differently from what it is (control characters, bidirectional overrides,
// lone surrogates) is refused, as in thread titles (src/forum/validation.ts).

export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 500;
export const FIELD_VALUE_MAX = 100;
export const FIELD_LABEL_MAX = 60;

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const lineBreak = /[\n\r\u2028\u2029]/;
const bidiOverrides = /[\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const replacementCharacter = /\ufffd/;

/** NFC, line breaks made `\n`, trimmed: the form in which text is checked and stored. */
export function normalizeProfileText(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
}

function hiddenCharacters(text: string, singleLine: boolean): boolean {
  return controlCharacters.test(text) || loneSurrogate.test(text) || bidiOverrides.test(text) || replacementCharacter.test(text) || (singleLine && lineBreak.test(text));
}

/**
 * The key a display name is compared with usernames by: NFKC (full-width and styled letters fold),
 * lower-cased, without a leading `@` and without spaces, so "@ Alice" and "ＡＬＩＣＥ" both meet "alice".
 */
export function impersonationKey(displayName: string): string {
  return displayName.normalize('NFKC').toLowerCase().replace(/^@+/, '').replace(/\s+/gu, '');
}

export function displayNameError(name: string): Message | undefined {
  if (name.length === 0) return undefined;
  if (hiddenCharacters(name, true)) return msg('profile.edit.nameCharacters');
  if (characterCount(name) > DISPLAY_NAME_MAX) return msg('profile.edit.nameTooLong', { max: DISPLAY_NAME_MAX, length: characterCount(name) });
  return undefined;
}

export function bioError(bio: string): Message | undefined {
  if (hiddenCharacters(bio, false)) return msg('profile.edit.bioCharacters');
  if (characterCount(bio) > BIO_MAX) return msg('profile.edit.bioTooLong', { max: BIO_MAX, length: characterCount(bio) });
  return undefined;
}

export function fieldValueError(value: string): Message | undefined {
  if (hiddenCharacters(value, true)) return msg('profile.edit.fieldCharacters');
  if (characterCount(value) > FIELD_VALUE_MAX) return msg('profile.edit.fieldTooLong', { max: FIELD_VALUE_MAX, length: characterCount(value) });
  return undefined;
}

export function fieldLabelError(label: string): Message | undefined {
  if (label.length === 0) return msg('admin.profileFields.labelMissing');
  if (hiddenCharacters(label, true)) return msg('admin.profileFields.labelCharacters');
  if (characterCount(label) > FIELD_LABEL_MAX) return msg('admin.profileFields.labelTooLong', { max: FIELD_LABEL_MAX });
  return undefined;
}
