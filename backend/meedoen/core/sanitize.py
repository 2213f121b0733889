"""The one HTML allowlist for what people write (nh3): plain formatting, and links only in
texts staff write for publication. Texts young people write are shown to other minors, so a
link in them stays plain text (its words are kept, the link is dropped)."""

import html

import nh3

# No images (they would leak the reader's IP address), no styles.
TAGS = {"p", "br", "strong", "em", "ul", "ol", "li"}
LINK_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"https", "http", "mailto", "tel"}


def clean_html(html: str, links: bool = True) -> str:
    if not links:
        return nh3.clean(html, tags=TAGS, attributes={}, strip_comments=True)
    return nh3.clean(html, tags=TAGS | {"a"}, attributes=LINK_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def clean_youth_html(html: str) -> str:
    return clean_html(html, links=False)


def plain_text(text: str) -> str:
    """The text without any markup (tags and comments dropped, entities read as characters)."""
    return html.unescape(nh3.clean(text, tags=set(), attributes={}, strip_comments=True))
