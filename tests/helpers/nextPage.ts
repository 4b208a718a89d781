/** The shape of a Next 16 page as `next start` sends it (abridged from a real article page): what the page pipeline's unit specs strip and inline. */
export const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0a1b.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/2iq31f9lxlxu8.js"/>',
  '<link rel="preload" as="image" imageSrcSet="/_next/image?url=%2Fhero.png&amp;w=640 640w" fetchPriority="high"/>',
  '<script src="/_next/static/chunks/3k_pspqzykca1.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]});</script>',
  '<title>A story · Byline</title></head><body><main><h1>A story</h1>',
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
  '<p>It said &lt;script&gt; in the text.</p></main>',
  '<script src="/reader.js?v=abc" defer=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>',
  '</body></html>',
].join('')
