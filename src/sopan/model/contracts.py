"""The JSON contracts outside tools rely on (README: Contracts), in one module.

`sopan read --json` is `invitation_json`, `sopan plan --json` is `plan_json`; the lint
report's is `LintReport.to_json`. Change a shape only with a version note in the README.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sopan.language.dateforms import fixed

if TYPE_CHECKING:  # types only: `sopan read --json` builds no plan values
    from sopan.model import Invitation, Plan


def invitation_json(inv: Invitation) -> dict[str, Any]:
    """The `sopan read --json` contract (DESIGN.md): exactly these keys, in this order."""

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "language": inv.language,
        "source": inv.source,
        "company": inv.company,
        "position": inv.position,
        "start": iso(inv.start),
        "end": iso(inv.end),
        "day": inv.day.isoformat() if inv.day else None,
        "time": fixed(inv.time_of_day, "clock") if inv.time_of_day else None,
        "past": inv.past,
        "timezone": inv.timezone,
        "mode": inv.mode,
        "location": inv.location,
        "meeting_link": inv.meeting_link,
        "platform": inv.platform,
        "access_code": inv.access_code,
        "contact": {
            "name": inv.contact.name,
            "honorific": inv.contact.honorific,
            "email": inv.contact.email,
            "phone": inv.contact.phone,
        },
        "reference": inv.reference,
        "reply_by": iso(inv.reply_by),
        "message_id": inv.message_id,
        "uid": inv.uid,
        "confidence": inv.confidence,
        "missing": list(inv.missing),
        "placeholders": list(inv.placeholders),
        "ambiguous": [
            # the problem in English: outside tools read one language
            {
                "field": a.field,
                "candidates": list(a.candidates),
                "problem": a.problem.text("en") if a.problem else None,
            }
            for a in inv.ambiguous
        ],
        "provenance": {
            f.field: {
                "source": f.source,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "confidence": f.confidence,
            }
            for f in inv.provenance
        },
        # a photo or a scanned PDF: what OCR read, for the person to check every fact against
        "ocr_text": inv.text if inv.source == "ocr" else None,
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the stable JSON object of `sopan plan --json`."""
    return {
        "action": plan.action,
        "urgency": {"hours_left": plan.urgency.hours_left, "level": plan.urgency.level},
        "steps": [
            {"channel": s.channel, "why": s.why, "guideline": s.guideline} for s in plan.steps
        ],
        "conflicts": [
            {
                "start": b.start.isoformat(),
                "end": b.end.isoformat(),
                "summary": b.summary,
                "tentative": b.tentative,
                "source": b.source,
            }
            for b in plan.conflicts
        ],
        "checklist": [{"item": n.text, "guideline": n.guideline} for n in plan.checklist],
        "warnings": [
            {"text": n.text, "guideline": n.guideline, "ways": [dict(way) for way in n.ways]}
            for n in plan.warnings
        ],
        "recommendation": plan.recommendation,
    }
