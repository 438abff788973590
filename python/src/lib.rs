//! The `excerpt` Python package: the engine of the `excerpt` command line,
//! in process.
//!
//! Sentences are found by `excerpt-segment` with the options the command
//! line's `segment` uses, summaries made by `excerpt-rank`'s
//! [`TextSummarizer`] as `summarize` makes them, and translation files
//! written by `excerpt-tm`'s [`TmSettings`], so every function gives what
//! the command line gives for the same text read from a UTF-8 file. Each
//! call releases the GIL while it works; the batch forms also run their texts
//! in parallel on rayon's threads.
//!
//! ```python
//! # From Python:
//! >>> import excerpt
//! >>> [s.text for s in excerpt.segment("Dr. Watson came. He sat.", "en")]
//! ['Dr. Watson came.', 'He sat.']
//! ```

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, LazyLock, Mutex, OnceLock, mpsc};

use excerpt_lang::LangChoice;
use excerpt_rank::{Budget, Similarity, TextSummarizer, TextSummary};
use excerpt_segment::CharOffsets;
use excerpt_tm::{Document, Format, SegmentOptions, Splitter, TmSettings, XliffVersion};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use rayon::prelude::*;

/// One sentence: its text and where it is in the text it was cut from.
///
/// `start` and `end` count characters (Python string indices), so
/// `text[s.start:s.end] == s.text`; `byte_start` and `byte_end` count bytes
/// of the text's UTF-8 encoding, as the command line's JSON does.
///
/// ```python
/// >>> s = excerpt.segment("Ça va. Oui.", "fr")[1]
/// >>> (s.text, s.start, s.end, s.byte_start, s.byte_end)
/// ('Oui.', 7, 11, 8, 12)
/// ```
#[pyclass(frozen, get_all, module = "excerpt")]
pub struct Sentence {
    /// The sentence, a slice of the text.
    text: Py<PyString>,
    /// Character offset of its first character.
    start: usize,
    /// Character offset one past its last character.
    end: usize,
    /// UTF-8 byte offset of its first byte.
    byte_start: usize,
    /// UTF-8 byte offset one past its last byte.
    byte_end: usize,
    /// Its paragraph (blocks separated by blank lines), from 0.
    paragraph: usize,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(text={}, start={}, end={}, byte_start={}, byte_end={}, paragraph={})",
            self.text.bind(py).repr()?,
            self.start,
            self.end,
            self.byte_start,
            self.byte_end,
            self.paragraph
        ))
    }

    fn __str__(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }
}

/// A sentence a summary chose: its text as the summary shows it (from its
/// first word: omission marks and list numbers left off), its index among
/// the text's sentences, its offsets (characters and UTF-8 bytes, as in
/// [`Sentence`]) and its score.
///
/// ```python
/// >>> s = excerpt.summarize(text, sentences=1).sentences[0]
/// >>> text[s.start:s.end] == s.text
/// True
/// ```
#[pyclass(frozen, get_all, module = "excerpt")]
pub struct SummarySentence {
    /// What the summary shows of the sentence.
    text: Py<PyString>,
    /// Index of the sentence among the text's sentences, from 0.
    index: usize,
    /// Character offset of the first character shown.
    start: usize,
    /// Character offset one past the sentence's last character.
    end: usize,
    /// UTF-8 byte offset of the first byte shown.
    byte_start: usize,
    /// UTF-8 byte offset one past the sentence's last byte.
    byte_end: usize,
    /// The sentence's score.
    score: f64,
}

#[pymethods]
impl SummarySentence {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SummarySentence(text={}, index={}, start={}, end={}, score={:?})",
            self.text.bind(py).repr()?,
            self.index,
            self.start,
            self.end,
            self.score
        ))
    }

    fn __str__(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }
}

/// A keyphrase of a text, with its score (the best scores 1).
///
/// ```python
/// >>> excerpt.summarize(text, keywords=1).keywords[0].text
/// 'river ferry'
/// ```
#[pyclass(frozen, get_all, module = "excerpt")]
pub struct Keyword {
    /// The phrase as the text most often writes it.
    text: Py<PyString>,
    /// Its score.
    score: f64,
}

#[pymethods]
impl Keyword {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Keyword(text={}, score={:?})",
            self.text.bind(py).repr()?,
            self.score
        ))
    }
}

