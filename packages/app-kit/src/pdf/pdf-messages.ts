/** The viewer's words, loaded with it (the shell's dictionary does not carry them). */
export const pdfMessages = {
  fr: {
    'pdf.page': 'Page {page} sur {count}',
    'pdf.morePages': 'Les {shown} premières pages sur {count} sont affichées : téléchargez le fichier pour le lire en entier.',
  },
  en: {
    'pdf.page': 'Page {page} of {count}',
    'pdf.morePages': 'The first {shown} of {count} pages are shown: download the file to read it all.',
  },
};

export type PdfKey = keyof typeof pdfMessages.fr;
