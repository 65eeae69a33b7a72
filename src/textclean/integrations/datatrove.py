"""Clean documents inside a datatrove pipeline, on one machine or on a cluster.

datatrove (https://github.com/huggingface/datatrove) is the engine web-scale text corpora are built
with: readers, filters and writers chained as pipeline steps, run by a local, Slurm or Ray executor
over many tasks. :class:`TextcleanStep` is such a step: it cleans each document's text with a
textclean :class:`~textclean.Pipeline`, can record in the document's metadata what was removed,
and can hand documents that lost too much of their text to an exclusion writer, the way
datatrove's own filters do.

datatrove is optional: install it with ``pip install 'textclean-kit[datatrove]'``. This module imports
without it; asking for :class:`TextcleanStep` then raises an :class:`ImportError` that names the
install command. See ``docs/large-corpus.md`` for whole pipelines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from textclean.errors import InvalidOptionError
from textclean.integrations import measure_removal
from textclean.pipeline import Pipeline, StepLike

INSTALL_HINT = "the datatrove step needs datatrove: pip install 'textclean-kit[datatrove]'"

# the metadata keys a step writes; one flat value each, so that every output format can store them
REMOVED_SHARE_KEY = "textclean_removed_share"
REMOVED_WORDS_KEY = "textclean_removed_words"
RULES_KEY = "textclean_rules"
# the reason datatrove's writers record for an excluded document (its filters use the same key)
EXCLUSION_REASON = "textclean_removed_share"


def __getattr__(name: str) -> Any:
    if name == "TextcleanStep":
        return _step_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _make_pipeline(pipeline: Pipeline | Sequence[StepLike] | None, options: Mapping[str, Any] | None) -> Pipeline:
    """Return the textclean pipeline a step runs: the default one, a given one, or one built from steps."""
    if isinstance(pipeline, Pipeline):
        if options is not None:
            raise InvalidOptionError("options go with a list of steps; a Pipeline carries its own options")
        return pipeline
    return Pipeline(pipeline, options)


def _check_limit(max_removed_share: float | None, exclusion_writer: object) -> None:
    """Refuse a removal limit outside [0, 1], and an exclusion writer that would never receive anything."""
    if max_removed_share is not None and (
        isinstance(max_removed_share, bool)
        or not isinstance(max_removed_share, int | float)
        or not 0 <= max_removed_share <= 1
    ):
        raise InvalidOptionError(
            f"max_removed_share must be None (no limit) or a number from 0 to 1, not {max_removed_share!r}"
        )
    if exclusion_writer is not None and max_removed_share is None:
        raise InvalidOptionError("an exclusion_writer needs max_removed_share: without a limit no document is excluded")


@cache
def _step_class() -> type:
    try:
        from datatrove.data import Document, DocumentsPipeline  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from datatrove.pipeline.base import PipelineStep  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from datatrove.utils.typeshelper import StatHints  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error

    class TextcleanStep(PipelineStep):  # type: ignore[misc]
        """Clean each document's text with a textclean pipeline.

        Args:
            pipeline: ``None`` for textclean's default pipeline, a :class:`~textclean.Pipeline`, or a
                list of step names and functions to build one from.
            options: keyword options per step name, with a list of steps (or ``None``).
            record_metadata: record in each document's metadata the share of its words removed
                (``textclean_removed_share``), their number (``textclean_removed_words``) and the
                rules that fired (``textclean_rules``, ``step:rule`` names).
            max_removed_share: drop a document whose removed share is above this (0 to 1); such a
                document has lost most of its text, which usually means it was mostly boilerplate.
                ``None``: keep every document.
            exclusion_writer: a datatrove writer that receives the dropped documents with their
                original text and the figures above, to look at what was dropped.
        """

        name = "textclean"
        type = "FORMAT"  # datatrove groups its steps by type in its logs and statistics

        def __init__(
            self,
            pipeline: Pipeline | Sequence[StepLike] | None = None,
            options: Mapping[str, Any] | None = None,
            *,
            record_metadata: bool = False,
            max_removed_share: float | None = None,
            exclusion_writer: Any = None,
        ) -> None:
            super().__init__()
            _check_limit(max_removed_share, exclusion_writer)
            self.pipeline = _make_pipeline(pipeline, options)
            self.record_metadata = record_metadata
            self.max_removed_share = max_removed_share
            self.exclusion_writer = exclusion_writer

        def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
            """Clean the documents of ``data``, yielding every one that is kept."""
            measure = self.record_metadata or self.max_removed_share is not None
            writer_context = self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext()
            with writer_context as writer:
                for document in data or ():
                    self.stat_update(StatHints.total)
                    with self.track_time():
                        if measure:
                            kept = self._clean_and_measure(document)
                        else:
                            document.text = self.pipeline(document.text)
                            kept = True
                    if kept:
                        self.stat_update(StatHints.forwarded)
                        self.update_doc_stats(document)
                        yield document
                    else:
                        self.stat_update(StatHints.dropped)
                        if writer is not None:
                            document.metadata["filter_reason"] = EXCLUSION_REASON
                            writer.write(document, rank)

        def _clean_and_measure(self, document: Document) -> bool:
            """Clean ``document`` in place unless it loses too much; return whether it is kept."""
            report = self.pipeline.explain(document.text)
            removal = measure_removal(report)
            self.stat_update(REMOVED_WORDS_KEY, value=removal.removed_words)
            if self.record_metadata or self.exclusion_writer is not None:
                document.metadata[REMOVED_SHARE_KEY] = round(removal.share, 4)
                document.metadata[REMOVED_WORDS_KEY] = removal.removed_words
                document.metadata[RULES_KEY] = list(removal.rules)
            if self.max_removed_share is not None and removal.share > self.max_removed_share:
                return False
            document.text = report.output
            return True

    # found by pickle (and so by datatrove's executors) as an attribute of this module
    TextcleanStep.__module__ = __name__
    TextcleanStep.__qualname__ = "TextcleanStep"
    return TextcleanStep
