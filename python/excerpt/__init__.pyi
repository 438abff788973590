"""Type stubs of the excerpt package (the classes and functions of its Rust
extension module, excerpt._excerpt)."""

from typing import Iterable, List, Optional, final

__version__: str

@final
class Sentence:
    """One sentence: ``text[s.start:s.end] == s.text`` (character offsets);
    ``byte_start``/``byte_end`` are offsets into the UTF-8 encoding."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def paragraph(self) -> int: ...

@final
class SummarySentence:
    """A chosen sentence as the summary shows it, with its index among the
    text's sentences, offsets (characters and UTF-8 bytes) and score."""

    @property
    def text(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def score(self) -> float: ...

@final
class Keyword:
    """A keyphrase and its score (the best scores 1)."""

    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...

@final
class Summary:
    """The chosen sentences in document order, the keyphrases asked for,
    and the language the text was summarised as."""

    @property
    def sentences(self) -> List[SummarySentence]: ...
    @property
    def keywords(self) -> List[Keyword]: ...
    @property
    def lang(self) -> str: ...
    def __len__(self) -> int: ...

def segment(
    text: str,
    lang: str = "auto",
    *,
    newline_boundary: bool = False,
    max_chars: Optional[int] = None,
) -> List[Sentence]:
    """Split ``text`` into sentences, as ``excerpt segment`` does.

    Raises TypeError for bytes, ValueError for an unknown language code."""

def segment_batch(
    texts: Iterable[str],
    lang: str = "auto",
    *,
    newline_boundary: bool = False,
    max_chars: Optional[int] = None,
) -> List[List[Sentence]]:
    """``[segment(t, lang, ...) for t in texts]``, in parallel, without the GIL."""

def summarize(
    text: str,
    *,
    sentences: int = 3,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    ratio: Optional[float] = None,
    lang: str = "auto",
    title: Optional[str] = None,
    keywords: int = 0,
) -> Summary:
    """The sentences that carry ``text``, in order, as ``excerpt summarize``
    chooses them. ``words``, ``chars`` or ``ratio`` (at most one) replace the
    sentence budget."""

def summarize_batch(
    texts: Iterable[str],
    *,
    sentences: int = 3,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    ratio: Optional[float] = None,
    lang: str = "auto",
    title: Optional[str] = None,
    keywords: int = 0,
) -> List[Summary]:
    """``[summarize(t, ...) for t in texts]``, in parallel, without the GIL."""

def to_xliff(
    text: str,
    lang: str = "auto",
    *,
    target_lang: Optional[str] = None,
    target: Optional[str] = None,
    version: str = "2.1",
    protect: str = "",
    xml_invalid: str = "code",
    original: str = "<stdin>",
    newline_boundary: bool = False,
    max_chars: Optional[int] = None,
) -> str:
    """The XLIFF file ``excerpt segment --format xliff`` writes for ``text``
    (the same bytes once encoded as UTF-8)."""

def to_tmx(
    text: str,
    lang: str = "auto",
    *,
    target_lang: Optional[str] = None,
    target: Optional[str] = None,
    protect: str = "",
    xml_invalid: str = "code",
    original: str = "<stdin>",
    newline_boundary: bool = False,
    max_chars: Optional[int] = None,
) -> str:
    """The TMX 1.4 file ``excerpt segment --format tmx`` writes for ``text``."""
