import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/split-sentences.js';

const texts = (body: string): string[] => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps titles, initials and months with their sentence', () => {
    expect(texts('Mr. Smith met Dr. Jones on Jan. 5 in St. Louis. J. K. Rowling was not there.')).toEqual([
      'Mr. Smith met Dr. Jones on Jan. 5 in St. Louis.',
      'J. K. Rowling was not there.',
    ]);
  });

  it('splits after U.S. only when a new sentence starts', () => {
    expect(texts('Talks with the U.S. Treasury resumed. He moved to the U.S. The next day he left.')).toEqual([
      'Talks with the U.S. Treasury resumed.',
      'He moved to the U.S.',
      'The next day he left.',
    ]);
  });

  it('does not split decimals, figures or money', () => {
    expect(texts('Growth was 3.5% in Q2. The deal is worth $1.2bn. Shares rose 0.7 points.')).toEqual([
      'Growth was 3.5% in Q2.',
      'The deal is worth $1.2bn.',
      'Shares rose 0.7 points.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(texts('"We will appeal." The firm said so. (It later changed its mind.) Then it paid.')).toEqual([
      '"We will appeal."',
      'The firm said so.',
      '(It later changed its mind.)',
      'Then it paid.',
    ]);
    expect(texts('She said: “Nothing is decided.” Talks go on.')).toEqual(['She said: “Nothing is decided.”', 'Talks go on.']);
  });

  it('treats an ellipsis before a capital as an end, before lower case as a pause', () => {
    expect(texts('He waited... and waited. Then... Nothing happened.')).toEqual(['He waited... and waited.', 'Then...', 'Nothing happened.']);
  });

  it('makes each bullet item its own sentence and drops the marker', () => {
    const body = 'Changes:\n- Buses return on Monday\n- Cyclists get a lane\n1. First item\n2) Second item';
    expect(texts(body)).toEqual(['Changes:', 'Buses return on Monday', 'Cyclists get a lane', 'First item', 'Second item']);
  });

  it('joins wrapped lines and splits paragraphs', () => {
    expect(texts('The council met on\nTuesday to vote.\n\nThe vote passed')).toEqual(['The council met on\nTuesday to vote.', 'The vote passed']);
  });

  it('returns offsets that point at the sentence text', () => {
    const body = '  First one here.  Second one?\r\nThird!  ';
    for (const s of splitSentences(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(body).map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('keeps a body without any boundary as one sentence and skips punctuation-only text', () => {
    expect(texts('no full stop at all just words')).toEqual(['no full stop at all just words']);
    expect(texts('... --- !!!')).toEqual([]);
  });
});
