import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { issueSentence } from './issue-sentence.ts';

const Body = z.object({
  name: z.string().check(z.maxLength(20)),
  ids: z.optional(z.array(z.string()).check(z.maxLength(3))),
  mode: z.optional(z.enum(['fail', 'rename'])),
  count: z.optional(z.int().check(z.minimum(1))),
});

/** Every text the caller sent, keys aside (a key may name the field at fault). */
function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(valuesOf);
  return [];
}

describe(issueSentence.name, () => {
  it('answers one short French sentence that never repeats what the caller sent', () => {
    const secret = fc.string({ minLength: 12, maxLength: 5000 }).map((text) => `secret:${text}`);
    const input = fc.oneof(
      fc.anything(),
      fc.record({ name: fc.oneof(secret, fc.integer(), fc.constant(undefined)), ids: fc.array(fc.oneof(secret, fc.integer())), mode: secret, count: fc.integer() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = Body.safeParse(value);
        if (result.success) return;
        const [issue] = result.error.issues;
        if (!issue) throw new Error('a refusal without an issue');
        const sentence = issueSentence(issue, value, 'body');
        expect(sentence).toMatch(/^[A-ZÀ-Ý«].*\.$/s);
        expect(sentence.length).toBeLessThan(200);
        for (const text of valuesOf(value).filter((t) => t.startsWith('secret:'))) expect(sentence).not.toContain(text);
      }),
    );
  });
});
