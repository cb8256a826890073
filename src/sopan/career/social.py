"""What a person has posted in public, read from the archives the platforms give them.

- X (Twitter): `data/tweets.js`, the older `data/tweet.js`, and their `-partN` files, each a
  JSON list behind `window.YTD.<name>.partN =`; the handle from `data/account.js` makes the
  link.
- Instagram: `your_instagram_activity/content/posts_1.json` (older exports: `content/` or
  `media/`), and the comments in `post_comments_1.json`. Instagram writes its text as UTF-8
  bytes each read as a Latin-1 character ("Ã©" for "é"); it is put right.
- TikTok: `user_data_tiktok.json` (or `user_data.json`): its video list and comment list.
- LinkedIn: `Shares.csv` (ShareCommentary, ShareLink) and `Comments.csv` (Message, Link).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sopan.career.archive import Archive
from sopan.career.tables import decode, parse_moment, read_table
from sopan.errors import UserError

_YTD = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*")
_TWEETS = re.compile(r"^tweets?(?:-part\d+)?\.js$", re.IGNORECASE)
_IG_POSTS = re.compile(r"^posts_\d+\.json$", re.IGNORECASE)
_IG_COMMENTS = re.compile(r"^post_comments_\d+\.json$", re.IGNORECASE)
_TIKTOK = ("user_data_tiktok.json", "user_data.json")


@dataclass(frozen=True)
class Post:
    """One thing the person put in public: a post, a caption or a comment."""

    id: str
    source: str  # "x", "instagram", "tiktok", "linkedin"
    date: datetime | None
    text: str
    link: str | None


def _base(member: str) -> str:
    return member.rsplit("/", 1)[-1]


def _json(archive: Archive, member: str) -> Any:
    text = decode(archive.read(member), f"{archive.name}:{member}")
    text = _YTD.sub("", text, count=1).rstrip().rstrip(";")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise UserError("career.not_json", name=f"{archive.name}:{member}") from None


def repair(text: str) -> str:
    """Text Instagram wrote as UTF-8 bytes read as Latin-1, put right ("SelamatÂ pagi ð\x9f\x98\x8a"
    → "Selamat pagi 😊"); text that is not so is returned as it is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


#: X's dates: "Wed Oct 14 08:15:00 +0000 2026" (read without strptime, which costs a tenth
#: of a millisecond each: a large archive has hundreds of thousands)
_X_DATE = re.compile(r"\w{3} (\w{3}) (\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d) (\d{4})")
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def _stamp(value: Any) -> datetime | None:
    if isinstance(value, int | float) and 0 < value < 4e10:
        return datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str) or not value.strip():
        return None
    if (m := _X_DATE.fullmatch(value.strip())) and m[1] in _MONTHS:
        from datetime import timedelta, timezone

        offset = timedelta(hours=int(m[7]), minutes=int(m[8])) * (1 if m[6] == "+" else -1)
        try:
            return datetime(
                int(m[9]),
                _MONTHS[m[1]],
                int(m[2]),
                int(m[3]),
                int(m[4]),
                int(m[5]),
                tzinfo=UTC if not offset else timezone(offset),
            )
        except ValueError:
            return None
    return parse_moment(value)


def _x(archive: Archive) -> Iterator[Post]:
    handle = None
    if (account := archive.first("account.js")) is not None:
        found = _json(archive, account)
        if isinstance(found, list) and found and isinstance(found[0], dict):
            handle = (found[0].get("account") or {}).get("username")
    for member in sorted(n for n in archive.names() if _TWEETS.match(_base(n))):
        items = _json(archive, member)
        for item in items if isinstance(items, list) else []:
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            if not isinstance(tweet, dict):
                continue
            tid = str(tweet.get("id_str") or tweet.get("id") or "")
            text = str(tweet.get("full_text") or tweet.get("text") or "")
            if not tid or not text:
                continue
            link = (
                f"https://x.com/{handle}/status/{tid}"
                if handle
                else f"https://x.com/i/web/status/{tid}"
            )
            yield Post(f"x:{tid}", "x", _stamp(tweet.get("created_at")), text, link)


