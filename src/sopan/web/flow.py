"""One case's way through the web app: the invitation and what the person gave and chose
for it (`app.Case`), and the results of the use cases for it. Nothing here decides: the
values are handed to `sopan.app` as they are, and each call runs off the event loop
(`work.Runner`).

Results are kept for the inputs they were made from, so moving between pages or typing in a
draft does not read and plan again; any change of input makes them again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sopan import app

if TYPE_CHECKING:
    from sopan.model import Draft
    from sopan.web.work import Runner

T = TypeVar("T")
#: The reader's own limit on an invitation's size, and the upload's.
MAX_UPLOAD = 10 * 1024 * 1024
#: How long a live lint may take before the page stops waiting for it.
LINT_DEADLINE = 10.0


@dataclass
class Flow:
    """A case as it is now, and the results made for it."""

    case: app.Case
    runner: Runner
    language: str
    config: app.Config
    now: datetime

    def __post_init__(self) -> None:
        self._memo: dict[str, tuple[Any, Any]] = {}

    @property
    def inputs(self) -> app.CaseInputs:
        """What the person gave and chose."""
        return self.case.inputs

    async def _cached(self, name: str, key: object, make: Callable[[], Awaitable[T]]) -> T:
        """The result kept for `name` when it was made from an equal `key`, else made now."""
        found = self._memo.get(name)
        if found is not None and found[0] == key:
            return cast(T, found[1])
        value = await make()
        self._memo[name] = (key, value)
        return value

    def read_request(self, corrections: Mapping[str, str] | None = None) -> app.ReadRequest:
        """The invitation with the person's corrections, as the use cases take them: each
        value as typed, checked by the one parser (a bad one is an error naming its field)."""
        from sopan import parse

        given = self.inputs.corrections if corrections is None else corrections
        tz = self.config.profile.timezone
        typed = tuple(
            c for k, v in given.items()
            for c in parse.fact(k, v, language=self.language, now=self.now, tz=tz)
        )  # fmt: skip
        return app.ReadRequest(self.case.source, now=self.now, corrections=typed,
                               data=self.case.data, config=self.config)  # fmt: skip

    async def read(self, corrections: Mapping[str, str] | None = None) -> app.ReadResult:
        """What the invitation says, corrections applied (`corrections`: others to try)."""
        req = self.read_request(corrections)
        return await self._cached("read", req, lambda: self.runner.run(app.read_for, req))

    def plan_request(self, choices: app.Choices | None = None) -> app.PlanRequest:
        """The plan request for the situation chosen (none chosen: the recommendation)."""
        chosen = choices if choices is not None else self.inputs.choices or app.Choices()
        return app.PlanRequest(self.read_request(), chosen, language=self.language)

    async def plan(self, choices: app.Choices | None = None) -> app.PlanResult:
        """The plan for the invitation and the situation (`choices`: others to try)."""
        req = self.plan_request(choices)
        return await self._cached("plan", req, lambda: self.runner.run(app.plan_for, req))

    async def drafts(self) -> app.DraftResult:
        """Every draft the plan calls for and every one that reaches them, as composed."""
        req = app.DraftRequest(self.plan_request(), channels=("all",))
        return await self._cached("drafts", req, lambda: self.runner.run(app.draft_for, req))

    async def edited(self) -> tuple[app.PlanResult, list[Draft]]:
        """The drafts as the person edited them, and the plan they answer."""
        result = await self.drafts()
        edits = self.inputs.edits
        drafts = [
            replace(d, text=edits[d.channel]) if d.channel in edits else d for d in result.drafts
        ]
        return result.planned, drafts

    async def files(self, kept: app.Kept | None) -> dict[str, bytes]:
        """Every file to take away, built once for the drafts as they are and the email as
        kept (its Message-ID)."""
        planned, drafts = await self.edited()
        kept_email = (
            tuple((d.id, d.channel) for d in kept.record.drafts) if kept is not None else None
        )
        key = (self.plan_request(), tuple((d.channel, d.text) for d in drafts), kept_email)
        return await self._cached(
            "files", key, lambda: self.runner.run(app.download_for, planned, drafts, kept, self.now)
        )

    async def reviewed(self, deadline: float | None = None) -> tuple[app.Reviewed, ...]:
        """The edited drafts, each with its lint report and length; a draft whose text did
        not change since it was last linted is not linted again (live lint sends one)."""
        planned, drafts = await self.edited()
        known: dict[tuple[str, str], app.Reviewed] = self._memo.get("review", (None, {}))[1]
        if self._memo.get("review", (None, None))[0] is not planned:
            known = {}
        fresh = [d for d in drafts if (d.channel, d.text) not in known]
        if fresh:
            limit = {"deadline": deadline} if deadline else {}
            for item in await self.runner.run(app.review_for, planned, fresh, **limit):
                known[(item.draft.channel, item.draft.text)] = item
        current = {(d.channel, d.text): known[(d.channel, d.text)] for d in drafts}
        self._memo["review"] = (planned, current)  # only the texts now in the drafts are kept
        return tuple(current.values())
