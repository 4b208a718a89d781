import type { Access } from 'payload'

import { CONTRIBUTORS, hasRole } from './roles'

/** Roles that author content: they may create articles, authors, cast and media. */
export const canWriteArticles: Access = ({ req: { user } }) =>
  hasRole(user, ...CONTRIBUTORS)
