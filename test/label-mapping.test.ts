import { cpSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectModelDir, mapLabels, ModelError, NliModel, toPairScores } from '../src/nli/index.js';
import { MODEL_DIR, tempDir } from './helpers.js';

describe('mapLabels', () => {
  it('maps 3-way configs in any order and spelling', () => {
    expect(mapLabels({ 0: 'entailment', 1: 'neutral', 2: 'contradiction' })).toEqual({ kind: '3-way', entailment: 0, neutral: 1, contradiction: 2 });
    expect(mapLabels({ 0: 'CONTRADICTION', 1: 'ENTAILMENT', 2: 'NEUTRAL' })).toEqual({ kind: '3-way', entailment: 1, neutral: 2, contradiction: 0 });
    expect(mapLabels({ '0': 'contradiction', '1': 'entailment', '2': 'neutral' })).toMatchObject({ contradiction: 0, entailment: 1 });
  });

  it('maps 2-way entailment / not_entailment configs', () => {
    expect(mapLabels({ 0: 'entailment', 1: 'not_entailment' })).toEqual({ kind: '2-way', entailment: 0, notEntailment: 1 });
    expect(mapLabels({ 0: 'NOT_ENTAILMENT', 1: 'ENTAILMENT' })).toEqual({ kind: '2-way', entailment: 1, notEntailment: 0 });
  });

  it('rejects configs it cannot map, saying why', () => {
    expect(() => mapLabels({ 0: 'LABEL_0', 1: 'LABEL_1' })).toThrow(/"LABEL_0" is not an NLI class/);
    expect(() => mapLabels(undefined)).toThrow(/missing "id2label"/);
    expect(() => mapLabels({ 0: 'entailment', 1: 'neutral' })).toThrow(/need entailment, neutral and contradiction/);
    expect(() => mapLabels({ 0: 'entailment', 2: 'neutral', 3: 'contradiction' })).toThrow(/indexes must be 0..2/);
    expect(() => mapLabels({ 0: 'entailment', 1: 'entailment', 2: 'neutral' })).toThrow(/names entailment twice/);
  });

  it('turns logits into probabilities per class; 2-way not_entailment reads as neutral', () => {
    const three = toPairScores([0, 0, Math.log(2)], { kind: '3-way', entailment: 2, neutral: 0, contradiction: 1 });
    expect(three.entailment).toBeCloseTo(0.5);
    expect(three.neutral).toBeCloseTo(0.25);
    const two = toPairScores([Math.log(3), 0], { kind: '2-way', entailment: 1, notEntailment: 0 });
    expect(two).toEqual({ entailment: expect.closeTo(0.25), neutral: expect.closeTo(0.75), contradiction: 0 });
  });
});

describe('model folder checks', () => {
  function copyModel(): string {
    const dir = path.join(tempDir(), 'model');
    cpSync(MODEL_DIR, dir, { recursive: true });
    return dir;
  }

  it('a missing folder or file is a ModelError naming it and the fix', () => {
    expect(() => inspectModelDir('/nonexistent/model')).toThrow(/model directory \/nonexistent\/model not found; pass --model DIR/);
    const dir = copyModel();
    rmSync(path.join(dir, 'tokenizer.json'));
    expect(() => inspectModelDir(dir)).toThrow(ModelError);
    expect(() => inspectModelDir(dir)).toThrow(/tokenizer\.json is missing/);
  });

  it('a config without a mappable id2label is rejected at load', async () => {
    const dir = copyModel();
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    config.id2label = { 0: 'LABEL_0', 1: 'LABEL_1', 2: 'LABEL_2' };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    await expect(NliModel.load(dir)).rejects.toThrow(/config\.json: id2label label "LABEL_0" is not an NLI class/);
  });

  it('a 2-way config is accepted by the folder check', () => {
    const dir = copyModel();
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    config.id2label = { 0: 'entailment', 1: 'not_entailment' };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    expect(inspectModelDir(dir).labels).toEqual({ kind: '2-way', entailment: 0, notEntailment: 1 });
  });

  it('a label count that does not match the model output is caught at load', async () => {
    const dir = copyModel();
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    config.id2label = { 0: 'entailment', 1: 'not_entailment' };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    await expect(NliModel.load(dir)).rejects.toThrow(/gives 3 scores per pair but config\.json id2label names 2/);
  });

  it('a corrupt ONNX file is a one-line error naming the file', async () => {
    const dir = copyModel();
    mkdirSync(path.join(dir, 'onnx'), { recursive: true });
    writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), 'not a model');
    const error = await NliModel.load(dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toMatch(/model_quantized\.onnx: cannot be loaded .*re-export it/);
    expect((error as Error).message).not.toContain('\n');
  });
});
