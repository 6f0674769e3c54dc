"""Errors that importers report to the user as one line."""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be read or understood.

    `str(error)` is one line naming the file and the problem, ready for stderr.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple:
        # pickled by its parts, so it survives the trip back from a parser process
        return (DocumentError, (self.path, self.problem))
