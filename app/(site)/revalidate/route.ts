import { expireInRequest, readSignedTags } from '@/cache/expire'
import { readEnv } from '@/lib/env'

/**
 * Where a background process (the jobs runner, `npm run jobs`) asks this server to expire cached
 * pages after a change it made outside any request. Only requests signed with the server's own
 * secret are honoured; see src/cache/expire.ts.
 */
export async function POST(request: Request) {
  const body = await request.text()
  const tags = readSignedTags({ body, signature: request.headers.get('x-byline-signature'), secret: readEnv().secret, now: Date.now() })
  if (!tags) return Response.json({ error: 'Not signed by this server.' }, { status: 401 })
  expireInRequest(tags)
  return new Response(null, { status: 204 })
}
