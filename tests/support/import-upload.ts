export type ImportLine = { type: 'progress' | 'result' | 'error'; [key: string]: unknown };

/**
 * Posts a CSV file to the import route at `importUrl` (query string included) as a script would,
 * and yields each NDJSON line of the answer as it arrives.
 */
export async function* importLines(
  importUrl: string,
  cookie: string,
  file: string | Uint8Array,
): AsyncGenerator<ImportLine> {
  const response = await fetch(importUrl, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: typeof file === 'string' ? file : new Uint8Array(file),
  });
  if (!response.ok || !response.body) throw new Error(`import answered ${response.status}: ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffer += part.value;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      yield JSON.parse(buffer.slice(0, newline)) as ImportLine;
      buffer = buffer.slice(newline + 1);
    }
  }
}
