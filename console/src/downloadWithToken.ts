import { authorizationHeader } from './graphqlClient';

/**
 * Downloads `url` with the Authorization header and hands it to the browser as a file. A
 * plain link cannot carry the bearer token, so the file is fetched here and saved through a
 * Blob URL and an `<a download>` click. Throws with the gateway's message on refusal.
 */
export async function downloadWithToken(url: string, fileName: string, token: string | undefined): Promise<void> {
  const response = await fetch(url, { headers: authorizationHeader(token) });
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { errors?: Array<{ message?: string }> };
      message = body.errors?.[0]?.message ?? message;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new Error(`Download refused: ${message}`);
  }
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Release the blob once the browser has surely read it (it reads asynchronously after the click).
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
