import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test'

import { expect } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'

const messages = {
  missingAccount: (role: string, file: string) =>
    `No ${role} account in ${file}. The end-to-end tests use the accounts the demo seed writes there; run them with \`bash scripts/e2e.sh\`.`,
}

/** A seeded staff account, read from the demo-credentials.txt of the database the server uses. */
export function seededAccount(role: string): { email: string; password: string } {
  // playwright.config.ts refuses to run without DATA_DIR.
  const file = path.join(process.env.DATA_DIR ?? '', 'demo-credentials.txt')
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : []
  // Lines read "<roles> <email> <password>"; the file starts with a # comment.
  const [, email, password] = lines.find((line) => line.split(/\s+/)[0] === role)?.trim().split(/\s+/) ?? []
  if (!email || !password) throw new Error(messages.missingAccount(role, file))
  return { email, password }
}

/** Headers for REST calls as that account (a JWT, so Payload's cookie CSRF check does not apply). */
export async function authHeaders(request: APIRequestContext, role: string): Promise<Record<string, string>> {
  const response = await request.post('/api/users/login', { data: seededAccount(role) })
  expect(response.status(), `log in as the seeded ${role}`).toBe(200)
  const { token } = await response.json()
  return { Authorization: `JWT ${token}` }
}

/** Payload marks its forms ready once mounted and not processing; typing before that is lost. */
export async function waitForFormReady(page: Page) {
  await expect(page.locator('form[data-form-ready="true"]')).toBeVisible()
}

/** Logs the seeded account in through the admin's login form; where it lands is for the caller to check. */
export async function submitAdminLogin(page: Page, role: string) {
  const { email, password } = seededAccount(role)
  await page.goto('/admin/login')
  await waitForFormReady(page)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
}

/** A page in a browser context of its own (options such as its time zone), logged in to the admin as the seeded account. */
export async function logInAs(browser: Browser, role: string, context: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage()
  await submitAdminLogin(page, role)
  await expect(page).toHaveURL(/\/admin$/)
  return page
}
