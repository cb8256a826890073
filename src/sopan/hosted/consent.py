"""The purposes a student consents to, each with the text they read, versioned (UU 27/2022
asks that consent be specific, informed and provable: the version and the time are kept
with it). The texts are data (`data/hosted/<lang>.yaml`, `consent`); a change of a text is
a new VERSION, and a consent given to an older one stays what it was."""

from __future__ import annotations

#: the version of the consent texts now shown
VERSION = "2026-12"
#: counselling: the cases a student shares are shown to the counsellor they choose;
#: inbox: a worker reads the student's mailbox for invitations; reminders: e-mail reminders
PURPOSES = ("counselling", "inbox", "reminders")
