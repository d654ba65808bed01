"""Typed errors: each message says what failed, for which input, and what to do.

Only the CLI and the UI turn these into user-facing text.
"""


class ReportQAError(Exception):
    """Base of every error reportqa raises on purpose."""


class LoadError(ReportQAError):
    """A file could not be read as a report (unreadable, wrong type, too big, truncated)."""


class ParseError(ReportQAError):
    """A file was read but holds nothing we can parse as a report."""


class UnknownReportError(ReportQAError):
    """A report id that is not in the store."""


class IndexMismatchError(ReportQAError):
    """An index built by one embedding model was opened with another."""


class TooLargeError(ReportQAError):
    """A request past its budget (an export of more facts than one response may carry)."""


class StoreBusyError(ReportQAError):
    """The fact database stayed locked by another writer for longer than we wait."""


class IndexUnavailableError(ReportQAError):
    """The text index (a Chroma server) cannot be reached; figure questions still answer."""
