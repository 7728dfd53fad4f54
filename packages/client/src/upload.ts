import { TRPCClientError } from '@trpc/client';

interface ErrorShape {
  message: string;
  code: number;
  data: Record<string, unknown>;
}

/** The server's error envelope: `{ error: { message, code, data: { appError, ... } } }`. */
function errorShapeOf(body: unknown, status: number): ErrorShape {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (typeof error === 'object' && error !== null && 'data' in error) {
      const data = error.data;
      if (typeof data === 'object' && data !== null) {
        return {
          message: 'message' in error && typeof error.message === 'string' ? error.message : '',
          code: 'code' in error && typeof error.code === 'number' ? error.code : -32603,
          data: { ...data },
        };
      }
    }
  }
  return { message: `HTTP ${status}`, code: -32603, data: { httpStatus: status } };
}

/**
 * Sends one file as multipart/form-data (part `file`) to a server upload route, reporting
 * progress (XMLHttpRequest: fetch cannot report an upload's progress). Resolves with the
 * JSON answer; rejects with a TRPCClientError carrying the server's error envelope, so
 * `appErrorOf` and ApiErrorMessage read it like any procedure's error (a network failure
 * becomes NETWORK).
 */
export function uploadFile(
  url: string,
  file: Blob,
  fileName: string,
  onProgress?: (fraction: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.response);
        return;
      }
      const error = errorShapeOf(xhr.response, xhr.status);
      reject(new TRPCClientError(error.message, { result: { error } }));
    };
    // No answer at all: appErrorOf reads a TRPCClientError without data as NETWORK.
    xhr.onerror = () => reject(new TRPCClientError('Failed to upload'));
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
}
