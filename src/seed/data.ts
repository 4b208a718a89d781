/**
 * The demo newsroom's plain data. Facts follow shared/reference-page.md; every sentence of
 * prose is Byline's own. People who are not cast members are fictional.
 */

import type { Role } from '@/access/roles'

export const REFERENCE_SLUG = 'everything-we-know-about-heartstopper-season-2'

export const demoUsers: { email: string; name: string; roles: Role[]; author?: string }[] = [
  { email: 'admin@example.com', name: 'Ada Admin', roles: ['admin'] },
  { email: 'editor@example.com', name: 'Priya Ramanathan', roles: ['editor'], author: 'priya-ramanathan' },
  { email: 'writer@example.com', name: 'Ellis Marlowe', roles: ['writer'], author: 'ellis-marlowe' },
  { email: 'contributor@example.com', name: 'Tomás Vidal', roles: ['contributor'], author: 'tomas-vidal' },
  { email: 'moderator@example.com', name: 'Morgan Reyes', roles: ['moderator'] },
]

export const categories = [
  { slug: 'entertainment', name: 'Entertainment' },
  { slug: 'television', name: 'Television', parent: 'entertainment' },
  { slug: 'culture', name: 'Culture' },
  { slug: 'technology', name: 'Technology' },
] as const

/** Tags across sections, each on a few demo articles (`tagged` lists them by slug). */
export const demoTags = [
  {
    slug: 'heartstopper',
    name: 'Heartstopper',
    description: 'Everything about the series, its cast and the graphic novels it comes from.',
    tagged: [REFERENCE_SLUG, 'heartstopper-season-1-review', 'where-heartstopper-was-filmed-kent-guide', 'season-2-casting-rumours', 'alice-oseman-from-webcomic-to-netflix'],
  },
  {
    slug: 'adaptations',
    name: 'Adaptations',
    description: 'Books, comics and games on their way to the screen.',
    tagged: ['alice-oseman-from-webcomic-to-netflix', 'graphic-novels-adapted-for-tv'],
  },
] as const

/** The demo's standing page, at /about. */
export const aboutPage = {
  slug: 'about',
  title: 'About Byline',
  paragraphs: [
    'Byline is a small independent newsroom covering television, culture and the technology behind what we watch.',
    'Our writers are named on every story, our corrections are noted at the foot of the article, and our comment threads are moderated by people, not only by filters.',
    'Write to the newsroom at newsroom@example.com. We read everything, and answer what we can.',
  ],
} as const

export const authors = [
  {
    slug: 'ellis-marlowe',
    name: 'Ellis Marlowe',
    bio: 'Ellis Marlowe covers television and streaming for Byline, with a soft spot for coming-of-age drama and ensemble casts. Before joining the newsroom, Ellis spent six years reviewing theatre on the south coast.',
    website: 'https://example.com/ellis',
  },
  {
    slug: 'priya-ramanathan',
    name: 'Priya Ramanathan',
    bio: 'Priya Ramanathan is Byline’s culture editor and writes about books, comics and the people who adapt them. She has judged two graphic-novel prizes and still reads the footnotes.',
    website: 'https://example.com/priya',
  },
  {
    slug: 'tomas-vidal',
    name: 'Tomás Vidal',
    bio: 'Tomás Vidal writes about the technology behind what we watch, from codecs to recommendation engines. He is happiest explaining a complicated system in three paragraphs.',
    website: 'https://example.com/tomas',
  },
] as const

export const cast = [
  { slug: 'joe-locke', name: 'Joe Locke', character: 'Charlie Spring', bio: 'Plays Charlie, an openly gay Year 10 student at Truham whose anxious overthinking the series treats with real tenderness.' },
  { slug: 'kit-connor', name: 'Kit Connor', character: 'Nick Nelson', bio: 'Plays Nick, the rugby player a year above Charlie whose friendship with him changes both of their lives.' },
  { slug: 'yasmin-finney', name: 'Yasmin Finney', character: 'Elle Argent', bio: 'Plays Elle, Charlie’s close friend, who has moved from Truham to Higgs, the neighbouring girls’ school.' },
  { slug: 'william-gao', name: 'William Gao', character: 'Tao Xu', bio: 'Plays Tao, Charlie’s fiercely loyal friend and the group’s self-appointed protector.' },
  { slug: 'tobie-donovan', name: 'Tobie Donovan', character: 'Isaac Henderson', bio: 'Plays Isaac, the quiet friend who is rarely seen without a book.' },
  { slug: 'olivia-colman', name: 'Olivia Colman', character: 'Sarah Nelson', bio: 'Plays Sarah, Nick’s warm and perceptive mother.' },
  { slug: 'fisayo-akinade', name: 'Fisayo Akinade', character: 'Mr Ajayi', bio: 'Plays Mr Ajayi, the art teacher who lends Charlie his classroom as a refuge.' },
  { slug: 'sebastian-croft', name: 'Sebastian Croft', character: 'Ben Hope', bio: 'Plays Ben, Charlie’s secret and unkind ex.' },
  { slug: 'rhea-norwood', name: 'Rhea Norwood', character: 'Imogen', bio: 'Plays Imogen, a Higgs student who fancies Nick.' },
  { slug: 'jenny-walser', name: 'Jenny Walser', character: 'Tori Spring', bio: 'Plays Tori, Charlie’s dry-witted older sister.' },
] as const

