import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = 'ATMIS'): TOTP {
  return new TOTP({ issuer: 'ATMIS', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpUrl(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** Accepts the current code and one step either side, for clock drift. */
export function isTotpCodeValid(secret: string, code: string, now: number = Date.now()): boolean {
  return totpFor(secret).validate({ token: code, timestamp: now, window: 1 }) !== null;
}

export function totpCodeAt(secret: string, now: number = Date.now()): string {
  return totpFor(secret).generate({ timestamp: now });
}
