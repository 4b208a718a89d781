import { expect, test } from '@playwright/test'

import { authHeaders, seededAccount, submitAdminLogin, waitForFormReady } from '../helpers/seededAccounts'

const LOGIN_FAILED = 'The email or password is incorrect. If you are sure of both, reset your password: that also lifts any lock on the account.'

test.describe('Accounts and API bounds', () => {
  test('the admin login shows one message for a wrong password and for an unknown email', async ({ page }) => {
    const { email } = seededAccount('editor')
    for (const [address, password] of [
      [email, 'not-the-password'],
      ['nobody-at-all@example.com', 'not-the-password'],
    ]) {
      await page.goto('/admin/login')
      await waitForFormReady(page)
      await page.getByLabel('Email').fill(address ?? '')
      await page.getByLabel('Password').fill(password ?? '')
      await page.getByRole('button', { name: 'Login' }).click()
      await expect(page.getByText(LOGIN_FAILED)).toBeVisible()
      await expect(page).toHaveURL(/\/admin\/login/)
    }
  })

  test('the admin still lists 100 articles per page, with their authors, and opens the moderation queue', async ({ page }) => {
    // Every API call the admin makes on the way, refused ones included (its relationship columns load by id, 250 at a time).
    const refused: string[] = []
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400) refused.push(`${response.status()} ${response.url()}`)
    })
    await submitAdminLogin(page, 'admin')
    await expect(page).toHaveURL(/\/admin$/)
    await page.goto('/admin/collections/articles?limit=100')
    await expect(page.locator('table tbody tr').first()).toBeVisible()
    await expect(page.locator('table tbody tr').first().locator('td').filter({ hasText: /\w/ }).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await page.goto('/admin/moderation')
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible()
    expect(refused).toEqual([])
  })

  test('GraphQL answers staff and refuses anonymous requests with 401', async ({ request }) => {
    const query = { query: '{ Articles(limit: 1) { docs { title } } }' }
    const anonymous = await request.post('/api/graphql', { data: query })
    expect(anonymous.status()).toBe(401)
    expect((await anonymous.json()).errors[0].message).toMatch(/^The GraphQL API is for signed-in newsroom staff/)
    const staff = await request.post('/api/graphql', { data: query, headers: await authHeaders(request, 'editor') })
    expect(staff.status()).toBe(200)
    expect((await staff.json()).data.Articles.docs).toHaveLength(1)
  })

  test('REST refuses a list of 100,000 with 400', async ({ request }) => {
    const response = await request.get('/api/articles?limit=100000')
    expect(response.status()).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/^limit must be a whole number from 1 to 100/)
  })
})