/// A summary: the chosen sentences in document order, the keyphrases asked
/// for, and the language the text was summarised as.
///
/// ```python
/// >>> summary = excerpt.summarize(text, sentences=2, keywords=3)
/// >>> [s.text for s in summary.sentences]
/// ```
#[pyclass(frozen, get_all, module = "excerpt")]
pub struct Summary {
    /// The chosen sentences, in document order.
    sentences: Py<PyList>,
    /// The keyphrases, best first (empty unless asked for).
    keywords: Py<PyList>,
    /// The language (ISO 639-1), as given or detected.
    lang: String,
}

#[pymethods]
impl Summary {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Summary(lang={:?}, sentences={}, keywords={})",
            self.lang,
            self.sentences.bind(py).repr()?,
            self.keywords.bind(py).repr()?
        ))
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.sentences.bind(py).len()
    }
}

/// The text of a `str` argument; bytes are refused with a hint, as is any
/// other type.
fn text_arg(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<PyBackedStr> {
    Ok(str_arg(obj, func)?.1)
}

/// A `str` argument as the Python object (sentences are sliced from it) and
/// as UTF-8 (segmented without the GIL).
fn str_arg<'py>(
    obj: &Bound<'py, PyAny>,
    func: &str,
) -> PyResult<(Bound<'py, PyString>, PyBackedStr)> {
    let text = str_object(obj, func)?;
    Ok((text.clone(), PyBackedStr::try_from(text)?))
}

/// A `str` argument; bytes are refused with a hint, as is any other type.
fn str_object<'py>(obj: &Bound<'py, PyAny>, func: &str) -> PyResult<Bound<'py, PyString>> {
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() takes text as str, not bytes: decode it first (e.g. data.decode(\"utf-8\"))"
        )));
    }
    match obj.cast::<PyString>() {
        Ok(text) => Ok(text.clone()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{func}() takes text as str, not {}",
            obj.get_type().name()?
        ))),
    }
}

/// Refuses a single `str` or `bytes` where an iterable of texts is due.
fn not_a_single_text(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<()> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() takes an iterable of str (a list of texts), not a single {}",
            obj.get_type().name()?
        )));
    }
    Ok(())
}