export type CastSlug = (typeof cast)[number]['slug']

/** Further articles, so listings, author pages and "Most Popular" have something to show. */
export const furtherArticles: {
  slug: string
  title: string
  excerpt: string
  category: string
  author: string
  cast?: CastSlug[]
  paragraphs: string[]
  daysAgo: number
  draft?: boolean
}[] = [
  {
    slug: 'heartstopper-season-1-review',
    title: 'Heartstopper Season 1 Review: Gentle, Funny and Quietly Radical',
    excerpt: 'Eight short episodes that treat teenage feelings as worth taking seriously.',
    category: 'television',
    author: 'ellis-marlowe',
    cast: ['joe-locke', 'kit-connor'],
    daysAgo: 2,
    paragraphs: [
      'Few shows manage to be this kind without turning syrupy. The first season keeps its stakes small and its emotions large, and it trusts its young cast to carry both.',
      'The animated flourishes borrowed from the source comics could have felt like a gimmick. Instead they become the show’s way of saying what its characters cannot yet say out loud.',
    ],
  },
  {
    slug: 'alice-oseman-from-webcomic-to-netflix',
    title: 'From Webcomic to Netflix: How a Story Drawn Online Found Its Audience',
    excerpt: 'A serialised comic, a devoted readership and a patient adaptation.',
    category: 'culture',
    author: 'priya-ramanathan',
    daysAgo: 4,
    paragraphs: [
      'Long before a studio came calling, the story lived one page at a time on the web, where readers refreshed for every update.',
      'That slow, public growth shaped the adaptation: the people making the series already knew which moments readers held dearest.',
    ],
  },
  {
    slug: 'where-heartstopper-was-filmed-kent-guide',
    title: 'A Reader’s Guide to the Kent Locations Behind the Series',
    excerpt: 'School corridors, a seaside town and a heritage railway station.',
    category: 'entertainment',
    author: 'ellis-marlowe',
    daysAgo: 6,
    paragraphs: [
      'Most of the filming happened across Kent in the spring of 2021, and many of the locations can be visited today.',
      'A heritage railway in Essex and a bowling alley in Buckinghamshire complete the map for anyone planning a trip.',
    ],
  },
  {
    slug: 'olivia-colman-small-roles-big-impact',
    title: 'Small Roles, Big Impact: Why Olivia Colman Keeps Choosing Supporting Parts',
    excerpt: 'A few scenes can anchor a whole series when the right actor plays them.',
    category: 'television',
    author: 'priya-ramanathan',
    cast: ['olivia-colman'],
    daysAgo: 9,
    paragraphs: [
      'A parent who listens is rarer on screen than it should be. In a handful of scenes, the role becomes the emotional floor the story stands on.',
      'Supporting parts let an established actor lend weight to a younger cast without taking the spotlight from them.',
    ],
  },
  {
    slug: 'how-streaming-services-decide-renewals',
    title: 'How Streaming Services Decide Which Shows Get a Second Season',
    excerpt: 'Completion rates matter more than raw views, and timing matters most of all.',
    category: 'technology',
    author: 'tomas-vidal',
    daysAgo: 11,
    paragraphs: [
      'A renewal decision rarely hangs on a single number. Services look at how many viewers finish a season and how quickly they do it.',
      'The cost of a second season rises with every success, so the data has to justify a bigger bet than the first one.',
    ],
  },
  {
    slug: 'best-coming-of-age-series-to-stream',
    title: 'Ten Coming-of-Age Series Worth Your Weekend',
    excerpt: 'Our pick of stories about growing up, from gentle to heartbreaking.',
    category: 'entertainment',
    author: 'ellis-marlowe',
    daysAgo: 14,
    paragraphs: [
      'The best stories about growing up remember how enormous small moments feel at fifteen.',
      'This list mixes comedies and dramas, recent releases and older favourites worth a rewatch.',
    ],
  },
  {
    slug: 'graphic-novels-adapted-for-tv',
    title: 'Why Graphic Novels Have Become Television’s Favourite Source Material',
    excerpt: 'Built-in storyboards, loyal readers and stories told in episodes already.',
    category: 'culture',
    author: 'priya-ramanathan',
    daysAgo: 18,
    paragraphs: [
      'Comics arrive with their visual language worked out, which gives directors a head start and fans something to compare.',
      'Serialised publishing also means many of these stories are already shaped into chapters that fit an episode.',
    ],
  },
  {
    slug: 'video-codecs-explained',
    title: 'Video Codecs Explained: Why Your Favourite Show Looks Better Than It Did',
    excerpt: 'Newer codecs squeeze more picture into less bandwidth.',
    category: 'technology',
    author: 'tomas-vidal',
    daysAgo: 21,
    paragraphs: [
      'Every streamed frame is a negotiation between quality and bandwidth, and codecs decide who wins.',
      'Modern codecs spend their bits where your eye looks, which is why dark scenes finally look like more than grey blocks.',
    ],
  },
  {
    slug: 'kit-connor-on-sport-and-storytelling',
    title: 'Rugby Pitches and Quiet Moments: Playing a Sporty Lead',
    excerpt: 'How a sports storyline becomes a story about belonging.',
    category: 'television',
    author: 'ellis-marlowe',
    cast: ['kit-connor'],
    daysAgo: 25,
    paragraphs: [
      'Sport on screen is often shorthand for confidence. Here the pitch becomes the place where a character first wonders who he really is.',
      'The training scenes are brief, but they set up the series’ central question about fitting in.',
    ],
  },
  {
    slug: 'season-2-casting-rumours',
    title: 'Season 2 Casting: What We Can and Cannot Confirm',
    excerpt: 'A working draft: rumours sorted from announcements.',
    category: 'television',
    author: 'ellis-marlowe',
    daysAgo: 0,
    draft: true,
    paragraphs: ['This draft collects casting reports until the studio announces the full list.'],
  },
]

