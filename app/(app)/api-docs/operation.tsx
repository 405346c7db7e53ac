import type { Operation } from '@/lib/openapi/document';
import { schemaText } from './schema-text';

const methodColour: Record<string, string> = {
  get: 'blue',
  post: 'green',
  put: 'amber',
  patch: 'amber',
  delete: 'red',
};

/** One method of one address: who may call it, its parameters, and its JSON body's schema. */
export function OperationEntry({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = operation.requestBody;
  return (
    <article className="api-operation" id={operation.operationId}>
      <h3>
        <span className={`badge ${methodColour[method] ?? 'grey'}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      {operation.description ? <p className="muted">{operation.description}</p> : null}
      {operation.parameters?.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Parameters of {method.toUpperCase()} {path}
            </caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">In</th>
                <th scope="col">Required</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <td>
                    <code>{parameter.name}</code>
                  </td>
                  <td>{parameter.in}</td>
                  <td>{parameter.required ? 'yes' : 'no'}</td>
                  <td>{schemaText(parameter.schema)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {body ? (
        <details>
          <summary>JSON body{body.required ? '' : ' (optional)'}: its JSON Schema</summary>
          <pre>{JSON.stringify(body.content['application/json'].schema, null, 2)}</pre>
        </details>
      ) : null}
    </article>
  );
}
