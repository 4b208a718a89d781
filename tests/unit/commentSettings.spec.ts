import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS, toSettings } from '@/comments/settings'

describe('Comments', () => {
  describe('policy', () => {
    it('reads the stored global, with defaults for what is unset', () => {
      expect(toSettings(null)).toEqual(DEFAULT_SETTINGS)
      const settings = toSettings({ holdAll: false, moderationWords: ' Casino \n\n loans ', closeAfterDaysEnabled: true, closeAfterDays: 7 })
      expect(settings).toMatchObject({ holdAll: false, moderationWords: ['casino', 'loans'], closeAfterDays: 7, threadDepth: 3 })
      expect(toSettings({ closeAfterDaysEnabled: false, closeAfterDays: 7 }).closeAfterDays).toBeNull()
    })
  })
})
