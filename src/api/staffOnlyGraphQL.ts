import type { SanitizedConfig } from 'payload'

import { executeAuthStrategies, getPayload } from 'payload'

import { isStaffUser } from '@/access/isStaff'

const messages = {
  staffOnly: 'The GraphQL API is for signed-in newsroom staff. Readers’ data is on the site and in its feeds.',
}

/**
 * The GraphQL endpoint, for staff only. The reader site does not use GraphQL, and one anonymous
 * query could hold the server for seconds (issue #9), so a request without a staff session gets
 * 401 before its body is even read. Wraps Payload's handler in app/(payload)/api/graphql/route.ts.
 */
export function staffOnlyGraphQL({
  config,
  handler,
}: {
  config: Promise<SanitizedConfig>
  handler: (request: Request) => Promise<Response>
}): (request: Request) => Promise<Response> {
  return async (request) => {
    const payload = await getPayload({ config })
    const { user } = await executeAuthStrategies({ headers: request.headers, payload, isGraphQL: true })
    if (!isStaffUser(user)) return Response.json({ errors: [{ message: messages.staffOnly }] }, { status: 401 })
    return handler(request)
  }
}
