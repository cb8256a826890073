"""The linter's options value (kept in `sopan.model`, so the CLI names it cheaply)."""

from __future__ import annotations

from sopan.model import LintOptions

__all__ = ["LintOptions"]
