// Every operation of the OpenAPI document gets an operationId (client generators name methods by
// it): the route's own when it declares one, else the method and the path's words —
// GET /api/v1/item-versions/{id}/history → getItemVersionsByIdHistory.
const word = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function operationIdOf(method: string, path: string): string {
  const parts = path
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^[:{](\w+)\}?$/.exec(seg);
      return param
        ? `By${word(param[1])}`
        : seg
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map(word)
            .join('');
    });
  return `${method.toLowerCase()}${parts.join('') || 'Root'}`;
}

/** A @fastify/swagger `transformObject`: names the operations that have no operationId. */
export function documentOperationIds({ openapiObject }: { openapiObject: Record<string, unknown> }) {
  const paths = (openapiObject.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, ops] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = ops[method] as Record<string, unknown> | undefined;
      // GET and HEAD of one route share an object: each gets its own copy with its own id
      if (op && !op.operationId) ops[method] = { operationId: operationIdOf(method, path), ...op };
      else if (op && method === 'head' && op === ops.get) ops[method] = { ...op, operationId: `head${String(op.operationId).replace(/^get/, '')}` };
    }
  }
  return openapiObject;
}
