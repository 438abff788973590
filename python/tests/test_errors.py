"""Errors are Python exceptions with the command line's messages."""

import subprocess

import pytest

import excerpt

CLI_LANG_MESSAGE = (
    "unknown language code 'xx' (expected 'auto' or an ISO 639-1 code such as "
    "'en', 'de', 'zh')"
)


@pytest.mark.parametrize(
    "call",
    [
        lambda: excerpt.segment("One. Two.", "xx"),
        lambda: excerpt.segment_batch(["One. Two."], "xx"),
        lambda: excerpt.summarize("One. Two.", lang="xx"),
        lambda: excerpt.summarize_batch(["One. Two."], lang="xx"),
        lambda: excerpt.to_xliff("One. Two.", "xx"),
        lambda: excerpt.to_tmx("One. Two.", "xx"),
    ],
)
def test_unknown_language_is_a_value_error(call):
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value) == CLI_LANG_MESSAGE


def test_language_message_is_the_command_lines(cli):
    done = subprocess.run(
        [str(cli.binary), "segment", "--lang", "xx"],
        input=b"One. Two.",
        capture_output=True,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == f"excerpt: {CLI_LANG_MESSAGE}"


@pytest.mark.parametrize(
    "call",
    [
        lambda: excerpt.segment(b"One. Two."),
        lambda: excerpt.segment(bytearray(b"One. Two.")),
        lambda: excerpt.summarize(b"One. Two."),
        lambda: excerpt.segment_batch([b"One. Two."]),
        lambda: excerpt.summarize_batch(["Fine.", b"One. Two."]),
        lambda: excerpt.to_xliff(b"One. Two."),
        lambda: excerpt.to_tmx(b"One. Two."),
    ],
)
def test_bytes_are_a_type_error(call):
    with pytest.raises(TypeError, match="not bytes: decode it first"):
        call()


def test_other_types_are_type_errors():
    with pytest.raises(TypeError, match="not int"):
        excerpt.segment(42)
    with pytest.raises(TypeError, match="not a single str"):
        excerpt.segment_batch("One text, not a list.")
    with pytest.raises(TypeError):
        excerpt.summarize_batch(None)


@pytest.mark.parametrize(
    "flags,call",
    [
        (
            ["--format", "tmx", "--target", "source"],
            lambda: excerpt.to_tmx("One. Two.", "en", target="source"),
        ),
        (
            ["--format", "xliff", "--target-lang", "german x"],
            lambda: excerpt.to_xliff("One. Two.", "en", target_lang="german x"),
        ),
        (
            ["--format", "xliff", "--protect", "dates"],
            lambda: excerpt.to_xliff("One. Two.", "en", protect="dates"),
        ),
    ],
)
def test_translation_file_options_fail_as_on_the_command_line(cli, flags, call):
    done = subprocess.run(
        [str(cli.binary), "segment", "--lang", "en", *flags],
        input=b"One. Two.",
        capture_output=True,
    )
    assert done.returncode == 2
    with pytest.raises(ValueError) as err:
        call()
    assert done.stderr.decode().strip() == f"excerpt: {err.value}"


def test_bad_budgets():
    with pytest.raises(ValueError, match="at most one of words, chars and ratio"):
        excerpt.summarize("One. Two.", words=5, chars=40)
    with pytest.raises(ValueError, match="is not a ratio between 0 and 1"):
        excerpt.summarize("One. Two.", ratio=1.5)
    with pytest.raises(ValueError, match="max_chars"):
        excerpt.segment("One. Two.", max_chars=0)
    with pytest.raises(ValueError, match="XLIFF version"):
        excerpt.to_xliff("One. Two.", version="3.0")
    with pytest.raises(OverflowError):
        excerpt.summarize("One. Two.", sentences=-1)
