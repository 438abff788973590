"""excerpt: lossless sentence segmentation, extractive summaries and files
for translators, from the Rust engine of the ``excerpt`` command line.

>>> import excerpt
>>> [s.text for s in excerpt.segment("Dr. Watson came at 3 p.m. He sat.", "en")]
['Dr. Watson came at 3 p.m.', 'He sat.']

Every function gives what the command line gives for the same text in a
UTF-8 file; each releases the GIL while it works, and the batch forms run
their texts in parallel.
"""

from ._excerpt import (
    Keyword,
    Sentence,
    Summary,
    SummarySentence,
    __version__,
    segment,
    segment_batch,
    summarize,
    summarize_batch,
    to_tmx,
    to_xliff,
)

__all__ = [
    "Keyword",
    "Sentence",
    "Summary",
    "SummarySentence",
    "__version__",
    "segment",
    "segment_batch",
    "summarize",
    "summarize_batch",
    "to_tmx",
    "to_xliff",
]
