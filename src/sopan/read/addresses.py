"""Web and e-mail addresses as written in a message: found once, the same way everywhere."""

from __future__ import annotations

import re

from sopan._infra import rx

#: a web address: with a scheme, "www.", or a domain followed by a path ("zoom.us/j/1")
URL_RE = rx.compile(
    r"(?:https?://|www\.)[^\s<>()\"'\]]+|(?<![\w@./])(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>()\"'\]]+",
    re.IGNORECASE,
)
#: an e-mail address
EMAIL_RE = rx.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every web and e-mail address of `text`, in order."""
    spans = [m.span() for m in URL_RE.finditer(text)] if ("/" in text or "www" in text) else []
    if "@" in text:
        spans += [m.span() for m in EMAIL_RE.finditer(text)]
    return sorted(spans)
