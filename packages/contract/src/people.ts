import * as z from 'zod/mini';

/** Shortest and longest query of the people search (one letter would list half the académie). */
export const MIN_PEOPLE_QUERY = 2;
export const MAX_PEOPLE_QUERY = 100;
/** Most people one search answers. */
export const MAX_PEOPLE_RESULTS = 20;

/** `GET /gateway/people?q=`: a name (any word's start, accents aside) or the start of an email. */
export const PeopleQuery = z.string().check(z.trim(), z.minLength(MIN_PEOPLE_QUERY), z.maxLength(MAX_PEOPLE_QUERY));

/**
 * Someone of the académie who has a space: their slug (what a sharing names), display name and
 * space address. Never their email, which only serves to find them.
 */
export const Person = z.object({ slug: z.string(), name: z.string(), address: z.string() });
export type Person = z.infer<typeof Person>;

export const PeopleList = z.object({ people: z.array(Person) });
export type PeopleList = z.infer<typeof PeopleList>;
