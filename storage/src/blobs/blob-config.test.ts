import { describe, expect, it } from 'vitest';
import { createBlobStore, readBlobConfig } from './blob-config.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

const DATA_DIR = '/var/lib/mytoutatice';
const S3_ENV = { BLOB_STORE: 's3', S3_BUCKET: 'espaces', S3_ENDPOINT: 'https://s3.example.org' };

describe(readBlobConfig.name, () => {
  it('keeps files on disk, in the data folder, when nothing is said', () => {
    const config = readBlobConfig({}, DATA_DIR);
    expect(config).toEqual({ kind: 'fs', dataDir: DATA_DIR });
    expect(createBlobStore(config)).toBeInstanceOf(FsBlobStore);
  });

  it('reads an S3 configuration with its defaults', () => {
    const config = readBlobConfig(S3_ENV, DATA_DIR);
    expect(config).toEqual({
      kind: 's3',
      endpoint: 'https://s3.example.org',
      region: 'us-east-1',
      bucket: 'espaces',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      prefix: '',
      forcePathStyle: true,
    });
    const store = createBlobStore(config);
    expect(store).toBeInstanceOf(S3BlobStore);
    (store as S3BlobStore).close();
  });

  it('reads every S3 setting', () => {
    const config = readBlobConfig(
      {
        ...S3_ENV,
        S3_REGION: 'eu-west-3',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PREFIX: 'mytoutatice/storage/',
        S3_FORCE_PATH_STYLE: 'false',
      },
      DATA_DIR,
    );
    expect(config).toMatchObject({ region: 'eu-west-3', accessKeyId: 'id', secretAccessKey: 'secret', prefix: 'mytoutatice/storage/', forcePathStyle: false });
  });

  it.each([
    [{ BLOB_STORE: 's3' }, 'S3_BUCKET'],
    [{ ...S3_ENV, S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY'],
    [{ ...S3_ENV, S3_PREFIX: 'no-slash' }, 'S3_PREFIX'],
    [{ ...S3_ENV, S3_PREFIX: '../' }, 'S3_PREFIX'],
    [{ ...S3_ENV, S3_ENDPOINT: 'not a url' }, 'S3_ENDPOINT'],
    [{ ...S3_ENV, S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ BLOB_STORE: 'ftp' }, 'BLOB_STORE'],
  ])('refuses to boot on %o, naming %s', (env, variable) => {
    expect(() => readBlobConfig(env, DATA_DIR)).toThrow(variable);
  });
});
