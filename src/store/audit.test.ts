import { describe, expect, it } from 'vitest';
import { redact } from './audit.js';

describe('audit redaction', () => {
  it('never copies columns that hold secrets, whatever table gains them', () => {
    const row = {
      id: 'u1',
      email: 'ana@agency.test',
      password_hash: '$argon2id$v=19$...',
      access_token: 'tok',
      refresh_token: 'tok2',
      api_key: 'k',
      apiKey: 'k2',
      totp_secret: 's',
      session_id: 'sess',
      label: 'Hosting',
    };
    expect(redact(row)).toEqual({
      id: 'u1',
      email: 'ana@agency.test',
      password_hash: '[redacted]',
      access_token: '[redacted]',
      refresh_token: '[redacted]',
      api_key: '[redacted]',
      apiKey: '[redacted]',
      totp_secret: '[redacted]',
      session_id: '[redacted]',
      label: 'Hosting',
    });
  });
});
