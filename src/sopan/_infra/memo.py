"""Answers kept across processes: one dictionary in one `marshal` file of the cache folder.

For what costs a command more to work out than to look up — a compiled pattern's engine code
(`sopan._infra.rx`), whether a word is in a Hunspell dictionary (`sopan.lint.spelling`). The file is
read on the first lookup and written at exit when something was added, merged with what
another process wrote meanwhile; past `most` entries (answers to questions no longer asked,
by older versions) it starts again from the entries this process used. A file that cannot be
read or written costs only the work: the memo never changes an answer.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Hashable
from typing import Any

try:  # BLAKE2 from the standard library without hashlib, whose OpenSSL binding costs 5 ms
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b


def digest(text: str) -> str:
    """A short name for `text` (BLAKE2b, 128 bits, hex): the name of a cache file."""
    return blake2b(text.encode(), digest_size=16).hexdigest()


#: a memo file larger than this is not read (the reader's patterns take about 0.5 MB)
MAX_FILE = 8 * 1024 * 1024


class DiskMemo:
    """A dictionary kept in `<cache>/<part>/<name()>.marshal` (keys and values: marshal's)."""

    def __init__(self, part: str, name: Callable[[], str], most: int = 3000) -> None:
        # `name` is called on first use: it may look at files (a dictionary's date, say)
        self.part, self.name, self.most = part, name, most
        self._entries: dict[Hashable, Any] | None = None
        #: what this process looked up and found, or added
        self._used: dict[Hashable, Any] = {}
        self._added = False

    def get(self, key: Hashable) -> Any:
        """The value kept for `key`, or None."""
        value = self.entries().get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Keep `value` for `key`; it is written to the file when the process ends. Past
        `most` entries used by this process nothing more is kept (a hostile 200,000-word
        text must not grow the memo without bound)."""
        if len(self._used) >= self.most:
            return
        self.entries()[key] = value
        self._used[key] = value
        if not self._added:
            self._added = True
            import atexit

            atexit.register(self.save)

    def entries(self) -> dict[Hashable, Any]:
        """This process's entries: the file's, read once."""
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def path(self) -> Any:
        """The file."""
        from sopan._infra.files import cache_dir

        return cache_dir(self.part) / f"{self.name()}.marshal"

    def _read(self) -> dict[Hashable, Any]:
        try:
            path = self.path()
            if path.stat().st_size > MAX_FILE:  # not what this module writes: start again
                return {}
            saved = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return saved if isinstance(saved, dict) else {}

    def save(self) -> None:
        """Write this process's entries, with those another process saved meanwhile."""
        if not self._added or self._entries is None:
            return
        merged = {**self._read(), **self._entries}
        if len(merged) > self.most:
            merged = dict(self._used)
        try:
            from sopan._infra.files import write_private

            write_private(self.path(), marshal.dumps(merged))
        except (OSError, ValueError):
            pass  # a read-only home: the next process works it out again
