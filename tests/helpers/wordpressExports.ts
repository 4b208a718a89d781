import path from 'node:path'

import type { WxrRecord } from '@/import/wordpress/wxr'

import { readWxr } from '@/import/wordpress/wxr'

/** The WordPress exports in tests/fixtures/wordpress, read whole, and the items in them: what the importer's specs read. */

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/wordpress', name)

export async function readAll(name: string): Promise<WxrRecord[]> {
  const records: WxrRecord[] = []
  for await (const record of readWxr(fixture(name))) records.push(record)
  return records
}

export const items = (records: WxrRecord[]) => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []))
export const itemById = (records: WxrRecord[], id: string) => {
  const item = items(records).find((i) => i.id === id)
  if (!item) throw new Error(`no item ${id} in the fixture`)
  return item
}
