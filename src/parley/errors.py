"""One exception tree. Messages say what failed, the value, why, and the fix."""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""


class ConfigError(ParleyError):
    """A setting, flag or configuration file is wrong."""


class IngestError(ParleyError):
    """An input could not be read or turned into an article."""

    def __init__(self, source: str, reason: str, detail: str = "") -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        msg = f"{source}: {reason}"
        if detail:
            msg += f" ({detail})"
        super().__init__(msg)

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:  # crosses worker processes
        return type(self), (self.source, self.reason, self.detail)


class ResolutionError(ParleyError):
    """An actor, date or place could not be resolved where resolution was required."""


class StorageError(ParleyError):
    """The store could not be opened, migrated or written."""


class StageError(ParleyError):
    """A pipeline stage failed on one article: a bug, never an expected drop."""

    def __init__(self, stage: str, article_id: str, detail: str = "") -> None:
        self.stage = stage
        self.article_id = article_id
        self.detail = detail
        super().__init__(f"stage {stage!r} failed on article {article_id!r}: {detail}")

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:  # crosses worker processes
        return type(self), (self.stage, self.article_id, self.detail)


class RejectedArticle(ParleyError):
    """A stage gives up on one article on purpose (over a limit, over its time budget): the
    runner stores it as a rejection with this stage and reason, and the run goes on."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        self.stage = stage
        self.reason = reason
        self.detail = detail
        super().__init__(f"{stage}: {reason}" + (f" ({detail})" if detail else ""))

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:  # crosses worker processes
        return type(self), (self.stage, self.reason, self.detail)
