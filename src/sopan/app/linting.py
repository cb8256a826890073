"""Checking a reply before it goes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sopan.app.reading import ReadRequest, read_for
from sopan.errors import UserError
from sopan.model import LintOptions

if TYPE_CHECKING:
    from sopan.lint import LintReport


@dataclass(frozen=True)
class LintRequest:
    """A reply to check (`text`, or the file `source` names; "-": standard input), and what
    it answers. `rule_dirs` add the user's own rule files to the built-in ones."""

    text: str | None = None
    source: str | None = None
    #: what is known of the reply (its `invitation` is read from `invitation` below)
    options: LintOptions = field(default_factory=LintOptions)
    invitation: ReadRequest | None = None
    rule_dirs: tuple[str, ...] = ()


def lint_for(req: LintRequest) -> LintReport:
    """Lint a reply, against its invitation when one is given."""
    from sopan.lint import builtin_rules, lint_text, load_rules_from
    from sopan.lint.files import read_reply

    options = req.options
    if req.text is not None:
        text = req.text
    else:
        reply = read_reply(req.source or "-")
        text = reply.text
        if options.channel is None:  # a .eml is an email, a .docx a letter, "sms.txt" an SMS
            options = replace(options, channel=reply.channel)
    rules = None
    if req.rule_dirs:
        missing = [d for d in req.rule_dirs if not Path(d).exists()]
        if missing:
            raise UserError("lint.rules_missing", field="rules", path=missing[0])
        rules = load_rules_from((Path(d) for d in req.rule_dirs), base=builtin_rules())
    if req.invitation:
        options = replace(options, invitation=read_for(req.invitation).invitation)
    return lint_text(text, options, rules=rules)
