"""The compose stage: a plan, an invitation and the user's situation become drafts.

A message is an ordered list of moves chosen per action × channel from
`data/channels/`, each rendered from `data/phrases/<lang>/<register>.yaml`.
Formats: `eml` (threaded reply), `letter` (.docx/.pdf), `itip` (.ics), `files`.
"""

from sopan.compose.core import compose, voicemail_note, voicemail_seconds
from sopan.compose.files import write_drafts
from sopan.compose.layout import reply_subject
from sopan.model.channels import speaking_seconds

__all__ = [
    "compose",
    "reply_subject",
    "speaking_seconds",
    "voicemail_note",
    "voicemail_seconds",
    "write_drafts",
]
