import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

/**
 * Calls Payload's real REST and GraphQL route handlers (the ones app/(payload)/api mounts) with
 * real Request objects, without starting an HTTP server.
 */
const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

type Method = keyof typeof handlers

export type RestResponse = { status: number; headers: Headers; body: any }

export type RestOptions = { token?: string; body?: unknown; headers?: Record<string, string>; /** A body sent as it is (a file), not as JSON. */ raw?: string }

export async function rest(method: Method, path: string, options: RestOptions = {}): Promise<RestResponse> {
  const url = new URL(`http://localhost:3000/api${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  // Uploads go as multipart form data (the file plus `_payload` JSON), as the admin panel sends them.
  const form = options.body instanceof FormData ? options.body : undefined
  const request = new Request(url, {
    method,
    headers: {
      ...(form ? {} : { 'content-type': options.raw === undefined ? 'application/json' : 'application/xml' }),
      ...(options.token ? { authorization: `JWT ${options.token}` } : {}),
      ...options.headers,
    },
    body: form ?? options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  })
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}

const graphqlHandler = GRAPHQL_POST(config)

export async function graphql(query: string, token?: string): Promise<any> {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
  const response = await graphqlHandler(request)
  return response.json()
}

export async function login(email: string, password: string): Promise<string> {
  const { status, body } = await rest('POST', '/users/login', { body: { email, password } })
  if (status !== 200) throw new Error(`login as ${email} failed: ${status} ${JSON.stringify(body)}`)
  return body.token
}
