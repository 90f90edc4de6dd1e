"""Error types, per-document error codes and the CLI's exit codes (documented in README)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every document processed
    PARTIAL = 1  # some documents were reported as errors; all others were processed
    USAGE = 2  # bad command line (unknown option, missing input path)
    FATAL = 3  # nothing could be processed (internal error, unwritable output)


class QalaError(Exception):
    """Base class; `code` is the stable machine-readable reason written into error records."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class DecodeError(QalaError):
    """Bytes that are not text (binary) or whose encoding cannot be determined."""

    code = "undecodable"


class InputError(QalaError):
    """A record that cannot be read (malformed JSON Lines, missing `text`, unreadable file)."""

    code = "bad_input"


class TooLargeError(QalaError):
    code = "too_large"
