"""Character and byte offsets on text that is not ASCII."""

import pytest

import excerpt

TEXTS = {
    "emoji": "We won! 🎉🎉 The match ended 3–1. Fans sang 👏🏽 all night. Next game: Friday.",
    "zwj emoji": "The family 👨‍👩‍👧‍👦 arrived. They sat down. 🏳️‍🌈 flags waved.",
    "cjk": "駅前の図書館は午前九時に開きます。土曜日は午後五時までです。詳しくは電話で！",
    "chinese": "地铁新线今天开通。乘客很多，车站很热闹。票价不变？是的。",
    "korean": "도서관이 문을 열었다. 시민들이 많이 왔다. 다음 주에는 강연이 있다.",
    "combining": "Le cafe\u0301 a ouvert. Il e\u0301tait tard. Zoe\u0308 est partie.",
    "decomposed hangul": "\u1100\u1161\u11a8 is one syllable. It has three jamo.",
    "mixed": "Ça va? Très bien. 日本語も。 Ελληνικά εδώ. Русский текст. عربي. Done.",
    "astral": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text. 𠀀𠀁 here. Last one.",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_slices_by_characters_and_bytes(name):
    text = TEXTS[name]
    sentences = excerpt.segment(text)
    assert len(sentences) >= 2, name
    data = text.encode("utf-8")
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert data[s.byte_start : s.byte_end].decode("utf-8") == s.text
        assert s.byte_end - s.byte_start == len(s.text.encode("utf-8"))
        assert s.end - s.start == len(s.text)
    # in order, not overlapping, and only whitespace between them
    for a, b in zip(sentences, sentences[1:]):
        assert a.end <= b.start
        assert text[a.end : b.start].strip() == ""
    assert text[: sentences[0].start].strip() == ""
    assert text[sentences[-1].end :].strip() == ""


def test_known_offsets():
    text = "Ça va? 😀 Oui. 日本語の文です。"
    got = [(s.text, s.start, s.end, s.byte_start, s.byte_end) for s in excerpt.segment(text, "fr")]
    assert got == [
        ("Ça va? 😀", 0, 8, 0, 12),
        ("Oui.", 9, 13, 13, 17),
        ("日本語の文です。", 14, 22, 18, 42),
    ]


def test_summary_offsets_on_non_ascii_text():
    text = (
        "Le café du port rouvre lundi après des travaux. 🎉 "
        "Le café a été repeint et la terrasse agrandie. "
        "Les habitués du café attendaient cette réouverture depuis l'été. "
        "Le maire a salué les travaux du café. Il a plu toute la journée."
    )
    summary = excerpt.summarize(text, sentences=2, lang="fr")
    assert len(summary.sentences) == 2
    data = text.encode("utf-8")
    for s in summary.sentences:
        assert text[s.start : s.end] == s.text
        assert data[s.byte_start : s.byte_end].decode() == s.text
    assert summary.lang == "fr"


def test_empty_and_blank_text():
    assert excerpt.segment("") == []
    assert excerpt.segment("  \n\n ") == []
    assert len(excerpt.summarize("").sentences) == 0
