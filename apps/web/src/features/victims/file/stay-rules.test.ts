import { describe, expect, it } from 'vitest';
import { canAdmitTo, freePlacesOf, personsStaying } from './stay-rules.ts';

describe('facility places', () => {
  it('counts free places and refuses full or inactive facilities', () => {
    expect(freePlacesOf({ capacity: 30, occupied: 4, isActive: true })).toBe(26);
    expect(freePlacesOf({ capacity: 3, occupied: 5, isActive: true })).toBe(0);
    expect(canAdmitTo({ capacity: 30, occupied: 4, isActive: true })).toBe(true);
    expect(canAdmitTo({ capacity: 30, occupied: 30, isActive: true })).toBe(false);
    expect(canAdmitTo({ capacity: 30, occupied: 0, isActive: false })).toBe(false);
  });

  it('knows who is staying now', () => {
    const staying = personsStaying([
      { personId: 'a', dischargedOn: null },
      { personId: 'b', dischargedOn: '2026-01-02' },
    ]);
    expect([...staying]).toEqual(['a']);
    expect(personsStaying(null).size).toBe(0);
  });
});
