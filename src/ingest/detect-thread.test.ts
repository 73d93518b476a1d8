import { describe, expect, it } from 'vitest';
import { detect } from '../detect/detect.js';
import { DetectThread } from './detect-thread.js';

describe('DetectThread', () => {
  it('gives each text the findings the detector gives it here, across batches and in order', async () => {
    const texts = [
      'We will not pay this invoice, you idiots.',
      'Мы не будем платить, пока вы не переделаете всё бесплатно.',
      'Thanks for the draft, see you Monday.',
      'Nu vom plăti factura până nu refaceți totul gratuit.',
      'Nemokėsime, kol nepataisysite visko nemokamai.',
    ];
    // More than one batch, with a partial one at the end.
    const inputs = Array.from({ length: 150 }, (_, i) => ({
      text: `${texts[i % texts.length]} #${i}`,
      ...(i % 3 === 0 ? { sentAt: '2025-01-04T23:30:00+02:00' } : {}),
      ...(i % 7 === 0 ? { lang: 'en' as const } : {}),
    }));
    const thread = new DetectThread();
    try {
      const found = await Promise.all(inputs.map((input) => thread.detect(input)));
      expect(found).toEqual(inputs.map((input) => detect(input).findings));
      expect(found.filter((f) => f.length > 0).length).toBeGreaterThan(50);
      // a text sent after the others were answered still gets its own answer
      expect(await thread.detect({ text: 'Thanks, all good.' })).toEqual([]);
    } finally {
      await thread.close();
    }
    await expect(thread.detect({ text: 'after close' })).rejects.toThrow(/closed/);
  }, 60_000);
});
