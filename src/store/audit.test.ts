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

  it('redacts the token hashes of prospect links and invitations, but not when they expire or were used', () => {
    const prospect = { id: 'p1', name: 'Lead', token_hash: 'f'.repeat(64), token_expires_at: '2026-12-01', token_used_at: null };
    expect(redact(prospect)).toEqual({ ...prospect, token_hash: '[redacted]' });
    const invitation = { id: 'i1', email: 'ieva@agency.test', role: 'member', token_hash: 'e'.repeat(64), expires_at: '2026-12-01' };
    expect(redact(invitation)).toEqual({ ...invitation, token_hash: '[redacted]' });
    // better-auth's rows, were they ever copied: the token and the password hash go, instants stay.
    const session = { token: 't', expires_at: '2026-12-01', access_token_expires_at: '2026-12-01', password: 'h' };
    expect(redact(session)).toEqual({ ...session, token: '[redacted]', password: '[redacted]' });
  });
});
