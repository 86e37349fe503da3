import { createContext, use } from 'react';
import type { LinkVisitor } from '@mytoutatice/sdk/links';

export const VisitorContext = createContext<LinkVisitor | null>(null);

export function useVisitor(): LinkVisitor {
  const visitor = use(VisitorContext);
  if (!visitor) throw new Error('VisitorContext is missing');
  return visitor;
}
