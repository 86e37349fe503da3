import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { BlobMissingError, assertSafeNames, type BlobStore, type ByteRange, type StoredBlob } from './blob-store.ts';
import { meter } from './metered-body.ts';
import { S3BlobParts } from './s3-blob-parts.ts';

export interface S3BlobStoreConfig {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Put before `<instanceId>/<key>` in every object key (e.g. `storage/`), or empty. */
  prefix: string;
  forcePathStyle: boolean;
}

/**
 * Memory per write is bounded by the parts: QUEUE_SIZE in flight plus one filling (and its copy
 * when it is cut). S3's smallest part keeps that near 20 MiB; 10 000 parts still allow 48 GiB.
 */
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
const GIB = 1024 ** 3;

/** Server-side copies: CopyObject takes up to 5 GiB; past that, parts copied from ranges. */
export interface S3CopyLimits {
  copyObjectMaxBytes: number;
  copyPartBytes: number;
}
const COPY_LIMITS: S3CopyLimits = { copyObjectMaxBytes: 5 * GIB, copyPartBytes: GIB / 2 };
/** Parts copied at once: each is a request the server works on, no bytes pass through here. */
const COPY_PARTS_AT_ONCE = 4;

/** DeleteObjects takes at most 1000 keys. */
const DELETE_BATCH = 1000;

