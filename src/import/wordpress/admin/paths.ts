/** Where the import screen lives in the admin, and its API under the import-sources collection. */
export const IMPORT_VIEW_PATH = '/import/wordpress'
export const IMPORT_API_PATH = '/import-sources/wordpress'