/** Reader comments on the reference article. `replyTo` indexes an earlier approved comment. */
export const referenceComments: {
  name: string
  email: string
  url?: string
  body: string
  status: 'approved' | 'pending' | 'spam'
  replyTo?: number
}[] = [
  { name: 'Sam K.', email: 'sam.k@example.net', body: 'Season 1 was the comfort watch I didn’t know I needed. Counting the days already.', status: 'approved' },
  { name: 'Leah', email: 'leah@example.net', body: 'Same here! I rewatched it twice in one weekend.', status: 'approved', replyTo: 0 },
  { name: 'Dev Patel-Hughes', email: 'dev.ph@example.org', body: 'Really hoping they keep the animated leaves and sparks. They made the show feel like the comic.', status: 'approved' },
  { name: 'Marta', email: 'marta@example.org', body: 'The Herne Bay school scenes brought back memories of my own school run in Kent.', status: 'approved' },
  { name: 'Jonah', email: 'jonah@example.com', body: 'Does anyone know if the Paris trip from volume three will be in season 2?', status: 'approved' },
  { name: 'Priti', email: 'priti@example.com', body: 'It would be a natural place to go next, given season 1 covered the first two volumes.', status: 'approved', replyTo: 4 },
  { name: 'Jonah', email: 'jonah@example.com', body: 'That makes sense, thanks!', status: 'approved', replyTo: 5 },
  { name: 'Alex R.', email: 'alex.r@example.net', body: 'Olivia Colman in that final episode had me in tears.', status: 'approved' },
  { name: 'Chloe', email: 'chloe@example.net', body: 'Tao deserves more screen time. Best friend energy.', status: 'approved' },
  { name: 'Ravi', email: 'ravi@example.org', body: 'Agreed, and more Isaac too. He barely got a storyline.', status: 'approved', replyTo: 8 },
  { name: 'Beth', email: 'beth@example.org', body: 'Mid-2023 feels so far away.', status: 'approved' },
  { name: 'Noor', email: 'noor@example.com', body: 'Good things take time. The first season clearly did.', status: 'approved', replyTo: 10 },
  { name: 'Tom W.', email: 'tomw@example.com', body: 'The soundtrack deserves a mention. I have had it on repeat.', status: 'approved' },
  { name: 'Isla', email: 'isla@example.net', url: 'https://example.net/isla', body: 'Lovely round-up, thank you. Bookmarking for when the date is announced.', status: 'approved' },
  { name: 'Grace', email: 'grace@example.org', body: 'Elle’s story at Higgs could carry its own spin-off.', status: 'approved' },
  { name: 'Femi', email: 'femi@example.org', body: 'Mr Ajayi is the teacher everyone should have had.', status: 'approved' },
  { name: 'Hannah', email: 'hannah@example.com', body: 'I started the graphic novels after the show. They are just as good.', status: 'approved' },
  { name: 'Owen', email: 'owen@example.com', body: 'Same, and volume four hit hard.', status: 'approved', replyTo: 16 },
  { name: 'Kasia', email: 'kasia@example.net', body: 'The bowling alley scene is still my favourite.', status: 'approved' },
  { name: 'Luca', email: 'luca@example.net', body: 'Great article. Please update it when the trailer lands!', status: 'approved' },
  { name: 'Nina', email: 'nina@example.org', body: 'I hope the second season keeps the episodes short. Thirty minutes is perfect.', status: 'pending' },
  { name: 'Oscar', email: 'oscar@example.org', body: 'Any news on whether the cast will tour for the launch?', status: 'pending' },
  { name: 'Pat', email: 'pat@example.com', body: 'Can’t wait to see where Nick and Charlie go next.', status: 'pending' },
  { name: 'Cheap Pills', email: 'promo@spam.example', url: 'https://spam.example/deal', body: 'Best prices online!!! Visit https://spam.example/deal now', status: 'spam' },
  { name: 'SEO Expert', email: 'seo@spam.example', url: 'https://spam.example/seo', body: 'Boost your ranking today at https://spam.example/seo and https://spam.example/more', status: 'spam' },
]