function isMissing(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/**
 * Blobs as objects `<prefix><instanceId>/<key>` in one bucket. Writes are streamed multipart
 * uploads (never the whole body in memory), aborted on failure; copies happen server-side.
 */
export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #copyLimits: S3CopyLimits;
  readonly parts: S3BlobParts;

  /** `copyLimits` are S3's; tests lower them to copy in parts without gigabytes. */
  constructor(config: S3BlobStoreConfig, copyLimits: S3CopyLimits = COPY_LIMITS) {
    this.#bucket = config.bucket;
    this.#prefix = config.prefix;
    this.#copyLimits = copyLimits;
    this.#client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined,
      // Checksums only where S3 demands them: with the default, streamed bodies are sent with
      // aws-chunked framing, which some S3-compatible servers store inside the object.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.parts = new S3BlobParts(this.#client, this.#bucket, (instanceId, key) => this.#object(instanceId, key));
  }

  #folder(instanceId: string): string {
    assertSafeNames(instanceId);
    return `${this.#prefix}${instanceId}/`;
  }

  #object(instanceId: string, key: string): string {
    assertSafeNames(key);
    return `${this.#folder(instanceId)}${key}`;
  }

  async write(instanceId: string, key: string, body: Readable, limit: number, overLimit: () => Error): Promise<StoredBlob> {
    const metered = meter(body, limit, overLimit);
    try {
      await this.#upload(this.#object(instanceId, key), metered.stream);
    } catch (error) {
      metered.stream.destroy();
      throw metered.failure(error);
    }
    return metered.stored();
  }

  /** Streamed up like a write: the local file was the upload's staging, S3 holds the blob. */
  async adopt(instanceId: string, key: string, path: string): Promise<void> {
    const objectKey = this.#object(instanceId, key);
    const file = createReadStream(path);
    try {
      await this.#upload(objectKey, file);
    } finally {
      file.destroy();
    }
  }

  async #upload(objectKey: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: objectKey, Body: body },
      partSize: PART_BYTES,
      queueSize: QUEUE_SIZE,
      // Aborts the multipart upload when anything fails, so no parts are left behind (billed).
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async read(instanceId: string, key: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: this.#object(instanceId, key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return answer.Body as Readable;
    } catch (error) {
      throw isMissing(error) ? new BlobMissingError(instanceId, key) : error;
    }
  }

  /** Objects are not local files: their bytes always come through `read`. */
  localFile(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async modifiedAt(instanceId: string, key: string): Promise<number | undefined> {
    try {
      const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#object(instanceId, key) }));
      return head.LastModified?.getTime();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async copy(instanceId: string, from: string, to: string): Promise<void> {
    const source = this.#object(instanceId, from);
    const target = this.#object(instanceId, to);
    const copySource = `${this.#bucket}/${source}`.split('/').map(encodeURIComponent).join('/');
    try {
      const { ContentLength: size = 0 } = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: source }));
      if (size <= this.#copyLimits.copyObjectMaxBytes) {
        await this.#client.send(new CopyObjectCommand({ Bucket: this.#bucket, Key: target, CopySource: copySource }));
      } else {
        await this.#copyInParts(copySource, target, size);
      }
    } catch (error) {
      throw isMissing(error) ? new BlobMissingError(instanceId, from) : error;
    }
  }

  async #copyInParts(copySource: string, target: string, size: number): Promise<void> {
    const { UploadId } = await this.#client.send(new CreateMultipartUploadCommand({ Bucket: this.#bucket, Key: target }));
    const ranges: { PartNumber: number; range: string }[] = [];
    for (let start = 0; start < size; start += this.#copyLimits.copyPartBytes) {
      const end = Math.min(start + this.#copyLimits.copyPartBytes, size) - 1;
      ranges.push({ PartNumber: ranges.length + 1, range: `bytes=${start}-${end}` });
    }
    try {
      const parts: { PartNumber: number; ETag: string | undefined }[] = [];
      for (let at = 0; at < ranges.length; at += COPY_PARTS_AT_ONCE) {
        const batch = ranges.slice(at, at + COPY_PARTS_AT_ONCE);
        const copied = await Promise.all(
          batch.map(({ PartNumber, range }) =>
            this.#client.send(
              new UploadPartCopyCommand({
                Bucket: this.#bucket,
                Key: target,
                UploadId,
                PartNumber,
                CopySource: copySource,
                CopySourceRange: range,
              }),
            ),
          ),
        );
        copied.forEach((answer, index) => parts.push({ PartNumber: at + index + 1, ETag: answer.CopyPartResult?.ETag }));
      }
      await this.#client.send(
        new CompleteMultipartUploadCommand({ Bucket: this.#bucket, Key: target, UploadId, MultipartUpload: { Parts: parts } }),
      );
    } catch (error) {
      await this.#client
        .send(new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: target, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  async remove(instanceId: string, keys: readonly string[]): Promise<void> {
    await this.#deleteObjects(keys.map((key) => this.#object(instanceId, key)));
  }

  async #deleteObjects(objectKeys: readonly string[]): Promise<void> {
    for (let start = 0; start < objectKeys.length; start += DELETE_BATCH) {
      const batch = objectKeys.slice(start, start + DELETE_BATCH);
      const answer = await this.#client.send(
        new DeleteObjectsCommand({
          Bucket: this.#bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = answer.Errors?.[0];
      if (failed) throw new Error(`S3 could not delete ${failed.Key ?? '?'}: ${failed.Code ?? ''} ${failed.Message ?? ''}`);
    }
  }

  async *#objectKeys(folder: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: folder, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async *keys(instanceId: string): AsyncIterable<string> {
    const folder = this.#folder(instanceId);
    for await (const objectKey of this.#objectKeys(folder)) yield objectKey.slice(folder.length);
  }

  /** Its objects, and any multipart upload still pending under its folder (a write cut by a crash). */
  async removeInstance(instanceId: string): Promise<void> {
    const folder = this.#folder(instanceId);
    let batch: string[] = [];
    for await (const objectKey of this.#objectKeys(folder)) {
      batch.push(objectKey);
      if (batch.length === DELETE_BATCH) {
        await this.#deleteObjects(batch);
        batch = [];
      }
    }
    await this.#deleteObjects(batch);
    for (const upload of await this.pendingUploads(instanceId)) {
      await this.#client.send(
        new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: upload.key, UploadId: upload.uploadId }),
      );
    }
  }

  /** Multipart uploads started and neither completed nor aborted under the instance's folder. */
  async pendingUploads(instanceId: string): Promise<{ key: string; uploadId: string }[]> {
    const pending: { key: string; uploadId: string }[] = [];
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      const page = await this.#client.send(
        new ListMultipartUploadsCommand({
          Bucket: this.#bucket,
          Prefix: this.#folder(instanceId),
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
      );
      for (const upload of page.Uploads ?? []) {
        if (upload.Key && upload.UploadId) pending.push({ key: upload.Key, uploadId: upload.UploadId });
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
    return pending;
  }

  /** Closes the client's connections. */
  close(): void {
    this.#client.destroy();
  }
}
