import { describe, expect, it } from 'vitest';
import { createT, resolveLocale } from './translate.ts';

const drive = {
  fr: { 'drive.count': '{count} fichiers dans {folder}', 'drive.only.fr': 'Seulement en français' },
  en: { 'drive.count': '{count} files in {folder}' },
};

describe(createT.name, () => {
  it('speaks French by default, with the product’s words', () => {
    const t = createT('fr');
    expect(t('action.upload')).toBe('Importer des fichiers');
    expect(t('action.moveTo')).toBe('Déplacer vers…');
  });

  it('interpolates {name} placeholders, formatting numbers for the locale', () => {
    const t = createT<keyof typeof drive.fr>('fr', [drive]);
    expect(t('drive.count', { count: 1234, folder: 'Cours' })).toBe(`${(1234).toLocaleString('fr')} fichiers dans Cours`);
    expect(createT<keyof typeof drive.fr>('en', [drive])('drive.count', { count: 1234, folder: 'Cours' })).toBe('1,234 files in Cours');
    expect(t('status.uploading', {})).toBe('Envoi de {name}');
  });

  it('falls back to French for a string missing in English', () => {
    const t = createT<keyof typeof drive.fr>('en', [drive]);
    expect(t('action.upload')).toBe('Upload files');
    expect(t('drive.only.fr')).toBe('Seulement en français');
  });

  it('lets a later dictionary override an earlier one, and shows an unknown key as is', () => {
    const t = createT<string>('fr', [drive, { fr: { 'action.upload': 'Déposer' } }]);
    expect(t('action.upload')).toBe('Déposer');
    expect(t('nope.missing')).toBe('nope.missing');
    expect(t('constructor')).toBe('constructor');
  });
});

describe(resolveLocale.name, () => {
  it('maps English tags to en and anything else to French', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr-FR')).toBe('fr');
    expect(resolveLocale('de')).toBe('fr');
    expect(resolveLocale(undefined)).toBe('fr');
  });
});
