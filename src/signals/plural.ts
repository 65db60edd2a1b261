/**
 * Telling a plural noun from other words in -s, for the signals that compare what is counted or
 * how much of a group is meant.
 */

// Words in -s that are not plural nouns ("unless", "diabetes", "across").
const NOT_PLURAL = /(?:ss|us|is|'s|’s)$|^(?:its|this|has|was|does|yes|thus|plus|gas|news|series|species|diabetes|across|perhaps|whereas|always|towards|unless|nevertheless|sometimes|besides|afterwards|whereabouts)$/i;
// Plurals without -s that headlines and bodies count with.
const IRREGULAR_PLURALS = /^(?:people|children|men|women|staff|police|cattle|sheep|personnel|feet|teeth|mice|geese)$/i;

/** True for a word that reads as a plural noun: "schools", "people"; not "unless", "site's". */
export function looksPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.test(word)) return true;
  return /\p{L}{2,}s$/u.test(word) && !NOT_PLURAL.test(word);
}

/** True for a word in -s that is not a plural noun. */
export function isNotPlural(word: string): boolean {
  return NOT_PLURAL.test(word);
}
