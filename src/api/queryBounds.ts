import type {
  ExecutionArgs,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationRule,
} from 'graphql'

// The CommonJS build by its path: Payload's GraphQL handler (graphql-http) requires that one, and
// graphql-js refuses types and errors made by its other (ES module) copy, which a bundler or
// vitest would otherwise pick.
import { getArgumentValues, getNamedType, GraphQLError, GraphQLScalarType, isCompositeType, isInterfaceType, isObjectType, Kind } from 'graphql/index.js'

/**
 * How much one API request may ask for (issue #9, item 1). Payload's GraphQL complexity counts a
 * field once whatever its `limit`, so 200 aliases of `Articles(limit: 100) { docs { content } }`
 * stayed under its limit and blocked the server for 20 s. Here a list field's cost is multiplied
 * by the documents it may return, and the budget admits about one full page of article bodies:
 * under 100 ms on the demo data (figures in the report of issue #9).
 */
export const QUERY_BOUNDS = {
  /** Largest page a list may ask for, over REST and GraphQL alike: the admin's own largest page size. */
  maxLimit: 100,
  /** Payload's page size when a list names no limit. */
  defaultLimit: 10,
  /** The GraphQL budget: one `Articles(limit: 100) { docs { title content } }` (1,201) and little more. */
  maxCost: 1250,
  /** A rich-text (JSON) field fills in its links and uploads as it is read. */
  richTextCost: 10,
  /** A write runs hooks, validation and versions. */
  mutationCost: 50,
} as const

const messages = {
  tooCostly: (cost: number) =>
    `This query asks for too much at once (cost ${cost.toLocaleString('en')}, limit ${QUERY_BOUNDS.maxCost.toLocaleString('en')}): ` +
    'ask for fewer documents or fields per list, or split it into several queries.',
  limitOutOfRange: (limit: unknown, maxLimit: number) => `limit must be a whole number from 1 to ${maxLimit} (got ${String(limit)}); page through longer lists with page.`,
  noPaginationOff: `pagination=false is not available over the API; page through with limit (at most ${QUERY_BOUNDS.maxLimit}) and page.`,
}

/** The reason a requested page is refused, or null when it is fine. Shared by REST and GraphQL. */
export function pageProblem({
  limit,
  pagination,
  maxLimit = QUERY_BOUNDS.maxLimit,
}: {
  limit?: unknown
  pagination?: unknown
  maxLimit?: number
}): string | null {
  if (pagination === false || pagination === 'false') return messages.noPaginationOff
  if (limit === undefined || limit === null || limit === '') return null
  const value = typeof limit === 'string' && /^\d+$/.test(limit.trim()) ? Number(limit) : limit
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxLimit) return messages.limitOutOfRange(limit, maxLimit)
  return null
}

type CostContext = {
  schema: GraphQLSchema
  fragments: Record<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
  /** Fragments being expanded on the current path; a cycle is reported by GraphQL's own rules, and costs nothing here. */
  expanding: Set<string>
  problems: string[]
}

const isRichText = (field: GraphQLField<unknown, unknown>) => {
  const type = getNamedType(field.type)
  return type instanceof GraphQLScalarType && type.name === 'JSON'
}

function fieldWeight(field: GraphQLField<unknown, unknown>): number {
  const declared = (field.extensions as { complexity?: unknown } | undefined)?.complexity
  if (typeof declared === 'number') return declared
  return isRichText(field) ? QUERY_BOUNDS.richTextCost : 1
}

function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, context: CostContext): number {
  let total = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.schema.getType(selection.typeCondition.name.value) : parent
      if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type, context)
      continue
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value
      const fragment = context.fragments[name]
      const type = fragment && context.schema.getType(fragment.typeCondition.name.value)
      if (!fragment || !type || !isCompositeType(type) || context.expanding.has(name)) continue
      context.expanding.add(name)
      total += selectionCost(fragment.selectionSet, type, context)
      context.expanding.delete(name)
      continue
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue
    const field = parent.getFields()[selection.name.value]
    // Unknown fields (and __typename) are left to GraphQL's own validation.
    if (!field) continue
    const type = getNamedType(field.type)
    const children = selection.selectionSet && isCompositeType(type) ? selectionCost(selection.selectionSet, type, context) : 0
    const isList = field.args.some((arg) => arg.name === 'limit')
    if (!isList) {
      total += fieldWeight(field) + children
      continue
    }
    let args: Record<string, unknown> = {}
    try {
      args = getArgumentValues(field, selection, context.variables)
    } catch (error) {
      // Malformed arguments: GraphQL would refuse them at execution; say so now, with its words.
      context.problems.push(error instanceof Error ? error.message : String(error))
      continue
    }
    const problem = pageProblem({ limit: args.limit, pagination: args.pagination })
    if (problem) context.problems.push(problem)
    const limit = typeof args.limit === 'number' && args.limit > 0 ? Math.min(args.limit, QUERY_BOUNDS.maxLimit) : QUERY_BOUNDS.defaultLimit
    total += fieldWeight(field) + limit * children
  }
  return total
}

/** The cost of one operation, and what is wrong with its pages (limits out of range, pagination turned off). */
export function operationCost({
  schema,
  operation,
  fragments,
  variables = {},
}: {
  schema: GraphQLSchema
  operation: OperationDefinitionNode
  fragments: Record<string, FragmentDefinitionNode>
  variables?: Record<string, unknown>
}): { cost: number; problems: string[] } {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : null
  const context: CostContext = { schema, fragments, variables, expanding: new Set(), problems: [] }
  if (!root) return { cost: 0, problems: [] }
  const perRootField = operation.operation === 'mutation' ? QUERY_BOUNDS.mutationCost : 0
  const cost = selectionCost(operation.selectionSet, root, context) + perRootField * operation.selectionSet.selections.length
  return { cost, problems: context.problems }
}

/**
 * The GraphQL validation rule (payload.config.ts, graphQL.validationRules): every operation of
 * the document within the budget, and every list's page within bounds.
 */
export const boundedQueries =
  (args: ExecutionArgs): ValidationRule =>
  (context) => {
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition
    }
    return {
      OperationDefinition(operation) {
        const variables = (args.variableValues ?? {}) as Record<string, unknown>
        const { cost, problems } = operationCost({ schema: context.getSchema(), operation, fragments, variables })
        for (const problem of new Set(problems)) context.reportError(new GraphQLError(problem, { nodes: [operation] }))
        if (cost > QUERY_BOUNDS.maxCost) context.reportError(new GraphQLError(messages.tooCostly(cost), { nodes: [operation] }))
      },
    }
  }
