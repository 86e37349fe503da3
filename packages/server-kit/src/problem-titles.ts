import type { ErrorCode } from '@mytoutatice/contract';

/** The French `title` of each problem: short, stable for a given code. */
export const problemTitles: Record<ErrorCode, string> = {
  bad_request: 'Requête invalide',
  invalid_name: 'Nom invalide',
  invalid_email: 'Adresse électronique invalide',
  cgu_not_accepted: 'Conditions d’utilisation non acceptées',
  email_locked: 'Adresse électronique non modifiable',
  unauthenticated: 'Authentification requise',
  invalid_token: 'Jeton invalide ou expiré',
  forbidden: 'Accès refusé',
  no_space: 'Aucun espace personnel',
  space_exists: 'Cet espace existe déjà',
  not_found: 'Introuvable',
  not_a_folder: 'Ce n’est pas un dossier',
  not_a_file: 'Ce n’est pas un fichier',
  name_conflict: 'Ce nom est déjà utilisé',
  hash_mismatch: 'Le contenu reçu ne correspond pas à son empreinte',
  invalid_digest: 'Empreinte (Content-Digest) invalide',
  payload_too_large: 'Contenu trop volumineux',
  quota_exceeded: 'Espace de stockage insuffisant',
  range_not_satisfiable: 'Plage demandée hors du contenu',
  unsupported_media_type: 'Type de contenu non pris en charge',
  upstream_unavailable: 'Service indisponible',
  upstream_timeout: 'Le service n’a pas répondu à temps',
  internal: 'Erreur interne',
};
