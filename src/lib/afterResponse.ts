import { after } from 'next/server'

/**
 * Runs `task` once the response has been sent (Next's `after`), when there is one: by then the
 * request's writes are committed, so the task sees them outside its transaction. Outside a Next
 * request (the Local API in scripts and tests) there is no response to hold up, and the task
 * runs at once.
 */
export async function afterResponse(task: () => Promise<void> | void): Promise<void> {
  try {
    after(task)
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('outside a request scope')) throw error
    await task()
  }
}
