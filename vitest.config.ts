import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each worker loads its own onnxruntime session; two cores, two workers.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
