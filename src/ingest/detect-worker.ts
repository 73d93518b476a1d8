/**
 * Worker thread entry for DetectThread (detect-thread.ts): runs the detector on batches of texts
 * and answers each batch with the findings of each text, in order.
 */
import { parentPort } from 'node:worker_threads';
import { type DetectInput, detect, type Finding } from '../detect/detect.js';

export interface DetectBatch {
  id: number;
  inputs: DetectInput[];
}

export interface DetectAnswer {
  id: number;
  findings: Finding[][];
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (batch: DetectBatch) => {
    port.postMessage({ id: batch.id, findings: batch.inputs.map((input) => detect(input).findings) } satisfies DetectAnswer);
  });
}
