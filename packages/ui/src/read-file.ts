/**
 * Reads a chosen file as base64 for an upload in a JSON mutation (decision 009), reporting
 * progress (large sheets take a moment on a slow phone). Shared by every import screen.
 */
export function readAsBase64(
  file: Blob,
  onProgress: (percent: number) => void = () => undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result as ArrayBuffer);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      onProgress(100);
      resolve(btoa(binary));
    };
    reader.readAsArrayBuffer(file);
  });
}
