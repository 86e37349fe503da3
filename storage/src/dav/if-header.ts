import { HttpError, badRequest } from '@mytoutatice/server-kit';

export interface IfCondition {
  not: boolean;
  /** A state token (a lock token, or anything else, which then matches nothing). */
  token?: string;
  /** An entity tag, quotes included. */
  etag?: string;
}

export interface IfList {
  /** The tagged resource's URL, or undefined for the request's own resource. */
  resource: string | undefined;
  conditions: IfCondition[];
}

/**
 * The `If` header (RFC 4918 §10.4): untagged lists `(<token> ["etag"])` or lists tagged with a
 * resource `<url> (…)`. Malformed headers are a 400.
 */
export function parseIfHeader(header: string): IfList[] {
  const lists: IfList[] = [];
  let resource: string | undefined;
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && /\s/.test(header[i] ?? '')) i++;
  };
  const until = (end: string) => {
    const stop = header.indexOf(end, i);
    if (stop < 0) throw badRequest('En-tête If mal formé.');
    const value = header.slice(i, stop);
    i = stop + 1;
    return value;
  };
  for (skipSpace(); i < header.length; skipSpace()) {
    const c = header[i++];
    if (c === '<') {
      resource = until('>');
    } else if (c === '(') {
      const conditions: IfCondition[] = [];
      for (skipSpace(); header[i] !== ')'; skipSpace()) {
        if (i >= header.length) throw badRequest('En-tête If mal formé.');
        let not = false;
        if (header.startsWith('Not', i)) {
          not = true;
          i += 3;
          skipSpace();
        }
        const open = header[i++];
        if (open === '<') conditions.push({ not, token: until('>') });
        else if (open === '[') conditions.push({ not, etag: until(']') });
        else throw badRequest('En-tête If mal formé.');
      }
      i++;
      if (conditions.length === 0) throw badRequest('En-tête If mal formé.');
      lists.push({ resource, conditions });
    } else {
      throw badRequest('En-tête If mal formé.');
    }
  }
  return lists;
}

/** The lock tokens a request submits: every token its `If` header names (RFC 4918 §6.5). */
export function submittedTokens(lists: readonly IfList[]): Set<string> {
  return new Set(lists.flatMap((list) => list.conditions.flatMap((c) => (c.token !== undefined && !c.not ? [c.token] : []))));
}

export interface ResourceState {
  etag: string | undefined;
  /** Tokens of the locks holding the resource. */
  lockTokens: readonly string[];
}

/** True when one of the lists holds: all its conditions true for the resource it names. */
export function ifHolds(lists: readonly IfList[], stateOf: (resource: string | undefined) => ResourceState): boolean {
  return lists.some((list) => {
    const state = stateOf(list.resource);
    return list.conditions.every((c) => {
      const matched = c.token !== undefined ? state.lockTokens.includes(c.token) : c.etag === state.etag && state.etag !== undefined;
      return matched !== c.not;
    });
  });
}

export function preconditionFailed(): HttpError {
  return new HttpError(412, 'precondition_failed', 'Les conditions de l’en-tête If ne sont pas remplies.');
}

export function locked(): HttpError {
  return new HttpError(423, 'locked', 'Cet élément est verrouillé : le jeton du verrou est requis.');
}
