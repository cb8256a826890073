"""HTML mail bodies as plain text: paragraphs, line breaks, lists and table rows kept."""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from sopan._infra import rx

if TYPE_CHECKING:
    from bs4 import Tag

_BLOCKS = (
    "p",
    "div",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "title",
)


#: Tags past which the tree is not built: BeautifulSoup's inserts grow with nesting, so
#: thousands of unclosed tags took seconds; such a part is read by the linear fallback.
MAX_TREE_TAGS = 3000
_DROP = rx.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = rx.compile(r"<\s*(?:br|/?(?:" + "|".join(_BLOCKS) + r"))\b[^>]{0,500}>", re.IGNORECASE)
_TAG = rx.compile(r"<[^>]{0,500}>")


def _flat(html: str) -> str:
    """A linear reading of very large or deeply nested HTML: blocks and breaks become line
    breaks, every other tag is dropped."""
    import html as entities

    text = _TAG.sub("", _BREAK.sub("\n", _DROP.sub("", html)))
    return entities.unescape(text)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; table cells on one row are joined by ' : ' when two."""
    if html.count("<") > MAX_TREE_TAGS:
        return _tidy(_flat(html))
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for tag in _tags(soup, ("script", "style", "head")):
        tag.decompose()
    for br in _tags(soup, ("br",)):
        br.replace_with("\n")
    for a in _tags(soup, ("a",)):
        href = str(a.get("href") or "")
        label = a.get_text(" ", strip=True)
        if href.startswith("http") and href not in label:
            a.append(f" ({href})")
    for li in _tags(soup, ("li",)):
        li.insert(0, "- ")
    for tr in _tags(soup, ("tr",)):
        cells = [c.get_text(" ", strip=True) for c in tr.children
                 if isinstance(c, Tag) and c.name in ("td", "th")]  # fmt: skip
        cells = [c for c in cells if c and c != ":"]
        tr.replace_with("\n" + (" : ".join(cells) if len(cells) == 2 else " ".join(cells)) + "\n")
    for tag in _tags(soup, _BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return _tidy(soup.get_text())


def _tags(root: Tag, names: tuple[str, ...]) -> list[Tag]:
    """The tags under `root` with one of these names, in the order of the document, as
    `find_all(names)` gives them: one walk, without the matcher find_all builds each time."""
    from bs4 import Tag

    return [t for t in root.descendants if isinstance(t, Tag) and t.name in names]


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"\s*:\s*:\s*", " : ", text)
    return text.strip()
