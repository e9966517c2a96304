/** A status change's public note: long enough to explain a decision, short enough to read in a list. */
export const STATUS_NOTE_MAX = 1000;

/** A status's name as admins give it: short enough for a badge. */
export const STATUS_NAME_MAX = 40;
