import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
  type Part,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { BlobPart, BlobParts } from './blob-store.ts';

/**
 * Blob parts as an S3 multipart upload on the blob's own object key: completing it makes the
 * blob in place, a metadata operation on S3's side whatever the size (no copy).
 */
export class S3BlobParts implements BlobParts {
  readonly minPartBytes = 5 * 1024 * 1024;
  readonly maxParts = 10_000;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #object: (instanceId: string, key: string) => string;

  constructor(client: S3Client, bucket: string, object: (instanceId: string, key: string) => string) {
    this.#client = client;
    this.#bucket = bucket;
    this.#object = object;
  }

  async begin(instanceId: string, key: string): Promise<string> {
    const { UploadId } = await this.#client.send(new CreateMultipartUploadCommand({ Bucket: this.#bucket, Key: this.#object(instanceId, key) }));
    if (!UploadId) throw new Error('S3 started a multipart upload without an id');
    return UploadId;
  }

  async put(instanceId: string, key: string, uploadId: string, number: number, body: Readable, size: number): Promise<void> {
    await this.#client.send(
      new UploadPartCommand({
        Bucket: this.#bucket,
        Key: this.#object(instanceId, key),
        UploadId: uploadId,
        PartNumber: number,
        Body: body,
        ContentLength: size,
      }),
    );
  }

  async list(instanceId: string, key: string, uploadId: string): Promise<BlobPart[]> {
    return (await this.#parts(instanceId, key, uploadId)).map((part) => ({ number: part.PartNumber ?? 0, size: part.Size ?? 0 }));
  }

  async #parts(instanceId: string, key: string, uploadId: string): Promise<Part[]> {
    const parts: Part[] = [];
    let marker: string | undefined;
    do {
      const page = await this.#client.send(
        new ListPartsCommand({ Bucket: this.#bucket, Key: this.#object(instanceId, key), UploadId: uploadId, PartNumberMarker: marker }),
      );
      parts.push(...(page.Parts ?? []));
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return parts.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
  }

  async complete(instanceId: string, key: string, uploadId: string): Promise<void> {
    const parts = (await this.#parts(instanceId, key, uploadId)).map(({ PartNumber, ETag }) => ({ PartNumber, ETag }));
    await this.#client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.#bucket,
        Key: this.#object(instanceId, key),
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  }

  async abort(instanceId: string, key: string, uploadId: string): Promise<void> {
    try {
      await this.#client.send(new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: this.#object(instanceId, key), UploadId: uploadId }));
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name !== 'NoSuchUpload') throw error;
    }
  }
}
