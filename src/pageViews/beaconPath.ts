/**
 * Where the reader's browser reports a page view, and the form field naming the article. Shared
 * by the route (app/(site)/views/route.ts) and the client island, so it imports nothing.
 */
export const VIEW_BEACON = { path: '/views', field: 'article' } as const
