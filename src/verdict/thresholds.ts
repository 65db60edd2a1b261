/**
 * The numbers the older threshold rule turns on: used for a model without a learned verdict
 * (`verdict.json`), or when a config sets them. A model may ship its own values in
 * models/<name>/headcheck.json; these defaults apply otherwise.
 */
export interface Thresholds {
  /** Best-premise entailment at or above which the body states the headline. */
  entailment: number;
  /** Best-premise contradiction at or above which (and above entailment) the body denies it. */
  contradiction: number;
  /** Lower contradiction bar when a negation / opposite-outcome signal backs it up. */
  contradictionWithSignal: number;
  /** Headline content-word coverage below which the body is not about the headline. */
  relevance: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  entailment: 0.5,
  contradiction: 0.5,
  contradictionWithSignal: 0.3,
  relevance: 0.34,
};

const KEYS = Object.keys(DEFAULT_THRESHOLDS) as Array<keyof Thresholds>;

/** Validates a partial thresholds object (from config or a model's headcheck.json). */
export function parseThresholds(value: unknown, where: string): Partial<Thresholds> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: "thresholds" must be an object with ${KEYS.join(', ')}`);
  }
  const out: Partial<Thresholds> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!KEYS.includes(key as keyof Thresholds)) {
      throw new Error(`${where}: unknown threshold "${key}"; known: ${KEYS.join(', ')}`);
    }
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new Error(`${where}: threshold "${key}" must be a number between 0 and 1, got ${JSON.stringify(v)}`);
    }
    out[key as keyof Thresholds] = v;
  }
  return out;
}
