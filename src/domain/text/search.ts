/**
 * Text search normalisation for Japanese and Latin text: NFKC folds full-width Latin (ＡＰＩ → API),
 * half-width katakana (ｹｯｻｲ → ケッサイ) and compatibility forms; lower-casing folds Latin case. Stored
 * search text and queries go through the same function, so a substring match finds both spellings.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** What an incident is found by: its title and description. */
export function incidentSearchText(title: string, description: string): string {
  return normalizeForSearch(`${title}\n${description}`);
}
