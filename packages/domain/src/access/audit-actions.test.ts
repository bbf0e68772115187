import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, auditEntityLink } from './audit-actions.ts';

describe('audit labels', () => {
  it('gives every action a Vietnamese and an English label in words, not the code', () => {
    for (const action of AUDIT_ACTIONS) {
      const label = AUDIT_ACTION_LABELS[action];
      expect(label.vi.trim(), action).not.toBe('');
      expect(label.en.trim(), action).not.toBe('');
      expect(label.vi, action).not.toBe(action);
      expect(label.en, action).not.toBe(action);
    }
  });

  it('names the entity types in both languages', () => {
    for (const [type, label] of Object.entries(AUDIT_ENTITY_LABELS)) {
      expect(label.vi.trim(), type).not.toBe('');
      expect(label.en.trim(), type).not.toBe('');
    }
  });

  it('links a plan to its page and leaves records without a page unlinked', () => {
    expect(auditEntityLink('plan', 'p-1')).toBe('/plans/p-1');
    expect(auditEntityLink('victim_file', 'f-1')).toBe('/victims/f-1');
    expect(auditEntityLink('plan', null)).toBeNull();
    expect(auditEntityLink('agency', 'T31.SNV')).toBeNull();
    expect(auditEntityLink('toString', 'x')).toBeNull();
  });
});
