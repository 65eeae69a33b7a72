"""Clean documents inside a datatrove pipeline, on one machine or on a cluster.

datatrove (https://github.com/huggingface/datatrove) is the engine web-scale text corpora are built
with: readers, formatters, filters and writers chained as pipeline steps, run by a local, Slurm or Ray
executor over many tasks. This module gives textclean two steps of datatrove's own kinds:

- :class:`TextcleanFormatter`, a formatter: it cleans each document's text with a textclean
  :class:`~textclean.Pipeline` and records in the document's metadata what cleaning removed;
- :class:`RemovedShareFilter`, a filter: it drops the documents whose cleaning removed more than a
  share of their words (a page that was mostly furniture), with a reason, for datatrove's exclusion
  writer to keep.

Formatters edit and filters drop, as in datatrove itself, so that a pipeline can clean without dropping,
and so that a drop is counted and explained the way every other datatrove filter's is.

datatrove is optional: ``pip install 'textclean-kit[datatrove]'``. Without it, importing this module
raises an :class:`ImportError` that names that command. See ``docs/large-corpus.md`` for whole
pipelines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textclean.errors import ConfigError, InvalidOptionError
from textclean.integrations import measure_removal
from textclean.pipeline import Pipeline, StepLike

INSTALL_HINT = "textclean.integrations.datatrove needs datatrove: pip install 'textclean-kit[datatrove]'"

try:
    from datatrove.data import Document, DocumentsPipeline  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from datatrove.pipeline.filters.base_filter import BaseFilter  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from datatrove.pipeline.formatters.base import BaseFormatter  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from datatrove.utils.typeshelper import StatHints  # type: ignore[import-untyped, import-not-found, unused-ignore]
except ImportError as error:
    raise ImportError(INSTALL_HINT) from error

__all__ = ["RemovedShareFilter", "TextcleanFormatter"]

# the metadata keys the formatter writes; one flat value each, so that every output format can store them
REMOVED_SHARE_KEY = "textclean_removed_share"
REMOVED_WORDS_KEY = "textclean_removed_words"
RULES_KEY = "textclean_rules"
# the reason the filter gives for a drop: datatrove counts drops by reason and writes it to excluded documents
EXCLUSION_REASON = "textclean_removed_share"


class TextcleanFormatter(BaseFormatter):  # type: ignore[misc]
    """Clean each document's text with a textclean pipeline, and record what cleaning removed.

    Args:
        pipeline: ``None`` for textclean's default pipeline, a :class:`~textclean.Pipeline`, or step
            names and functions to build one from.
        options: keyword options per step name, with step names (or ``None``).
        record_metadata: record in each document's metadata the share of its words removed
            (``textclean_removed_share``, 0 to 1), their number (``textclean_removed_words``) and the
            rules that fired (``textclean_rules``, ``step:rule`` names). On by default: it is what
            :class:`RemovedShareFilter` reads, and what tells a corpus's builders why a page shrank.
            Off, the formatter only cleans, which is a little faster.
    """

    name = "textclean"

    def __init__(
        self,
        pipeline: Pipeline | StepLike | Sequence[StepLike] | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        record_metadata: bool = True,
    ) -> None:
        super().__init__()
        if isinstance(pipeline, Pipeline):
            if options is not None:
                raise InvalidOptionError("options go with step names; a Pipeline carries its own options")
            self.pipeline = pipeline
        else:
            self.pipeline = Pipeline(pipeline, options)
        self.record_metadata = record_metadata

    def format(self, text: str) -> str:
        """Return ``text`` cleaned by the pipeline."""
        return self.pipeline(text)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean the text of every document of ``data``, recording what was removed if asked."""
        for document in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                if self.record_metadata:
                    self._clean_and_record(document)
                else:
                    document.text = self.format(document.text)
            yield document

    def _clean_and_record(self, document: Document) -> None:
        report = self.pipeline.explain(document.text)
        removal = measure_removal(report)
        self.stat_update(REMOVED_WORDS_KEY, value=removal.removed_words)
        document.text = report.output
        document.metadata[REMOVED_SHARE_KEY] = round(removal.share, 4)
        document.metadata[REMOVED_WORDS_KEY] = removal.removed_words
        document.metadata[RULES_KEY] = list(removal.rules)


class RemovedShareFilter(BaseFilter):  # type: ignore[misc]
    """Drop the documents whose cleaning removed more than a share of their words.

    It reads ``textclean_removed_share``, which a :class:`TextcleanFormatter` earlier in the pipeline
    records; a document without it is an error, since the pipeline is then built in the wrong order.
    A dropped document carries the reason ``textclean_removed_share`` (datatrove counts drops by
    reason) and reaches the exclusion writer as the formatter left it: its cleaned text, with the share
    and the rules that fired in its metadata.

    Args:
        max_removed_share: drop a document that lost more than this share of its words (0 to 1).
        exclusion_writer: a datatrove writer that receives the dropped documents.
    """

    name = "textclean removed share"

    def __init__(self, max_removed_share: float, exclusion_writer: Any = None) -> None:
        if (
            isinstance(max_removed_share, bool)
            or not isinstance(max_removed_share, int | float)
            or not 0 <= max_removed_share <= 1
        ):
            raise InvalidOptionError(f"max_removed_share must be a number from 0 to 1, not {max_removed_share!r}")
        super().__init__(exclusion_writer)
        self.max_removed_share = max_removed_share

    def filter(self, document: Document) -> bool | tuple[bool, str]:
        """Keep ``document`` unless it lost more than ``max_removed_share`` of its words to cleaning."""
        share = document.metadata.get(REMOVED_SHARE_KEY)
        if share is None:  # a pipeline built in the wrong order
            raise ConfigError(
                f"document {document.id!r} has no {REMOVED_SHARE_KEY!r} in its metadata: put a TextcleanFormatter "
                "(with record_metadata=True) before the RemovedShareFilter"
            )
        if share > self.max_removed_share:
            return False, EXCLUSION_REASON
        return True
