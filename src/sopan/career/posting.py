"""A job posting, from whatever the person has: pasted text, a saved web page, a schema.org
`JobPosting` in JSON-LD (a file of its own, or in a page's `<script type="application/
ld+json">`). Job boards' own JSON is read in `boards`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sopan.errors import UserError

_LD = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[a-zA-Z!/]")


@dataclass(frozen=True)
class Posting:
    """A vacancy: what it is, at which company, where, and what it asks."""

    title: str
    company: str | None
    location: str | None
    description: str
    skills: str = ""
    url: str | None = None
    posted: str | None = None
    #: the source's own id for it (a board's job id), when it has one
    ref: str | None = None

    def parts(self) -> list[tuple[str, float]]:
        """Its texts with their weight for keywords: the title counts 3, the skills 2."""
        return [(self.title, 3.0), (self.skills, 2.0), (self.description, 1.0)]


def html_text(html: str) -> str:
    """An HTML fragment as readable text (the reader's one HTML-to-text)."""
    from sopan.read.html import html_to_text

    return html_to_text(html) if _TAG.search(html) else html.strip()


def _text(value: Any) -> str:
    """A JSON-LD value as text: a string (HTML allowed), a list, or an object's name."""
    if isinstance(value, str):
        return html_text(value)
    if isinstance(value, list):
        return "\n".join(t for v in value if (t := _text(v)))
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("value") or "")
    return ""


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every `JobPosting` object in a JSON-LD value (a list, an `@graph`, nested)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if "JobPosting" in _types(node):
                yield node
            else:
                stack.extend(v for v in node.values() if isinstance(v, dict | list))


def _place(value: Any) -> str | None:
    """A JobPosting's jobLocation as "Jakarta, DKI Jakarta, ID"."""
    places = value if isinstance(value, list) else [value]
    found = []
    for place in places:
        if isinstance(place, str):
            found.append(place)
            continue
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, str):
            found.append(address)
        elif isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
            named = [_text(p) for p in parts if p]
            if named:
                found.append(", ".join(named))
    return "; ".join(dict.fromkeys(found)) or None


def from_json_ld(node: dict[str, Any]) -> Posting:
    """A schema.org JobPosting object as a Posting."""
    company = node.get("hiringOrganization")
    remote = str(node.get("jobLocationType") or "").upper() == "TELECOMMUTE"
    location = _place(node.get("jobLocation")) or ("Remote" if remote else None)
    ident = node.get("identifier")
    ref = _text(ident) if ident else None
    skills = "\n".join(
        t
        for k in ("skills", "qualifications", "experienceRequirements", "educationRequirements")
        if (t := _text(node.get(k)))
    )
    return Posting(
        title=_text(node.get("title")) or "?",
        company=_text(company) or None,
        location=location,
        description=_text(node.get("description")),
        skills=skills,
        url=str(node["url"]) if isinstance(node.get("url"), str) else None,
        posted=str(node["datePosted"]) if node.get("datePosted") else None,
        ref=ref or None,
    )


def _loads(text: str) -> Any:
    """JSON-LD as pages write it: sometimes in an HTML comment or CDATA, with stray commas."""
    cleaned = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$", "", text.strip())
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError:
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", cleaned))
        except json.JSONDecodeError:
            return None


def postings_in_html(html: str) -> list[Posting]:
    """The JobPostings a web page carries in its JSON-LD."""
    found: list[Posting] = []
    for block in _LD.findall(html):
        data = _loads(block)
        found.extend(from_json_ld(node) for node in job_postings(data))
    return found


def read_posting(data: bytes, name: str) -> Posting:
    """A posting from a file: JSON-LD, a saved web page (its JSON-LD, else its text), or plain
    text (its first line the title); one line (exit 2) when it holds none."""
    from sopan.career.tables import decode

    text = decode(data, name).strip()
    if not text:
        raise UserError("career.posting_empty", field="target", name=name)
    if text[0] in "{[":
        parsed = _loads(text)
        if parsed is None:
            raise UserError("career.posting_not_json", field="target", name=name)
        found = next(job_postings(parsed), None)
        if found is None:
            raise UserError("career.posting_none", field="target", name=name)
        return from_json_ld(found)
    if _TAG.search(text[:2000]) and re.search(r"<(?:html|body|div|p|script|h1)\b", text, re.I):
        in_page = postings_in_html(text)
        if in_page:
            return in_page[0]
        heading = _H1.search(text) or _TITLE.search(text)
        body = html_text(text)
        title = html_text(heading[1]) if heading else body.split("\n", 1)[0]
        return Posting(title=title.strip() or "?", company=None, location=None, description=body)
    title = text.split("\n", 1)[0].strip()
    return Posting(title=title[:200], company=None, location=None, description=text)
