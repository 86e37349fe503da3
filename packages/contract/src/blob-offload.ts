/**
 * Between the gateway and a storage backend on the same machine: the gateway asks (request
 * header) that a download's bytes be left to it; the storage then checks everything as usual and
 * answers the status and headers with an empty body, naming the file and the byte range to send.
 * The bytes then cross one process instead of two (bench/storage, large file).
 */
export const BLOB_OFFLOAD_HEADER = 'x-blob-offload';
/** The request header's one value: the gateway reads files itself. */
export const BLOB_OFFLOAD_FILE = 'file';
/** Answer header: the absolute path of the file holding the content. */
export const BLOB_FILE_HEADER = 'x-blob-file';
/** Answer header: `start-end`, inclusive, the bytes of that file to send. */
export const BLOB_RANGE_HEADER = 'x-blob-range';
