"""The result objects and Python's cycle collector: a sentence, a summary's
sentence and a keyword hold only a str and numbers, which they cannot
change, so they can never be part of a reference cycle and are left out of
the collector (a large batch's sentences would otherwise be walked again in
every full collection); a summary holds lists, which its user can change,
and stays in it."""

import gc

import excerpt

TEXT = (
    "The river ferry stopped running in May. The town council met on "
    "Tuesday. The river ferry will run again in June, the council said. "
    "Tickets cost the same."
)


def test_sentences_are_not_tracked():
    for s in excerpt.segment(TEXT):
        assert not gc.is_tracked(s)
        assert gc.is_tracked([s])  # the control: a list is
    for sentences in excerpt.segment_batch([TEXT, "One. Two."]):
        assert sentences
        assert not any(gc.is_tracked(s) for s in sentences)


def test_summary_parts_are_not_tracked_but_summaries_are():
    for summary in (excerpt.summarize(TEXT, keywords=2), *excerpt.summarize_batch([TEXT], keywords=2)):
        assert summary.sentences and summary.keywords
        assert not any(gc.is_tracked(s) for s in summary.sentences)
        assert not any(gc.is_tracked(k) for k in summary.keywords)
        assert gc.is_tracked(summary)


def test_sentences_outlive_their_text():
    text = "".join(f"Sentence number {i} is here. " for i in range(1000))
    sentences = excerpt.segment(text)
    del text
    assert [s.text for s in sentences[:2]] == ["Sentence number 0 is here.", "Sentence number 1 is here."]
    assert sentences[-1].text == "Sentence number 999 is here."
