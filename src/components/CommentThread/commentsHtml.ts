import type { CommentView } from '@/comments/thread'

import { NEWSROOM } from '@/comments/newsroom'
import { commentParagraphs } from '@/comments/text'
import { formatDate } from '@/lib/dates'
import { escapeHtml } from '@/lib/escapeHtml'

/**
 * The comments of a thread as one HTML string, for the page to insert as it is.
 *
 * Why not React elements: a thread of 200 comments is about 2,000 elements, and the server
 * renders each twice (the HTML, and the RSC payload it embeds). That cost an uncached article
 * page 11 ms of its 38 (p50, measured with bench/run.ts), and its garbage tripled the page's p99.
 * Nothing in a comment is interactive, so nothing is lost: the reply links are plain links.
 *
 * Everything a commenter wrote goes through `escapeHtml`, text and attributes alike, and the only
 * URLs written into attributes are http(s) ones (the commenter's site passed `safeHref` when its
 * view was built in src/comments/thread.ts; links in the body match the text scanner's own
 * pattern). The markup is also well-formed XML (`<br/>`), which lets the tests parse it to prove
 * no commenter's text became markup.
 */
export function commentsHtml({ thread, replyDepth, articleHref }: { thread: CommentView[]; replyDepth: number; articleHref: string }): string {
  return thread.map((comment) => commentHtml({ comment, depth: 1, replyDepth, articleHref })).join('')
}


function commentHtml({ comment, depth, replyDepth, articleHref }: { comment: CommentView; depth: number; replyDepth: number; articleHref: string }): string {
  const name = escapeHtml(comment.authorName)
  // Commenters' own sites are unvetted: no referrer, no endorsement.
  const author = comment.authorUrl ? `<a href="${escapeHtml(comment.authorUrl)}" rel="ugc nofollow noopener noreferrer">${name}</a>` : name
  // The newsroom's own replies: the name is reserved for them, the badge says who is speaking.
  const badge = comment.newsroom ? ` <span class="comment__badge">${escapeHtml(NEWSROOM.badge)}</span>` : ''
  const awaiting = comment.pending ? '<p class="comment__awaiting">Your comment is awaiting moderation.</p>' : ''
  // A plain link: works without JavaScript, and the page puts the form in reply mode.
  const reply =
    !comment.pending && depth < replyDepth
      ? `<p class="comment__reply"><a href="${escapeHtml(`${articleHref}?replytocom=${comment.id}#respond`)}" aria-label="Reply to ${name}" rel="nofollow">Reply</a></p>`
      : ''
  const replies =
    comment.replies.length > 0
      ? `<ol class="comment-list comment-list--replies">${comment.replies.map((child) => commentHtml({ comment: child, depth: depth + 1, replyDepth, articleHref })).join('')}</ol>`
      : ''
  return (
    `<li class="${comment.pending ? 'comment comment--pending' : comment.newsroom ? 'comment comment--newsroom' : 'comment'}" id="comment-${escapeHtml(comment.id)}"><article>` +
    `<header class="comment__header"><span class="comment__author">${author}${badge}</span> ` +
    `<time datetime="${escapeHtml(comment.createdAt)}">${escapeHtml(formatDate(comment.createdAt))}</time></header>` +
    `${awaiting}${bodyHtml(comment.body)}${reply}</article>${replies}</li>`
  )
}

/** A comment's plain text: paragraphs from blank lines, line breaks kept, URLs as unendorsed links. */
function bodyHtml(body: string): string {
  const paragraphs = commentParagraphs(body).map(
    (lines) =>
      `<p>${lines
        .map((runs) =>
          runs.map((run) => (run.kind === 'link' ? `<a href="${escapeHtml(run.href)}" rel="nofollow ugc noopener">${escapeHtml(run.text)}</a>` : escapeHtml(run.text))).join(''),
        )
        .join('<br/>')}</p>`,
  )
  return `<div class="comment__body">${paragraphs.join('')}</div>`
}