def _ig_list(found: Any) -> list[Any]:
    if isinstance(found, dict):  # some exports wrap the list: {"ig_posts": [...]}
        found = next((v for v in found.values() if isinstance(v, list)), [])
    return found if isinstance(found, list) else []


def _instagram(archive: Archive) -> Iterator[Post]:
    members = sorted(n for n in archive.names() if _IG_POSTS.match(_base(n)))
    for member in members:
        for number, item in enumerate(_ig_list(_json(archive, member))):
            if not isinstance(item, dict):
                continue
            media = [m for m in item.get("media") or [] if isinstance(m, dict)]
            text = item.get("title") or next((m.get("title") for m in media if m.get("title")), "")
            when = item.get("creation_timestamp") or next(
                (m.get("creation_timestamp") for m in media), None
            )
            if text:
                yield Post(
                    f"instagram:{_base(member)}:{number}",
                    "instagram",
                    _stamp(when),
                    repair(str(text)),
                    None,
                )
    for member in sorted(n for n in archive.names() if _IG_COMMENTS.match(_base(n))):
        for number, item in enumerate(_ig_list(_json(archive, member))):
            data = item.get("string_map_data", {}) if isinstance(item, dict) else {}
            text = (data.get("Comment") or {}).get("value")
            if text:
                when = (data.get("Time") or {}).get("timestamp")
                yield Post(
                    f"instagram:{_base(member)}:{number}",
                    "instagram",
                    _stamp(when),
                    repair(str(text)),
                    None,
                )


def _lists(value: Any, key: str) -> Iterator[list[Any]]:
    """Every list under the key `key`, however deep (TikTok moves them between exports)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if k == key and isinstance(v, list):
                    yield v
                elif isinstance(v, dict | list):
                    stack.append(v)
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))


def _tiktok(archive: Archive) -> Iterator[Post]:
    member = archive.first(*_TIKTOK)
    if member is None:
        return
    data = _json(archive, member)
    kinds = (
        ("VideoList", ("Title", "Desc", "Description", "Caption")),
        ("CommentsList", ("Comment",)),
    )
    for key, fields in kinds:
        for found in _lists(data, key):
            for number, item in enumerate(found):
                if not isinstance(item, dict):
                    continue
                text = next((str(item[f]) for f in fields if item.get(f)), "")
                link = item.get("Link") or item.get("VideoLink") or item.get("Url") or None
                if text:
                    yield Post(
                        f"tiktok:{key}:{number}",
                        "tiktok",
                        _stamp(item.get("Date")),
                        text,
                        str(link) if link and str(link).startswith("http") else None,
                    )


def _linkedin(archive: Archive) -> Iterator[Post]:
    files = (
        ("Shares.csv", ("ShareCommentary",), ("ShareLink",)),
        ("Comments.csv", ("Message",), ("Link",)),
    )
    for file, text_cols, link_cols in files:
        member = archive.first(file)
        if member is None:
            continue
        table = read_table(archive.read(member), f"{archive.name}:{member}", ("Date", *text_cols))
        for number, row in enumerate(table.records()):
            text = table.cell(row, *text_cols)
            if text:
                link = table.cell(row, *link_cols) or None
                yield Post(
                    f"linkedin:{file}:{number}",
                    "linkedin",
                    parse_moment(table.cell(row, "Date")),
                    text,
                    link,
                )


READERS = {"x": _x, "instagram": _instagram, "tiktok": _tiktok, "linkedin": _linkedin}


def read_posts(archive: Archive) -> tuple[list[Post], list[str]]:
    """Every post in the archive, and which platforms it came from; one line (exit 2) when
    the archive holds none of the files above."""
    posts: list[Post] = []
    sources = []
    for name, reader in READERS.items():
        before = len(posts)
        posts.extend(reader(archive))
        if len(posts) > before:
            sources.append(name)
    if not sources and not _known(archive):
        raise UserError("career.no_posts", name=archive.name)
    return posts, sources


def _known(archive: Archive) -> bool:
    """Whether the archive has one of the files read (an export with no posts in it yet)."""
    names = [_base(n) for n in archive.names()]
    return any(
        _TWEETS.match(n)
        or _IG_POSTS.match(n)
        or n in _TIKTOK
        or n in ("Shares.csv", "Comments.csv")
        for n in names
    )
