/** Dates as readers see them, fixed to one zone so server renders do not depend on the host's. */
const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

export const formatDate = (iso: string) => format.format(new Date(iso))
