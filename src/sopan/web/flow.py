"""One person's way through the web app: what they gave and chose, and the results of the
use cases for it. Nothing here decides: the values are handed to `sopan.app` as they are.

Results are kept for the inputs they were made from, so moving between pages or typing in a
draft does not read and plan again; any change of input makes them again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar, cast

from sopan import app
from sopan.config import Config
from sopan.model import Draft

T = TypeVar("T")
#: The reader's own limit on an invitation's size, and the upload's.
MAX_UPLOAD = 10 * 1024 * 1024


@dataclass
class Flow:
    """What one person has given so far; the page they may go to follows from it."""

    data: bytes | None = None
    source: str = "pasted"
    corrections: dict[str, str] = field(default_factory=dict)
    facts_confirmed: bool = False
    choices: app.Choices | None = None
    edits: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # the page's language; None: the profile's
    _memo: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def start(self, data: bytes, source: str) -> None:
        """A new invitation: everything given for the previous one is forgotten."""
        self.data, self.source = data, source
        self.corrections, self.facts_confirmed, self.choices, self.edits = {}, False, None, {}
        self._memo.clear()

    def _cached(self, name: str, key: object, make: Callable[[], T]) -> T:
        """The result kept for `name` when it was made from an equal `key`, else made now."""
        found = self._memo.get(name)
        if found is not None and found[0] == key:
            return cast(T, found[1])
        value = make()
        self._memo[name] = (key, value)
        return value

    def read_request(self, now: datetime, config: Config) -> app.ReadRequest:
        """The invitation with the user's corrections, as the use cases take it (each typed
        value checked by the one parser: a bad one is an error naming its field)."""
        from sopan import parse

        lang = self.language or config.profile.language
        typed = tuple(
            c for k, v in self.corrections.items() for c in parse.fact(k, v, language=lang, now=now)
        )
        return app.ReadRequest(
            self.source, now=now, corrections=typed, data=self.data, config=config
        )

    def read(self, now: datetime, config: Config) -> app.ReadResult:
        """What the invitation says, corrections applied."""
        req = self.read_request(now, config)
        return self._cached("read", req, lambda: app.read_for(req))

    def plan_request(self, now: datetime, config: Config) -> app.PlanRequest:
        """The plan request for the situation chosen (none chosen: the recommendation)."""
        return app.PlanRequest(
            self.read_request(now, config), self.choices or app.Choices(), language=self.language
        )

    def plan(self, now: datetime, config: Config) -> app.PlanResult:
        """The plan for the invitation and the situation."""
        req = self.plan_request(now, config)
        return self._cached("plan", req, lambda: app.plan_for(req))

    def drafts(self, now: datetime, config: Config) -> app.DraftResult:
        """Every draft that reaches them, as composed (before the user's edits)."""
        req = app.DraftRequest(self.plan_request(now, config), channels=("all",))
        return self._cached("drafts", req, lambda: app.draft_for(req))

    def edited(self, now: datetime, config: Config) -> tuple[app.PlanResult, list[Draft]]:
        """The drafts as the user edited them, and the plan they answer."""
        result = self.drafts(now, config)
        drafts = [
            replace(d, text=self.edits[d.channel]) if d.channel in self.edits else d
            for d in result.drafts
        ]
        return result.planned, drafts

    def reviewed(self, now: datetime, config: Config) -> tuple[app.Reviewed, ...]:
        """The edited drafts, each with its lint report and length; a draft whose text did
        not change since it was last linted is not linted again (live lint sends one)."""
        planned, drafts = self.edited(now, config)
        known: dict[tuple[str, str], app.Reviewed] = self._memo.get("review", (None, {}))[1]
        if self._memo.get("review", (None, None))[0] is not planned:
            known = {}
        fresh = [d for d in drafts if (d.channel, d.text) not in known]
        for item in app.review_for(planned, fresh) if fresh else ():
            known[(item.draft.channel, item.draft.text)] = item
        current = {(d.channel, d.text): known[(d.channel, d.text)] for d in drafts}
        self._memo["review"] = (planned, current)  # only the texts now in the drafts are kept
        return tuple(current.values())
