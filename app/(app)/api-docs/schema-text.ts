// A JSON Schema in a few words for the API page's parameter tables: "integer, 1–100, default 25".
type JsonSchema = Record<string, unknown>;

export function schemaText(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(schemaText).join(' or ');
  const parts: string[] = [];
  if ('const' in schema) parts.push(JSON.stringify(schema.const));
  else if (Array.isArray(schema.enum)) parts.push(schema.enum.map((value) => JSON.stringify(value)).join(' | '));
  else if (typeof schema.type === 'string') {
    const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
    parts.push(`${schema.type}${format}`);
  } else parts.push('any');
  const bound = (value: unknown) => (typeof value === 'number' ? String(value) : '…');
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    parts.push(`${bound(schema.minimum)}–${bound(schema.maximum)}`);
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}
