import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';

export function uploadNotFound(): HttpError {
  return notFound('Cet envoi n’existe pas (ou plus).');
}

/**
 * @tus/server answers its own refusals as plain text ({ status_code, body }); ours are problems
 * like every other storage answer. Server-side failures (5xx) are not mapped: they are logged.
 */
export function tusProblem(error: unknown, status: number, body: string): HttpError | undefined {
  if (error instanceof HttpError) return error;
  switch (status) {
    case 404:
      return uploadNotFound();
    case 409:
      return new HttpError(409, 'upload_offset_conflict', 'Upload-Offset ne correspond pas à ce que le serveur a reçu : demandez-le par HEAD.');
    case 410:
      return new HttpError(410, 'upload_expired', 'Cet envoi inachevé a expiré.');
    case 412:
      return badRequest('En-tête Tus-Resumable: 1.0.0 requis.');
    case 413:
      return new HttpError(413, 'payload_too_large', 'Ce morceau dépasse la taille annoncée de l’envoi.');
    case 501:
      return badRequest(`Extension tus non prise en charge (ni longueur différée ni concaténation) : ${body.trim()}`);
    default:
      return status >= 400 && status < 500 ? badRequest(`Requête tus refusée : ${body.trim()}`) : undefined;
  }
}
