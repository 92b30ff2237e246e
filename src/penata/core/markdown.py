"""Markdown subset for consultations, comments and announcements, rendered with markdown-it-py and
sanitised with nh3 (Ammonia): raw HTML is never passed through, links get
`rel="nofollow noopener noreferrer ugc"`, only http(s) and mailto links survive, images and
scripts never do.
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

_INLINE = {"a", "strong", "em", "code", "br", "del"}
COMMENT_TAGS = _INLINE | {"p", "ul", "ol", "li", "blockquote"}
BODY_TAGS = COMMENT_TAGS | {
    "h2", "h3", "h4", "hr", "pre", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def _demote_headings(html: str) -> str:
    # The page has its own h1; a "# Title" in the text becomes an h2.
    return (
        html.replace("<h1>", "<h2>")
        .replace("</h1>", "</h2>")
        .replace("<h5>", "<h4>")
        .replace("</h5>", "</h4>")
        .replace("<h6>", "<h4>")
        .replace("</h6>", "</h4>")
    )


def render(text: str, *, comment: bool = False) -> str:
    """Safe HTML for `text` (Markdown subset); comments allow no headings or tables."""
    html = _demote_headings(_parser().render(text or ""))
    return nh3.clean(
        html,
        tags=COMMENT_TAGS if comment else BODY_TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )
