"""What every page shares: the server's state (`Site`: the clock, the config file, the
templates, the flows of the cases in use, where work runs), the browser asking, the page's
language, rendering, and an error as a page shows it."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import HTMLResponse

from sopan import app
from sopan.errors import SopanError
from sopan.model import LANGUAGES
from sopan.web import views
from sopan.web.flow import Flow
from sopan.web.guard import BROWSER, valid_identity
from sopan.web.work import Runner

#: the page's language, when the person switched it (per browser)
LANGUAGE_COOKIE = "sopan_lang"
#: the steps of a case, in order
STEPS = ("facts", "situation", "plan", "drafts", "take")
#: how many cases' results are kept in memory (the store keeps every case)
FLOWS = 64
Errors = Sequence[tuple[str, str]]  # (the field's id, the message)


class Site:
    """The app's state for one server start."""

    def __init__(self, *, now: datetime | None, config_file: Path | None, runner: Runner):
        from jinja2 import Environment, PackageLoader, select_autoescape

        self.fixed_now, self.config_file, self.runner = now, config_file, runner
        self.flows: OrderedDict[tuple[str, str], Flow] = OrderedDict()
        self.env = Environment(
            loader=PackageLoader("sopan.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def config(self) -> app.Config:
        """The config file as it is now (the profile page may have changed it)."""
        return app.config_for(self.config_file)

    def now(self, config: app.Config) -> datetime:
        """The fixed time (tests, screenshots) or the clock, in the person's zone."""
        return self.fixed_now or datetime.now(ZoneInfo(config.profile.timezone))

    def language(self, request: Request, config: app.Config) -> str:
        """The page's language: the one this browser switched to, else the profile's."""
        chosen = request.cookies.get(LANGUAGE_COOKIE)
        return chosen if chosen in LANGUAGES else config.profile.language

    def words(self, language: str) -> dict[str, Any]:
        """The web app's words in `language`; a channel they do not name is named by its
        spec (one added in data)."""
        from sopan.data import load_yaml
        from sopan.model.channels import registry

        found: dict[str, Any] = dict(load_yaml("web", f"{language}.yaml"))
        labels = {s.name: s.label_in(language) for s in registry().specs}
        named = {k: v[:1].upper() + v[1:] for k, v in labels.items()}
        found["channels"] = {**named, **(found.get("channels") or {})}
        return found

    def render(
        self, request: Request, name: str, step: str, *, errors: Errors = (), status: int = 200,
        case: app.Case | None = None, config: app.Config | None = None, **context: Any,
    ) -> HTMLResponse:  # fmt: skip
        """A page in the person's language, with the error summary when there are errors."""
        config = config or self.config()
        lang = self.language(request, config)
        w = self.words(lang)
        labels = {str(k).replace(".", "_"): v for k, v in w["fields"].items()}
        page = self.env.get_template(name).render(
            w=w, labels=labels, lang=lang, specs=_specs(), step=step, steps=STEPS,
            errors=list(errors), config=config, views=views, case=case,
            base=f"/c/{case.key}" if case else "", here=request.url.path, **context,
        )  # fmt: skip
        return HTMLResponse(page, status_code=status)

    def flow(self, request: Request, case: app.Case, config: app.Config) -> Flow:
        """The case's flow, with the results kept from earlier pages when its inputs are the
        same (the case is read from the store on every page: another tab may change it)."""
        now = self.now(config).replace(second=0, microsecond=0)
        lang = self.language(request, config)
        key = (browser(request) or "", case.key)
        found = self.flows.pop(key, None)
        if found is None:
            found = Flow(case, self.runner, lang, config, now)
        else:
            found.case, found.language, found.config, found.now = case, lang, config, now
        self.flows[key] = found
        while len(self.flows) > FLOWS:
            self.flows.popitem(last=False)
        return found


def _specs() -> dict[str, Any]:
    """Every channel's spec by its name, for the pages to read what each channel is."""
    from sopan.model.channels import registry

    return {s.name: s for s in registry().specs}


def site_of(request: Request) -> Site:
    """The site a request reached."""
    found: Site = request.app.state.site
    return found


def browser(request: Request) -> str | None:
    """The browser's identity (its cookie), None when it has none."""
    given = request.cookies.get(BROWSER)
    return given if valid_identity(given) else None


def field_of(message: str) -> str:
    """The field an error's text names first ("--set start: …", "--reason other: …"), for
    an error raised with a sentence."""
    words = message.split(":", 1)[0].replace("--", " ").replace(".", "_").split()
    known = (*(f.replace(".", "_") for f in views.FIELDS), "reason", "reason_text", "intent",
             "interest", "name", "timezone", "alternatives", "file", "text")  # fmt: skip
    return next((w for w in reversed(words) if w in known), "form")


#: a path on this machine written in a sentence (not a link's path: nothing before its "/")
PATH = re.compile(r"(?<![\w:/.~-])(?:~|[A-Za-z]:)?[/\\](?:[^\s/\\'\"()<>:]+[/\\])+"
                  r"(?P<name>[^\s/\\'\"()<>:]*)")  # fmt: skip
#: the errors' parameters a library or the system filled (in English, with its own codes)
LIBRARY = ("why",)


def _no_path(value: str) -> str:
    """`value` with every path on this machine cut to the file's own name: a page never
    shows where the server keeps its files."""
    return PATH.sub(lambda m: m.group("name") or "…", value)


def _for_a_page(exc: SopanError) -> SopanError:
    """The error as a page may say it: a library's own words (English, with its codes and
    reprs) left out, a path on this machine cut to its file's name."""
    import copy

    params = getattr(exc, "params", None)
    if not params:
        return exc
    shown = copy.copy(exc)
    shown.params = {
        k: (_no_path(v) if isinstance(v, str) and k not in LIBRARY else v)
        for k, v in params.items()
    }
    for k in LIBRARY:  # sopan's own reason writes itself in every language; it stays
        if k in shown.params and not callable(getattr(shown.params[k], "text", None)):
            shown.params[k] = _LEFT_OUT
    return shown


#: what stands for a library's words until they are taken out of the sentence
_LEFT_OUT = "\x00"


def error_of(exc: SopanError, language: str, fallback: str = "form") -> tuple[str, str]:
    """An error as the page shows it: the form field it is about (its id), and its words in
    the page's language, without a library's own words or a path on this machine."""
    named = getattr(exc, "field", None)
    say = getattr(_for_a_page(exc), "text", None)
    message = say(language) if callable(say) else str(exc)
    message = re.sub(r"\s*\(\x00\)|\s*\x00", "", _no_path(message))
    if named:
        return str(named).replace(".", "_"), message
    guessed = field_of(message)
    return (fallback if guessed == "form" else guessed), message
