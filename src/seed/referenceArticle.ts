import type { CastSlug } from './data'

import { block, doc, h2, image, internalLink, link, p, quote, text } from './lexical'

/**
 * The reference article, section by section as shared/reference-page.md lays it out, in
 * Byline's own words.
 */
export function referenceArticleContent(refs: {
  cast: Record<CastSlug, string>
  filmingImage: string
}) {
  const { cast } = refs
  const castLine = (slug: CastSlug, actor: string, character: string, note: string) =>
    p(internalLink('cast', cast[slug], actor), ` as ${character}, ${note}.`)

  return doc(
    p(
      'Netflix’s ',
      text('Heartstopper', 'italic'),
      ' arrived on 22 April 2022 and quietly became one of the most talked-about series of the year. The British coming-of-age romance, adapted from Alice Oseman’s webcomic and graphic novels, told its story in eight short episodes and left viewers asking for more. Here is everything we know so far about a second season.',
    ),

    h2('Is a second season in the works?'),
    p(
      'Not officially, at least not yet. At the time of writing, Netflix has not commissioned a second season. The road to the first one was long: See-Saw Films bought the broadcast rights in 2019, and Netflix came on board as the distributor in 2021. With the source material nowhere near exhausted and the response to season one so warm, fans have good reason to be hopeful.',
    ),

    h2('Release date'),
    p(
      'Without a commission there is no date. If the series follows the rhythm of its first season, filming in spring and a release about a year later, a second season could plausibly reach screens around mid-2023. Treat that as an estimate rather than a promise.',
    ),

    h2('Cast'),
    p('A second season would almost certainly bring back the core of the ensemble:'),
    castLine('joe-locke', 'Joe Locke', 'Charlie Spring', 'an openly gay student and an anxious overthinker'),
    castLine('kit-connor', 'Kit Connor', 'Nick Nelson', 'a rugby player a year older than Charlie'),
    castLine('yasmin-finney', 'Yasmin Finney', 'Elle Argent', 'who has moved from Truham to Higgs'),
    castLine('william-gao', 'William Gao', 'Tao Xu', 'one of Charlie’s closest friends'),
    castLine('tobie-donovan', 'Tobie Donovan', 'Isaac Henderson', 'another of Charlie’s friends'),
    castLine('olivia-colman', 'Olivia Colman', 'Sarah Nelson', 'Nick’s mother'),
    castLine('fisayo-akinade', 'Fisayo Akinade', 'Mr Ajayi', 'the teacher who lends Charlie his classroom'),
    castLine('sebastian-croft', 'Sebastian Croft', 'Ben Hope', 'Charlie’s secret ex'),
    castLine('rhea-norwood', 'Rhea Norwood', 'Imogen', 'who fancies Nick'),
    castLine('jenny-walser', 'Jenny Walser', 'Tori Spring', 'Charlie’s sister'),
    block('castSpotlight', {
      heading: 'The leads',
      castMembers: [cast['joe-locke'], cast['kit-connor'], cast['yasmin-finney']],
    }),

    h2('Story'),
    p(
      'The first season adapted the first two volumes of the graphic novels, so the obvious next step is the third. That volume widens the world beyond school: friendships are tested, families learn more than the boys are ready to share, and the question of who to tell, and when, becomes harder to avoid.',
    ),
    block('pullQuote', {
      quote: 'What I love about Charlie is that his happiness is never simple. Even the good days come with a voice in his head asking what could go wrong.',
      attribution: 'Joe Locke',
      castMember: cast['joe-locke'],
    }),
    p(
      'The cast have spoken about how much of the story is still to be told, and about wanting to keep the same honesty about anxiety and self-doubt that made the first season resonate.',
    ),
    block('pullQuote', {
      quote: 'Nick is still working himself out. There is so much of his journey left, and it deserves the same care the first part got.',
      attribution: 'Kit Connor',
      castMember: cast['kit-connor'],
    }),
    block('pullQuote', {
      quote: 'We always saw this as a story that grows up with its characters. If we get to keep going, the scope grows with them.',
      attribution: 'Patrick Walters, executive producer',
    }),

    h2('How do the two leads meet?'),
    p(
      'Charlie Spring is in Year 10 at Truham Grammar School. He was outed the year before and has weathered the bullying that followed, but he is still carrying it. On the first day of the new term he is seated next to Nick Nelson, a cheerful, well-liked rugby player from the year above, in their new form group.',
    ),
    p(
      'They become friends almost by accident. Nick notices that Charlie is fast and invites him to try out for the rugby team; Charlie says yes mostly to spend more time with him. Training sessions turn into shared lunches, long text conversations and afternoons at Nick’s house, where his mother makes Charlie feel welcome.',
    ),
    p(
      'Meanwhile Charlie is trying to leave behind Ben Hope, who keeps their relationship secret and treats him badly. Elle, Tao and Isaac watch all of this with a mix of worry and hope, while Nick starts to wonder what his feelings for Charlie mean. The season builds, gently, towards a question both of them are afraid to ask out loud.',
    ),
    quote('It is a love story, but it is just as much a story about friends who stay.'),

    h2('Where was it filmed?'),
    p(
      'Filming ran from April to June 2021, mostly in Kent. Herne Bay High School stood in for Truham Grammar School; the bowling alley scenes were shot in High Wycombe; and the station where a key moment plays out is North Weald, on the Epping Ongar heritage railway.',
    ),
    image(refs.filmingImage, 'Much of the series was filmed around the Kent coast in spring 2021.'),

    h2('Trailer'),
    p('When a second season is announced, its trailer will appear here. Until then, revisit the first season’s:'),
    block('videoEmbed', {
      // A placeholder video address: the demo never contacts YouTube until a reader presses play.
      url: 'https://www.youtube.com/watch?v=HsTrailer01',
      title: 'Heartstopper season 1 official trailer',
    }),

    h2('How many graphic-novel volumes have been published?'),
    p(
      'Four volumes were available when this article was written, with a fifth announced for February 2023. The first season covered volumes one and two, which leaves plenty of material for future seasons. You can follow the author’s work on ',
      link('https://example.com/heartstopper', 'the official Heartstopper site'),
      '.',
    ),
  )
}
