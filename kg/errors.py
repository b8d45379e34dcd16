"""Errors that reach users: each names the file, the problem and what to do."""

from __future__ import annotations


class KgError(Exception):
    """Base class for errors reported to users as one clear line (no traceback)."""


class InputError(KgError):
    """A document that cannot be read or rendered; the build goes on with the others."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(f"{source}: {problem}" + (f" ({hint})" if hint else ""))


class StoreError(KgError):
    """A store that cannot be opened, queried or written."""


class QueryError(KgError):
    """A stored query that does not exist or a parameter that does not fit."""