/// The texts of an iterable of `str`.
fn texts_arg(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<Vec<PyBackedStr>> {
    not_a_single_text(obj, func)?;
    obj.try_iter()?.map(|item| text_arg(&item?, func)).collect()
}

/// The texts of an iterable of `str`, as Python objects (their UTF-8 is
/// made later).
fn str_objects(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<Vec<Py<PyString>>> {
    not_a_single_text(obj, func)?;
    obj.try_iter()?
        .map(|item| Ok(str_object(&item?, func)?.unbind()))
        .collect()
}

/// A language choice, refused with the command line's message.
fn lang_arg(lang: &str) -> PyResult<LangChoice> {
    LangChoice::parse(lang).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The segmentation options the command line's `segment` gives.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct SegmentFlags {
    newline_boundary: bool,
    max_chars: Option<usize>,
}

impl SegmentFlags {
    fn new(newline_boundary: bool, max_chars: Option<usize>) -> PyResult<SegmentFlags> {
        if max_chars == Some(0) {
            return Err(PyValueError::new_err(
                "max_chars must be at least 1 (or None for no limit)",
            ));
        }
        Ok(SegmentFlags {
            newline_boundary,
            max_chars,
        })
    }

    fn options(self, lang: &str) -> SegmentOptions {
        SegmentOptions::new(lang)
            .newline_boundary(self.newline_boundary)
            .max_chars(self.max_chars)
    }
}

/// Segmenters built once per language and options, shared by every call and
/// thread.
static SEGMENTERS: LazyLock<Mutex<SegmenterCache>> = LazyLock::new(Default::default);

/// Segmenters by language code and options.
type SegmenterCache = HashMap<(String, SegmentFlags), Arc<Splitter>>;

/// excerpt's own segmenter for `lang` and `flags` (the package takes no SRX
/// rules, so the options always give one).
fn segmenter(lang: &str, flags: SegmentFlags) -> Arc<Splitter> {
    let mut map = SEGMENTERS.lock().unwrap_or_else(|e| e.into_inner());
    map.entry((lang.to_string(), flags))
        .or_insert_with(|| {
            let splitter = flags.options(lang).splitter();
            Arc::new(splitter.expect("options without SRX rules always give a segmenter"))
        })
        .clone()
}

/// Summarisers built once per language, shared by every call and thread.
static SUMMARIZER: LazyLock<TextSummarizer> =
    LazyLock::new(|| TextSummarizer::new(Similarity::Overlap));

/// A sentence's offsets: UTF-8 bytes, then characters, and its paragraph.
type Span = (usize, usize, usize, usize, usize);

/// The sentences of `text`, found without the GIL.
fn segment_spans(text: &str, choice: &LangChoice, flags: SegmentFlags) -> Vec<Span> {
    let lang = choice.resolve(text);
    let splitter = segmenter(&lang, flags);
    let Splitter::Own(segmenter) = &*splitter else {
        unreachable!("the package's options name no SRX rules")
    };
    let mut chars = CharOffsets::new(text);
    segmenter
        .segment(text)
        .map(|s| {
            let (start, end) = (s.start(), s.end());
            (start, end, chars.at(start), chars.at(end), s.paragraph())
        })
        .collect()
}

/// A new object of a class whose objects hold only a str and numbers, which
/// it cannot change (a frozen class): left out of the cycle collector.
///
/// PyO3 makes every class's objects tracked by the cycle collector, which
/// then walks each of them in every full collection: a batch's hundreds of
/// thousands of sentences, kept alive, made the collector run again and
/// again over all of them while they were made. Such an object can never be
/// part of a reference cycle (a str refers to nothing), so, as CPython does
/// for tuples of numbers and strings, it need not be tracked.
fn untracked<T>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Into<PyClassInitializer<T>>,
{
    let object = Bound::new(py, value)?;
    let ptr = object.as_ptr();
    // SAFETY: `ptr` is a live object and this thread is attached to the
    // interpreter. Only an object of a GC type has the header that
    // untracking touches, so the type is asked first (PyO3 0.30 gives every
    // class Py_TPFLAGS_HAVE_GC, but a later version need not); untracking is
    // allowed at any time, and PyO3's tp_dealloc untracks again harmlessly.
    unsafe {
        if ffi::PyType_IS_GC(ffi::Py_TYPE(ptr)) != 0 {
            ffi::PyObject_GC_UnTrack(ptr.cast());
        }
    }
    Ok(object)
}

/// `text[start:end]`, by character offsets within the text: copied from
/// the str's own characters, without decoding UTF-8 again.
fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let py = text.py();
    let (Ok(start), Ok(end)) = (
        ffi::Py_ssize_t::try_from(start),
        ffi::Py_ssize_t::try_from(end),
    ) else {
        return Err(PyValueError::new_err("offset out of range"));
    };
    // SAFETY: `text` is a str object and this thread is attached to the
    // interpreter; PyUnicode_Substring returns a new reference to a str, or
    // NULL with an exception set.
    unsafe {
        Ok(
            Bound::from_owned_ptr_or_err(py, ffi::PyUnicode_Substring(text.as_ptr(), start, end))?
                .cast_into_unchecked(),
        )
    }
}

/// The Python list of sentences of `text`, from its spans.
fn sentence_list<'py>(text: &Bound<'py, PyString>, spans: &[Span]) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let items = spans
        .iter()
        .map(|&(byte_start, byte_end, start, end, paragraph)| {
            untracked(
                py,
                Sentence {
                    text: substring(text, start, end)?.unbind(),
                    start,
                    end,
                    byte_start,
                    byte_end,
                    paragraph,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Split `text` into sentences, as `excerpt segment` does.
///
/// Every sentence is a slice of the text (`text[s.start:s.end] == s.text`)
/// and only whitespace lies between two sentences; a blank line always ends a
/// sentence.
///
/// Args:
///     text: the text (str; decode bytes first).
///     lang: "auto" detects the language; or an ISO 639-1 code ("en"), a
///         tag with a region ("pt-BR") or an ISO 639-3 code ("deu").
///     newline_boundary: every line break ends a sentence.
///     max_chars: split sentences longer than this many characters at a
///         clause boundary.
///
/// Returns:
///     list[Sentence], in order.
///
/// Raises:
///     TypeError: text is not a str (bytes must be decoded first).
///     ValueError: unknown language code.
#[pyfunction]
#[pyo3(signature = (text, lang = "auto", *, newline_boundary = false, max_chars = None))]
fn segment<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    lang: &str,
    newline_boundary: bool,
    max_chars: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let (object, text) = str_arg(text, "segment")?;
    let choice = lang_arg(lang)?;
    let flags = SegmentFlags::new(newline_boundary, max_chars)?;
    let spans = py.detach(|| segment_spans(&text, &choice, flags));
    sentence_list(&object, &spans)
}

/// Split many texts into sentences, in parallel, without the GIL.
///
/// The same as `[segment(t, lang, ...) for t in texts]`, with the texts
/// shared out among all cores. With lang="auto" each text's language is
/// detected on its own.
///
/// Returns:
///     list[list[Sentence]], one list per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, lang = "auto", *, newline_boundary = false, max_chars = None))]
fn segment_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    lang: &str,
    newline_boundary: bool,
    max_chars: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let objects = str_objects(texts, "segment_batch")?;
    let (choice, flags) = match (
        lang_arg(lang),
        SegmentFlags::new(newline_boundary, max_chars),
    ) {
        (Ok(choice), Ok(flags)) => (choice, flags),
        (choice, flags) => {
            // a text that has no UTF-8 (a lone surrogate) is reported first
            for text in &objects {
                PyBackedStr::try_from(text.bind(py).clone())?;
            }
            return Err(choice.err().or(flags.err()).expect("one of them failed"));
        }
    };
    let lists = segment_in_order(py, &objects, &choice, flags)?;
    PyList::new(py, lists)
}

/// Most bytes of text made into UTF-8 under the GIL between two chances for
/// other threads to run.
const BYTES_PER_PAUSE: usize = 1 << 20;

/// The texts of a batch, given to the workers as the calling thread makes
/// their UTF-8.
struct Encoded {
    texts: Vec<OnceLock<PyBackedStr>>,
    /// How many texts, from the first, are there.
    count: Mutex<usize>,
    /// Told when there are more, and when the batch stops.
    more: Condvar,
    /// Set after an error: the workers stop at their next text.
    stop: AtomicBool,
}

impl Encoded {
    fn new(n: usize) -> Encoded {
        Encoded {
            texts: (0..n).map(|_| OnceLock::new()).collect(),
            count: Mutex::new(0),
            more: Condvar::new(),
            stop: AtomicBool::new(false),
        }
    }

    /// Gives the workers text `i`, the one after the last given.
    fn give(&self, i: usize, text: PyBackedStr) {
        // set once: texts are given in order, each once
        let _ = self.texts[i].set(text);
        *self.count.lock().unwrap_or_else(|e| e.into_inner()) = i + 1;
        self.more.notify_all();
    }

    /// Text `i`, once it is there; None once the batch stops.
    fn wait_for(&self, i: usize) -> Option<&str> {
        let mut count = self.count.lock().unwrap_or_else(|e| e.into_inner());
        while *count <= i && !self.stop.load(Ordering::Relaxed) {
            count = self.more.wait(count).unwrap_or_else(|e| e.into_inner());
        }
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        self.texts[i].get().map(|t| &**t)
    }

    /// Stops the workers, waking those that wait for a text.
    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let _count = self.count.lock().unwrap_or_else(|e| e.into_inner());
        self.more.notify_all();
    }
}

/// The sentence lists of `objects`, in order: the texts are segmented on
/// rayon's threads, without the GIL, while this thread (with the GIL) makes
/// the texts' UTF-8 for them, one run of texts at a time, and makes the
/// Python objects of the texts that are done, in order; no text waits for
/// all the others, and segmentation starts with the first text's UTF-8.
///
/// The workers take the texts in increasing order, one at a time, so
/// results come about in order. This thread takes the GIL for a run of at
/// most about [`BYTES_PER_PAUSE`] bytes of UTF-8 and [`OBJECTS_PER_PAUSE`]
/// objects, then lets it go, so that other Python threads keep running.
/// Once every text is given, while the next result is not ready, it
/// segments the next text itself rather than wait (a thread woken up waits
/// its turn on a busy machine), and waits only when every text is taken.
/// After an error the workers stop at their next text.
fn segment_in_order(
    py: Python<'_>,
    objects: &[Py<PyString>],
    choice: &LangChoice,
    flags: SegmentFlags,
) -> PyResult<Vec<Py<PyList>>> {
    let n = objects.len();
    let encoded = Encoded::new(n);
    let mut lists = Vec::with_capacity(n);
    let done = py.detach(|| {
        let next = AtomicUsize::new(0);
        let (sender, results) = mpsc::channel::<(usize, Vec<Span>)>();
        rayon::in_place_scope(|scope| {
            for _ in 0..rayon::current_num_threads().min(n) {
                let sender = sender.clone();
                let (next, encoded) = (&next, &encoded);
                scope.spawn(move |_| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(text) = (i < n).then(|| encoded.wait_for(i)).flatten() else {
                            break;
                        };
                        if sender
                            .send((i, segment_spans(text, choice, flags)))
                            .is_err()
                        {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            let mut ready: Vec<Option<Vec<Span>>> = (0..n).map(|_| None).collect();
            let mut given = 0;
            let mut taken = 0;
            let taking = (|| {
                while taken < n {
                    for (i, spans) in results.try_iter() {
                        ready[i] = Some(spans);
                    }
                    if given == n && ready[taken].is_none() {
                        // nothing to do with the GIL: segment here too, or wait
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let (i, spans) = if i < n {
                            let text = encoded.texts[i].get().expect("every text is given");
                            (i, segment_spans(text, choice, flags))
                        } else {
                            // only a panicking worker drops its sender early;
                            // the scope raises its panic after this
                            results
                                .recv()
                                .map_err(|_| PyRuntimeError::new_err("a worker thread stopped"))?
                        };
                        ready[i] = Some(spans);
                        continue;
                    }
                    Python::attach(|py| {
                        let mut bytes = 0;
                        while given < n && bytes < BYTES_PER_PAUSE {
                            let text = PyBackedStr::try_from(objects[given].bind(py).clone())?;
                            bytes += text.len();
                            encoded.give(given, text);
                            given += 1;
                        }
                        let mut made = 0;
                        while made < OBJECTS_PER_PAUSE {
                            let Some(spans) = ready.get_mut(taken).and_then(Option::take) else {
                                break;
                            };
                            made += 1 + spans.len();
                            lists.push(sentence_list(objects[taken].bind(py), &spans)?.unbind());
                            taken += 1;
                        }
                        PyResult::Ok(())
                    })?;
                }
                Ok(())
            })();
            if taking.is_err() {
                encoded.stop();
            }
            taking
        })
    });
    // the texts' UTF-8 (Python objects) let go with the GIL
    drop(encoded);
    done.map(|()| lists)
}

/// Objects made under the GIL between two chances for other threads to run.
const OBJECTS_PER_PAUSE: usize = 8192;

/// While a batch's results are made (which needs the GIL), lets other
/// Python threads run every [`OBJECTS_PER_PAUSE`] objects, so that a large
/// batch never stops them for long.
fn pause_now_and_then(py: Python<'_>, made: &mut usize, more: usize) {
    *made += more;
    if *made >= OBJECTS_PER_PAUSE {
        *made = 0;
        py.detach(|| ());
    }
}

/// A summary's budget from the keyword arguments: words, chars or ratio
/// (at most one) replace the sentence count.
fn budget_arg(
    sentences: usize,
    words: Option<usize>,
    chars: Option<usize>,
    ratio: Option<f64>,
) -> PyResult<Budget> {
    let given = [words.is_some(), chars.is_some(), ratio.is_some()];
    if given.iter().filter(|g| **g).count() > 1 {
        return Err(PyValueError::new_err(
            "give at most one of words, chars and ratio (each replaces the sentence budget)",
        ));
    }
    Ok(if let Some(n) = words {
        Budget::Words(n)
    } else if let Some(n) = chars {
        Budget::Chars(n)
    } else if let Some(r) = ratio {
        if !(0.0..=1.0).contains(&r) {
            return Err(PyValueError::new_err(format!(
                "'{r}' is not a ratio between 0 and 1"
            )));
        }
        Budget::Ratio(r)
    } else {
        Budget::Sentences(sentences)
    })
}

/// What a summary is asked for, besides the text.
struct SummaryRequest {
    choice: LangChoice,
    title: Option<String>,
    budget: Budget,
    keywords: usize,
}

/// A summary with its chosen sentences' character offsets, made without
/// the GIL.
struct Made<'t> {
    lang: String,
    summary: TextSummary<'t>,
    chars: Vec<(usize, usize)>,
}

fn make_summary<'t>(text: &'t str, request: &SummaryRequest) -> Made<'t> {
    let lang = request.choice.resolve(text);
    let keywords = (request.keywords > 0).then_some(request.keywords);
    let summary = SUMMARIZER.summarize(
        text,
        &lang,
        request.title.as_deref(),
        request.budget,
        keywords,
    );
    let mut offsets = CharOffsets::new(text);
    let chars = summary
        .chosen
        .iter()
        .map(|c| (offsets.at(c.start), offsets.at(c.end)))
        .collect();
    Made {
        lang,
        summary,
        chars,
    }
}

fn summary_object<'py>(py: Python<'py>, made: &Made) -> PyResult<Bound<'py, Summary>> {
    let sentences = made
        .summary
        .chosen
        .iter()
        .zip(&made.chars)
        .map(|(c, &(start, end))| {
            untracked(
                py,
                SummarySentence {
                    text: PyString::new(py, c.text).unbind(),
                    index: c.index,
                    start,
                    end,
                    byte_start: c.start,
                    byte_end: c.end,
                    score: c.score,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let keywords = made
        .summary
        .keywords
        .iter()
        .flatten()
        .map(|k| {
            untracked(
                py,
                Keyword {
                    text: PyString::new(py, &k.text).unbind(),
                    score: k.score,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Bound::new(
        py,
        Summary {
            sentences: PyList::new(py, sentences)?.unbind(),
            keywords: PyList::new(py, keywords)?.unbind(),
            lang: made.lang.clone(),
        },
    )
}

/// The sentences that carry `text`, in their order, as `excerpt summarize`
/// chooses them.
///
/// Args:
///     text: the text (str; decode bytes first).
///     sentences: at most this many sentences (the default budget).
///     words: at most this many words in all (replaces `sentences`).
///     chars: at most this many characters in all (replaces `sentences`).
///     ratio: at most this fraction of the sentences, 0 to 1 (replaces
///         `sentences`). Give at most one of words, chars and ratio.
///     lang: "auto" detects the language; or an ISO 639-1 code.
///     title: the text's headline, if known and not part of the text.
///         Without it a first line without sentence punctuation followed by
///         a blank line serves as the title; "" turns that off.
///     keywords: also find this many keyphrases.
///
/// Returns:
///     Summary, with .sentences (list[SummarySentence]), .keywords
///     (list[Keyword]) and .lang.
///
/// Raises:
///     TypeError: text is not a str.
///     ValueError: unknown language code, or a bad budget.
#[pyfunction]
#[pyo3(signature = (text, *, sentences = 3, words = None, chars = None, ratio = None, lang = "auto", title = None, keywords = 0))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python API
fn summarize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    sentences: usize,
    words: Option<usize>,
    chars: Option<usize>,
    ratio: Option<f64>,
    lang: &str,
    title: Option<String>,
    keywords: usize,
) -> PyResult<Bound<'py, Summary>> {
    let text = text_arg(text, "summarize")?;
    let request = SummaryRequest {
        choice: lang_arg(lang)?,
        title,
        budget: budget_arg(sentences, words, chars, ratio)?,
        keywords,
    };
    let made = py.detach(|| make_summary(&text, &request));
    summary_object(py, &made)
}

/// Summarise many texts, in parallel, without the GIL: the same as
/// `[summarize(t, ...) for t in texts]` with the texts shared out among all
/// cores. `title`, when given, is used for every text.
///
/// Returns:
///     list[Summary], one per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, sentences = 3, words = None, chars = None, ratio = None, lang = "auto", title = None, keywords = 0))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python API
fn summarize_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    sentences: usize,
    words: Option<usize>,
    chars: Option<usize>,
    ratio: Option<f64>,
    lang: &str,
    title: Option<String>,
    keywords: usize,
) -> PyResult<Bound<'py, PyList>> {
    let texts = texts_arg(texts, "summarize_batch")?;
    let request = SummaryRequest {
        choice: lang_arg(lang)?,
        title,
        budget: budget_arg(sentences, words, chars, ratio)?,
        keywords,
    };
    let made: Vec<Made> = py.detach(|| {
        texts
            .par_iter()
            .map(|t| make_summary(t, &request))
            .collect()
    });
    let mut since_pause = 0;
    let summaries = made
        .iter()
        .map(|m| {
            pause_now_and_then(py, &mut since_pause, 1 + m.summary.chosen.len());
            summary_object(py, m)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, summaries)
}

/// Writes `text` in a translation format as `excerpt segment --format` does.
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python API
fn write_tm(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    func: &str,
    format: Format,
    lang: &str,
    target_lang: Option<&str>,
    target: Option<&str>,
    protect: &str,
    xml_invalid: &str,
    original: &str,
    flags: SegmentFlags,
) -> PyResult<String> {
    let text = text_arg(text, func)?;
    let choice = lang_arg(lang)?;
    let settings = TmSettings::new(format, target_lang, target, protect, xml_invalid)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.detach(|| {
        let lang = choice.resolve(&text);
        let options = settings.segment_options(flags.options(&lang));
        let splitter = segmenter(&lang, flags);
        let doc = Document::with_splitter(&text, options, &splitter);
        settings.write(&doc, original)
    })
    .map_err(|e| PyValueError::new_err(format!("{original}: {e}")))
}

/// The XLIFF file `excerpt segment --format xliff` writes for `text`: the
/// returned str, encoded as UTF-8, is byte for byte the command line's
/// output for the same text in a UTF-8 file (plain text: HTML and Markdown
/// are not parsed here).
///
/// Args:
///     text: the text (str).
///     lang: the source language, "auto" to detect it.
///     target_lang: target language (BCP 47) for a bilingual file.
///     target: what targets hold: "none", "empty" or "source" (default
///         "empty" with a target language, "none" without).
///     version: "2.1", "2.0" or "1.2".
///     protect: spans to turn into inline codes: "urls,emails,numbers,tags".
///     xml_invalid: characters XML 1.0 forbids: "code" or "error".
///     original: the file name recorded in the file (the command line
///         records "<stdin>" for standard input).
///     newline_boundary, max_chars: as for segment().
///
/// Raises:
///     TypeError: text is not a str. ValueError: a bad option, with the
///     command line's message.
#[pyfunction]
#[pyo3(signature = (text, lang = "auto", *, target_lang = None, target = None, version = "2.1", protect = "", xml_invalid = "code", original = "<stdin>", newline_boundary = false, max_chars = None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python API
fn to_xliff(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lang: &str,
    target_lang: Option<&str>,
    target: Option<&str>,
    version: &str,
    protect: &str,
    xml_invalid: &str,
    original: &str,
    newline_boundary: bool,
    max_chars: Option<usize>,
) -> PyResult<String> {
    let version: XliffVersion = version.parse().map_err(PyValueError::new_err)?;
    let flags = SegmentFlags::new(newline_boundary, max_chars)?;
    write_tm(
        py,
        text,
        "to_xliff",
        Format::Xliff(version),
        lang,
        target_lang,
        target,
        protect,
        xml_invalid,
        original,
        flags,
    )
}

/// The TMX 1.4 file `excerpt segment --format tmx` writes for `text`: the
/// returned str, encoded as UTF-8, is byte for byte the command line's
/// output. The arguments are those of to_xliff() (without `version`).
#[pyfunction]
#[pyo3(signature = (text, lang = "auto", *, target_lang = None, target = None, protect = "", xml_invalid = "code", original = "<stdin>", newline_boundary = false, max_chars = None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python API
fn to_tmx(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lang: &str,
    target_lang: Option<&str>,
    target: Option<&str>,
    protect: &str,
    xml_invalid: &str,
    original: &str,
    newline_boundary: bool,
    max_chars: Option<usize>,
) -> PyResult<String> {
    let flags = SegmentFlags::new(newline_boundary, max_chars)?;
    write_tm(
        py,
        text,
        "to_tmx",
        Format::Tmx,
        lang,
        target_lang,
        target,
        protect,
        xml_invalid,
        original,
        flags,
    )
}

/// The extension module, re-exported by the `excerpt` package.
#[pymodule]
fn _excerpt(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Sentence>()?;
    m.add_class::<SummarySentence>()?;
    m.add_class::<Keyword>()?;
    m.add_class::<Summary>()?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(segment_batch, m)?)?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(to_xliff, m)?)?;
    m.add_function(wrap_pyfunction!(to_tmx, m)?)?;
    Ok(())
}
