import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertFileKey, type FileStore, isFileKey, keyOf, type ListedFile } from './file-store';

export interface S3Config {
  /** e.g. https://s3.ap-southeast-3.amazonaws.com, http://127.0.0.1:9000 (MinIO, Garage). */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Object names start with this (default `files/`). */
  prefix?: string;
}

/**
 * Files in an S3-compatible bucket, one object per key (`files/<sha256>`). A PUT is atomic
 * on every S3-compatible store (an object is visible whole or not at all), so no temporary
 * name is needed. Bytes already there are sent again all the same: the PUT renews the
 * object's time, which the orphan sweep's grace period reads (files are at most 10 MB).
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.prefix = config.prefix ?? 'files/';
    this.location = `s3://${config.bucket}/${this.prefix}`;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Path-style URLs work on every S3-compatible server (MinIO, Garage, Ceph); the
      // checksums only when required, since not all of them read the newer trailers.
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private nameOf(key: string): string {
    assertFileKey(key);
    return `${this.prefix}${key}`;
  }

  async put(bytes: Uint8Array) {
    const key = keyOf(bytes);
    const existed = await this.has(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.nameOf(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: 'application/octet-stream',
      }),
    );
    return { key, size: bytes.byteLength, created: !existed };
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.nameOf(key) }),
      );
      if (!out.Body) return null;
      return await out.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.nameOf(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.nameOf(key) }));
  }

  async *list(): AsyncIterable<ListedFile> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.prefix.length) ?? '';
        if (!isFileKey(key)) continue;
        yield { key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  // HEAD answers carry no body, so some servers' 404s arrive as a bare status.
  return (
    typeof error === 'object' &&
    error !== null &&
    '$metadata' in error &&
    typeof error.$metadata === 'object' &&
    error.$metadata !== null &&
    'httpStatusCode' in error.$metadata &&
    error.$metadata.httpStatusCode === 404
  );
}
