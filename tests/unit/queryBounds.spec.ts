import { describe, expect, it } from 'vitest'

// The CommonJS build, as src/api/queryBounds.ts uses it: graphql-js refuses to mix its two copies.
import { buildSchema, Kind, parse } from 'graphql/index.js'

import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql'

import { operationCost, pageProblem, QUERY_BOUNDS } from '@/api/queryBounds'

/** A schema shaped like Payload's: paginated lists with limit and pagination, a JSON rich-text field. */
const schema = buildSchema(`
  scalar JSON
  type Article { title: String content: JSON category: Category }
  type Category { name: String articles(limit: Int, page: Int): Articles }
  type Articles { docs: [Article!]! totalDocs: Int }
  type Query { Articles(limit: Int, page: Int, pagination: Boolean): Articles Article(id: String!): Article }
  type Mutation { updateArticle(id: String!, title: String): Article }
`)

function costOf(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query)
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  if (!operation) throw new Error('no operation in the test query')
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  )
  return operationCost({ schema, operation, fragments, variables })
}

describe('API query bounds', () => {
  describe('operationCost', () => {
    it('multiplies a list’s fields by its limit, and counts rich text as heavy', () => {
      expect(costOf('{ Articles(limit: 100) { docs { title content } } }')).toEqual({ cost: 1 + 100 * (1 + 1 + QUERY_BOUNDS.richTextCost), problems: [] })
    })

    it('prices the probe’s 200 aliases at 200 times one', () => {
      const one = costOf('{ Articles(limit: 100) { docs { title content } } }').cost
      const hostile = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: Articles(limit: 100) { docs { title content } }`).join(' ')} }`
      expect(costOf(hostile).cost).toBe(200 * one)
      expect(one).toBeLessThanOrEqual(QUERY_BOUNDS.maxCost)
      expect(2 * one).toBeGreaterThan(QUERY_BOUNDS.maxCost)
    })

    it('uses Payload’s default page of 10 when no limit is given', () => {
      expect(costOf('{ Articles { docs { title } } }').cost).toBe(1 + 10 * 2)
    })

    it('multiplies nested lists', () => {
      expect(costOf('{ Articles(limit: 10) { docs { category { articles(limit: 10) { docs { title } } } } } }').cost).toBe(1 + 10 * (1 + (1 + (1 + 10 * 2))))
    })

    it('reads limits from variables and counts fragments where they are spread', () => {
      const query = 'query ($n: Int) { ...page } fragment page on Query { Articles(limit: $n) { docs { title } } }'
      expect(costOf(query, { n: 50 }).cost).toBe(1 + 50 * 2)
    })

    it('does not loop on a fragment that spreads itself', () => {
      const query = '{ Articles { docs { ...self } } } fragment self on Article { title ...self }'
      expect(costOf(query).cost).toBe(1 + 10 * 2)
    })

    it('charges every write', () => {
      expect(costOf('mutation { a: updateArticle(id: "1", title: "x") { title } b: updateArticle(id: "2", title: "y") { title } }').cost).toBe(
        2 * (QUERY_BOUNDS.mutationCost + 2),
      )
    })

    it('reports pages out of bounds', () => {
      expect(costOf('{ Articles(limit: 0) { docs { title } } }').problems).toEqual([expect.stringMatching(/got 0/)])
      expect(costOf('{ Articles(pagination: false) { docs { title } } }').problems).toEqual([expect.stringMatching(/^pagination=false/)])
    })
  })

  describe('pageProblem', () => {
    it.each([[undefined], [''], ['1'], ['100'], [100], [' 25 ']])('accepts limit %j', (limit) => expect(pageProblem({ limit })).toBeNull())
    it.each([['0'], ['101'], [0], [101], ['-1'], ['1.5'], [1.5], ['ten'], [['1', '2']]])('refuses limit %j', (limit) =>
      expect(pageProblem({ limit })).toMatch(/^limit must be a whole number from 1 to 100/),
    )
    it('refuses pagination turned off, as a string or a boolean', () => {
      expect(pageProblem({ pagination: 'false' })).toMatch(/^pagination=false/)
      expect(pageProblem({ pagination: false })).toMatch(/^pagination=false/)
      expect(pageProblem({ pagination: 'true' })).toBeNull()
    })
  })
})
