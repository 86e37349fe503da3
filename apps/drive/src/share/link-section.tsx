import type { FileDoc } from '@mytoutatice/contract';

/**
 * « Générer un lien »: public links are written on another branch; this stand-in keeps the share
 * dialog compiling until they are merged (it renders nothing).
 */
export function LinkSection(_props: { item: FileDoc }) {
  return null;
}
