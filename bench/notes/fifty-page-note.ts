/**
 * The 50-page note that bench/notes opens: about 25,000 words of French-looking Markdown with
 * headings, paragraphs, bullet, numbered and task lists, quotes and tables, the same bytes on
 * every run (a seeded generator, no randomness of the machine).
 */
import { seededRandom } from './seeded-random.ts';

const WORDS = `le la les un une des et ou mais donc car avec sans pour dans sur sous entre vers chez
élève classe cours leçon devoir projet séance groupe équipe professeur collège lycée école
année trimestre semaine matin après-midi cahier manuel tableau exercice question réponse
exemple méthode résultat problème solution idée texte phrase mot page chapitre partie
histoire géographie mathématiques physique chimie biologie français anglais musique sport
calcul fraction équation figure carte frontière siècle époque événement source document
lire écrire compter observer comparer expliquer justifier rédiger corriger préparer rendre
chercher trouver vérifier noter retenir partager présenter discuter proposer organiser
grand petit nouveau ancien premier dernier simple difficile clair précis rapide lent
important utile commun possible nécessaire régulier collectif personnel numérique
toujours souvent parfois ensuite enfin déjà encore bientôt ici ensemble aussi surtout`
  .split(/\s+/)
  .filter((word) => word !== '');

export type FiftyPageNote = {
  markdown: string;
  /** The first section's heading (not the title, which the page may show apart): on screen means the note's text began to show. */
  firstSection: string;
  /** The last paragraph's first words: in the editor means the whole note is there. */
  lastWords: string;
};

export function fiftyPageNote(pages = 50, wordsPerPage = 470): FiftyPageNote {
  const random = seededRandom(20261207);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const words = (count: number) => Array.from({ length: count }, pick).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(random() * 12));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (count: number) => {
    const sentences: string[] = [];
    for (let used = 0; used < count; ) {
      const next = sentence();
      sentences.push(next);
      used += next.split(' ').length;
    }
    return sentences.join(' ');
  };

  const blocks = ['# Cinquante pages de notes de cours'];
  let firstSection = '';
  let lastParagraph = '';
  for (let page = 1; page <= pages; page++) {
    const section = `Partie ${page} — ${words(3)}`;
    if (page === 1) firstSection = section;
    blocks.push(`## ${section}`);
    // What lists and tables hold counts towards the page's words; paragraphs fill the rest.
    let left = wordsPerPage;
    if (page % 2 === 1) {
      blocks.push(Array.from({ length: 5 }, () => `- ${words(6)}`).join('\n'));
      left -= 30;
    } else {
      blocks.push(Array.from({ length: 5 }, (_, i) => `${i + 1}. ${words(6)}`).join('\n'));
      left -= 30;
    }
    if (page % 5 === 0) {
      blocks.push(Array.from({ length: 4 }, (_, i) => `- [${i % 2 === 0 ? 'x' : ' '}] ${words(5)}`).join('\n'));
      left -= 20;
    }
    if (page % 10 === 0) {
      const row = () => `| ${words(2)} | ${words(3)} | ${Math.floor(random() * 20)}/20 |`;
      blocks.push(['| Élève | Remarque | Note |', '|---|---|---:|', ...Array.from({ length: 6 }, row)].join('\n'));
      left -= 36;
    }
    if (page % 7 === 0) {
      blocks.push(`> ${sentence()}`);
      left -= 15;
    }
    for (let section = 0; section < 3; section++) {
      if (section === 1) blocks.push(`### ${words(4)}`);
      lastParagraph = paragraph(Math.round(left / 3));
      blocks.push(lastParagraph);
    }
  }
  return { markdown: `${blocks.join('\n\n')}\n`, firstSection, lastWords: lastParagraph.split(' ').slice(0, 8).join(' ') };
}
