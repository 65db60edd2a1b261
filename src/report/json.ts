import type { FormatterFactory } from './formatter.js';
import { serializeOutcome } from './serialize.js';

/** `jsonl`: one JSON object per line, written as each article is checked. */
export const jsonlFormatter: FormatterFactory = (options) => ({
  record: (outcome) => `${JSON.stringify(serializeOutcome(outcome, options.explain))}\n`,
  end: () => '',
});

/** `json`: one array of all outcomes (streamed element by element). */
export const jsonFormatter: FormatterFactory = (options) => {
  let count = 0;
  return {
    record(outcome) {
      const text = `${count === 0 ? '[\n' : ',\n'}${JSON.stringify(serializeOutcome(outcome, options.explain), null, 2)}`;
      count++;
      return text;
    },
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
};
