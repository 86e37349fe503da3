import * as z from 'zod/mini';

/** The shortest search the académie directory answers: one letter would list half of it. */
export const MIN_PEOPLE_QUERY = 2;

/** Someone of the académie who has a space: what a share dialog shows (never their email). */
export const Person = z.object({
  slug: z.string(),
  name: z.string(),
  /** Their space's address, e.g. `eleve.mytoutatice.cloud`. */
  address: z.string(),
});
export type Person = z.infer<typeof Person>;

/** `GET /gateway/people?q=`: people with a space whose name (or address) matches `q`. */
export const PeopleSearch = z.object({ people: z.array(Person) });
export type PeopleSearch = z.infer<typeof PeopleSearch>;
