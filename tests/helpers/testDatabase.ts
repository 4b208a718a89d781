/** Removes the throwaway database a test run made on a server (SQLite's file goes with DATA_DIR). */
export async function dropTestDatabase({ url, adminUrl }: { url: string; adminUrl: string }) {
  if (url.startsWith('postgres')) {
    const { default: pg } = await import('pg')
    const name = new URL(url).pathname.slice(1)
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    } finally {
      await client.end()
    }
  } else if (url.startsWith('mongodb')) {
    const { default: mongoose } = await import('mongoose')
    const connection = await mongoose.createConnection(url).asPromise()
    try {
      await connection.dropDatabase()
    } finally {
      await connection.close()
    }
  }
}
