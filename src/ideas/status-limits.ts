/** A status change's public note: long enough to explain a decision, short enough to read in a list. */
export const STATUS_NOTE_MAX = 1000;
