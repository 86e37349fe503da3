import * as z from 'zod/mini';

/** The shortest search the académie directory answers: one letter would list half of it. */
export const MIN_PEOPLE_QUERY = 2;
/** The longest search (a full name or a whole email fits). */
export const MAX_PEOPLE_QUERY = 100;
/** Most people one search answers. */
export const MAX_PEOPLE_RESULTS = 20;

/** `GET /gateway/people?q=`: a name (any word's start, accents aside) or the start of an email. */
export const PeopleQuery = z.string().check(z.trim(), z.minLength(MIN_PEOPLE_QUERY), z.maxLength(MAX_PEOPLE_QUERY));

/** Someone of the académie who has a space: what a share dialog shows (never their email). */
export const Person = z.object({
  slug: z.string(),
  name: z.string(),
  /** Their space's address, e.g. `https://eleve.mytoutatice.cloud`. */
  address: z.string(),
});
export type Person = z.infer<typeof Person>;

/** `GET /gateway/people?q=`: people with a space whose name (any word's start) or email (its start) matches `q`. */
export const PeopleSearch = z.object({ people: z.array(Person) });
export type PeopleSearch = z.infer<typeof PeopleSearch>;
