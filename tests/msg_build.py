"""Outlook .msg files written by the tests from their own text, with extract-msg's OLE
writer: the streams of the MAPI properties an invitation needs (no file from elsewhere)."""

from __future__ import annotations

import io


def _u(text: str) -> bytes:
    return text.encode("utf-16-le")


def build_msg(
    subject: str,
    body: str | None = None,
    *,
    headers: str | None = None,
    html: str | None = None,
    ics: bytes | None = None,
) -> bytes:
    """An IPM.Note with its subject, plain (or HTML) body, transport headers and an .ics."""
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    writer.addEntry("__properties_version1.0", b"\x00" * 32)
    writer.addEntry("__substg1.0_001A001F", _u("IPM.Note"))
    names = "__nameid_version1.0"  # the named-property tables, empty
    writer.addEntry(names, storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"{names}/__substg1.0_{stream}", b"")
    writer.addEntry("__substg1.0_0037001F", _u(subject))
    if body is not None:
        writer.addEntry("__substg1.0_1000001F", _u(body))
    if html is not None:
        writer.addEntry("__substg1.0_10130102", html.encode("utf-8"))
    if headers is not None:
        writer.addEntry("__substg1.0_007D001F", _u(headers))
    if ics is not None:
        folder = "__attach_version1.0_#00000000"
        writer.addEntry(folder, storage=True)
        writer.addEntry(f"{folder}/__properties_version1.0", b"\x00" * 8)
        writer.addEntry(f"{folder}/__substg1.0_3707001F", _u("invite.ics"))
        writer.addEntry(f"{folder}/__substg1.0_37010102", ics)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
