import { PageStoreSeat } from '../../src/productionServer/pageStoreSeat'

/**
 * An instance holding the page store's writer seat in a process of its own, for
 * tests/unit/pageStoreSeat.spec.ts to kill: joins the store in argv[2], writes the page at
 * argv[3] with the text argv[4], says "ready" and waits.
 */
const [dir, url, text] = process.argv.slice(2)
const seat = await PageStoreSeat.join(dir, { logger: { info: () => {}, error: (message) => console.error(message) } })
if (!seat.isWriter) throw new Error(`${dir} already has a writer`)
const body = Buffer.from(text)
if (!(await seat.write(url, { identity: body, gzip: body, br: body }, seat.generation, Number.POSITIVE_INFINITY))) throw new Error(`could not write ${url}`)
console.log('ready')
setInterval(() => {}, 60_000)
