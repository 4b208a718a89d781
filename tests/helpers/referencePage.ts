/**
 * What ../shared/reference-page.md specifies for the seeded article, written out here because
 * CI runs on a clone that has only the repository. The seed's test and the end-to-end tests
 * check the seeded article, the editor and the page against this, not against the seed itself.
 */
export const REFERENCE_SLUG = 'everything-we-know-about-heartstopper-season-2'

/** The h2 sections, in order ("Anatomy", item 4). */
export const REFERENCE_SECTIONS = [
  'Is a second season in the works?',
  'Release date',
  'Cast',
  'Story',
  'How do the two leads meet?',
  'Where was it filmed?',
  'Trailer',
  'How many graphic-novel volumes have been published?',
]
