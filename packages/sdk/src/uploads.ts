/**
 * The upload queue (the Drive's imports): a shared module of its own (`@mytoutatice/sdk/uploads`),
 * fetched by the apps that import it rather than by every page's shell.
 */
export { createUploadQueue } from './upload-queue.ts';
export type { QueueInput, QueueItem, QueueStatus, UploadQueue, UploadQueueOptions } from './upload-queue.ts';
export { useUploadQueue } from './react/use-upload-queue.ts';
