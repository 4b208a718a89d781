import { describe, expect, it } from 'vitest'

import { isPublicAddress, resolvesToPublic } from '@/import/wordpress/publicAddress'

describe('WordPress import', () => {
  describe('media fetched for the admin screen', () => {
    it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'])(
      'refuses the private address %s',
      (address) => {
        expect(isPublicAddress(address)).toBe(false)
      },
    )

    it.each(['93.184.216.34', '172.32.0.1', '2606:4700::1111', '::ffff:93.184.216.34'])('allows the public address %s', (address) => {
      expect(isPublicAddress(address)).toBe(true)
    })

    it('checks the address a URL names, and refuses other schemes', async () => {
      expect(await resolvesToPublic('http://127.0.0.1/wp-content/uploads/a.png')).toBe(false)
      expect(await resolvesToPublic('http://[::1]/a.png')).toBe(false)
      expect(await resolvesToPublic('file:///etc/passwd')).toBe(false)
      expect(await resolvesToPublic('https://93.184.216.34/a.png')).toBe(true)
    })
  })
})
