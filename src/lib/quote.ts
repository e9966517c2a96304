// A reason (or any words someone wrote) quoted at the end of a sentence. Members and managers
// often end a reason with their own punctuation; a period after the closing quote would then
// double it ("Reason: “Keep it civil here.”."), so the sentence ends with theirs instead.

/** Ends a sentence already: . ! ? … (also the full-width ones), or a closing quote. */
export const endsSentence = /[.!?…。！？"”’»]$/u;

/** `“text”.`, or `“text.”` when the text ends its own sentence. */
export function quotedSentenceEnd(text: string): string {
  const trimmed = text.trim();
  return `“${trimmed}”${endsSentence.test(trimmed) ? '' : '.'}`;
}
