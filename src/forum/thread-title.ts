import { analyzeForIndex } from '../search/analyzer.js';

/**
 * The columns every write of a thread's title sets: the title, and the title as the search index
 * stores it (ADR 0029). Titles are short, so they are analyzed here, on the request thread.
 */
export function titleColumns(title: string): { title: string; searchTitle: string } {
  return { title, searchTitle: analyzeForIndex(title) };
}
