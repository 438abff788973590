//! One test per phenomenon and per script, with sentences written for
//! these tests.

use excerpt_segment::Segmenter;

fn split(lang: &str, text: &str) -> Vec<String> {
    Segmenter::new(lang)
        .segment(text)
        .map(|s| s.as_str().to_string())
        .collect()
}

fn check(lang: &str, text: &str, expected: &[&str]) {
    assert_eq!(split(lang, text), expected, "lang {lang}, text {text:?}");
}

#[test]
fn abbreviation_inside_versus_at_the_end() {
    check(
        "en",
        "We met Prof. Gray at the lab. He was busy.",
        &["We met Prof. Gray at the lab.", "He was busy."],
    );
    check(
        "en",
        "They sell tea, coffee, etc. at the corner shop.",
        &["They sell tea, coffee, etc. at the corner shop."],
    );
    check(
        "en",
        "They sell tea, coffee, etc. We buy none of it.",
        &["They sell tea, coffee, etc.", "We buy none of it."],
    );
    check(
        "de",
        "Wir kaufen Obst, Gemüse usw. im Laden.",
        &["Wir kaufen Obst, Gemüse usw. im Laden."],
    );
    check(
        "fr",
        "Mme Roux habite au n° 12. Elle est partie.",
        &["Mme Roux habite au n° 12.", "Elle est partie."],
    );
}

#[test]
fn initials() {
    check(
        "en",
        "The novel by C. S. Lewis sold well. Readers loved it.",
        &["The novel by C. S. Lewis sold well.", "Readers loved it."],
    );
    check(
        "en",
        "It was written by Mary K. Rowe in May.",
        &["It was written by Mary K. Rowe in May."],
    );
}

#[test]
fn initialisms() {
    check(
        "en",
        "She moved to the U.K. last spring.",
        &["She moved to the U.K. last spring."],
    );
    check(
        "en",
        "She moved to the U.K. It rained daily.",
        &["She moved to the U.K.", "It rained daily."],
    );
    check(
        "en",
        "The U.N. Security Council met today.",
        &["The U.N. Security Council met today."],
    );
}

#[test]
fn numbers_decimals_and_ordinals() {
    check(
        "en",
        "The rate rose to 4.75 percent. Markets fell.",
        &["The rate rose to 4.75 percent.", "Markets fell."],
    );
    check("en", "See p. 12 for details.", &["See p. 12 for details."]);
    check(
        "de",
        "Das Fest beginnt am 3. Oktober in Bonn.",
        &["Das Fest beginnt am 3. Oktober in Bonn."],
    );
    check(
        "de",
        "Er wurde 5. in der Wertung. Danach ging er.",
        &["Er wurde 5. in der Wertung.", "Danach ging er."],
    );
    check(
        "de",
        "Er kam auf Platz 12. Dann regnete es.",
        &["Er kam auf Platz 12.", "Dann regnete es."],
    );
    check(
        "fr",
        "Le 1er mai est férié. Les magasins ferment.",
        &["Le 1er mai est férié.", "Les magasins ferment."],
    );
    check(
        "cs",
        "Narodil se 4. května v Brně.",
        &["Narodil se 4. května v Brně."],
    );
}

#[test]
fn dates_and_times() {
    check(
        "en",
        "The train leaves at 6:15 p.m. on weekdays.",
        &["The train leaves at 6:15 p.m. on weekdays."],
    );
    check(
        "en",
        "The shop opened on 12.03.2021 in Leeds. It closed later.",
        &[
            "The shop opened on 12.03.2021 in Leeds.",
            "It closed later.",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "en",
        "Well... maybe tomorrow.",
        &["Well... maybe tomorrow."],
    );
    check(
        "en",
        "I waited and waited… Nobody came.",
        &["I waited and waited…", "Nobody came."],
    );
    check(
        "en",
        "He paused . . . and then went on.",
        &["He paused . . . and then went on."],
    );
}

#[test]
fn omission_marks_between_quoted_sentences() {
    // Press quotations join two sentences with "(...)" or "[...]": a
    // capitalised word after it starts a new sentence, a name included.
    check(
        "fr",
        "\"Nous avons tout perdu (...) Nous repartirons de zéro\", a-t-il dit.",
        &[
            "\"Nous avons tout perdu (...)",
            "Nous repartirons de zéro\", a-t-il dit.",
        ],
    );
    check(
        "fr",
        "Elle parle de la ville (…) Marie Leroux lui a répondu.",
        &["Elle parle de la ville (…)", "Marie Leroux lui a répondu."],
    );
    check(
        "fr",
        "Le pont est fermé (...) C'est la troisième fois.",
        &["Le pont est fermé (...)", "C'est la troisième fois."],
    );
    check(
        "en",
        "We sold the old farm [...] The village is empty now.",
        &["We sold the old farm [...]", "The village is empty now."],
    );
    // A terminator after the mark ends the sentence.
    check(
        "fr",
        "Le pont est fermé (...). Les bus font un détour.",
        &["Le pont est fermé (...).", "Les bus font un détour."],
    );
    check(
        "en",
        "We sold the old farm [...]. Then we moved.",
        &["We sold the old farm [...].", "Then we moved."],
    );
    // Not an end: a lower-case word, a mark that opens the sentence, a
    // closing quote and a cited source, a lone "I".
    check(
        "fr",
        "Le pont est fermé (...) et les bus font un détour.",
        &["Le pont est fermé (...) et les bus font un détour."],
    );
    check(
        "fr",
        "\"(...) Nous repartirons\", a-t-il dit.",
        &["\"(...) Nous repartirons\", a-t-il dit."],
    );
    check(
        "en",
        "\"We kept the old maps [...]\" (Lane 40).",
        &["\"We kept the old maps [...]\" (Lane 40)."],
    );
    check(
        "en",
        "She wrote that [...] I was late again.",
        &["She wrote that [...] I was late again."],
    );
    check(
        "fr",
        "Le rapport cite (...) ONU et OMS sans nuance.",
        &["Le rapport cite (...) ONU et OMS sans nuance."],
    );
}

#[test]
fn repeated_and_mixed_terminators() {
    check(
        "en",
        "You did what?! Unbelievable!! Really?",
        &["You did what?!", "Unbelievable!!", "Really?"],
    );
    check(
        "en",
        "Is this a joke‽ It is not.",
        &["Is this a joke‽", "It is not."],
    );
}

#[test]
fn closing_quotes_and_brackets_after_the_terminator() {
    check(
        "en",
        "He said \"Go home.\" Then he left.",
        &["He said \"Go home.\"", "Then he left."],
    );
    check(
        "en",
        "It was late (nearly midnight.) We slept.",
        &["It was late (nearly midnight.)", "We slept."],
    );
    check(
        "fr",
        "Il a dit : « C'est fini. » Puis il est parti.",
        &["Il a dit : « C'est fini. »", "Puis il est parti."],
    );
    check(
        "de",
        "Sie rief: „Komm her!“ Dann lachte sie.",
        &["Sie rief: „Komm her!“", "Dann lachte sie."],
    );
}

#[test]
fn a_quotation_that_closes_after_an_abbreviation_ends_the_sentence() {
    check(
        "en",
        "\"Sure, Ed.\" Morgan opened the door. She met Ed. Morgan at noon.",
        &[
            "\"Sure, Ed.\"",
            "Morgan opened the door.",
            "She met Ed. Morgan at noon.",
        ],
    );
    check(
        "en",
        "The shop was called \u{201c}Wood & Co.\u{201d} It closed in May.",
        &[
            "The shop was called \u{201c}Wood & Co.\u{201d}",
            "It closed in May.",
        ],
    );
}

#[test]
fn quoted_sentence_inside_a_sentence() {
    check(
        "en",
        "\"Where are you?\" she asked quietly.",
        &["\"Where are you?\" she asked quietly."],
    );
    check(
        "en",
        "'We lost.' he wrote in his diary.",
        &["'We lost.' he wrote in his diary."],
    );
    check(
        "de",
        "„Es regnet. Wir bleiben hier“, sagte sie.",
        &["„Es regnet. Wir bleiben hier“, sagte sie."],
    );
}

#[test]
fn parentheses() {
    check(
        "en",
        "The plan (see the annex. it is short) was approved.",
        &["The plan (see the annex. it is short) was approved."],
    );
    // A bracket that closes right after a terminator ("etc.)", "(...)")
    // is closed: a later bracket does not keep the next end inside one.
    check(
        "en",
        "She packed everything (books, records, etc.) into boxes. We helped her (a little).",
        &[
            "She packed everything (books, records, etc.) into boxes.",
            "We helped her (a little).",
        ],
    );
    check(
        "fr",
        "Les élèves (...) ont tous réussi. Le maire (Paul) les a félicités.",
        &[
            "Les élèves (...) ont tous réussi.",
            "Le maire (Paul) les a félicités.",
        ],
    );
    check(
        "fr",
        "\"Ils manquent de tout (...) ils attendent (des masques, des gants)\", a dit \"Médecins Unis\". \"Il faut agir (vite)\", a-t-il ajouté.",
        &[
            "\"Ils manquent de tout (...) ils attendent (des masques, des gants)\", a dit \"Médecins Unis\".",
            "\"Il faut agir (vite)\", a-t-il ajouté.",
        ],
    );
    check(
        "zh",
        "我们看了《再见！朋友》这部电影。很好看。",
        &["我们看了《再见！朋友》这部电影。", "很好看。"],
    );
}

#[test]
fn numbered_lettered_and_bulleted_lists() {
    check(
        "en",
        "Steps:\n1. Open the box\n2. Remove the cable\n3. Plug it in",
        &[
            "Steps:",
            "1. Open the box",
            "2. Remove the cable",
            "3. Plug it in",
        ],
    );
    check(
        "en",
        "1. Wash the rice 2. Boil the water 3. Cook",
        &["1. Wash the rice", "2. Boil the water", "3. Cook"],
    );
    check(
        "en",
        "a) red apples b) green pears",
        &["a) red apples", "b) green pears"],
    );
    check(
        "en",
        "Buy:\n• bread\n• milk",
        &["Buy:", "• bread", "• milk"],
    );
    check(
        "en",
        "- first point\n- second point",
        &["- first point", "- second point"],
    );
}

#[test]
fn headings_without_final_punctuation() {
    check(
        "en",
        "Annual Report\n\nSales grew last year. Costs fell.",
        &["Annual Report", "Sales grew last year.", "Costs fell."],
    );
    check(
        "en",
        "Introduction\nThis chapter explains how the tool reads its input files and writes output.",
        &[
            "Introduction",
            "This chapter explains how the tool reads its input files and writes output.",
        ],
    );
}

#[test]
fn urls_emails_file_names_versions_and_code() {
    check(
        "en",
        "Visit https://docs.example.org/guide/v2.html today. It helps.",
        &[
            "Visit https://docs.example.org/guide/v2.html today.",
            "It helps.",
        ],
    );
    check(
        "en",
        "Write to anna.berg@mail.example.net. She answers fast.",
        &["Write to anna.berg@mail.example.net.", "She answers fast."],
    );
    check(
        "en",
        "Open config.yaml and set the port. Save it.",
        &["Open config.yaml and set the port.", "Save it."],
    );
    check(
        "en",
        "Upgrade to version 2.10.3 now. It fixes a bug.",
        &["Upgrade to version 2.10.3 now.", "It fixes a bug."],
    );
    check(
        "en",
        "Call os.path.join() to build the path. Then read it.",
        &["Call os.path.join() to build the path.", "Then read it."],
    );
}

#[test]
fn emoticons_and_emoji() {
    check(
        "en",
        "Great party last night 🎉 See you soon!",
        &["Great party last night 🎉", "See you soon!"],
    );
    check(
        "en",
        "That was fun :) We should go again.",
        &["That was fun :)", "We should go again."],
    );
    check(
        "en",
        "Loved it! 😍 Thanks a lot.",
        &["Loved it! 😍", "Thanks a lot."],
    );
}

#[test]
fn hard_wrapped_text_versus_one_sentence_per_line() {
    let wrapped = "The committee met on a cold morning and agreed\nthat the bridge should be repaired before the\nwinter storms arrived in the valley.";
    assert_eq!(split("en", wrapped).len(), 1);
    let per_line =
        "Short first line\nA much longer second line that goes on and on without an end\nThird";
    assert_eq!(split("en", per_line).len(), 3);
    let seg = Segmenter::builder("en").newline_boundary(true).build();
    assert_eq!(seg.segment(wrapped).count(), 3);
}

#[test]
fn crlf_and_lone_cr() {
    check(
        "en",
        "One line.\r\nTwo line.\r\n\r\nNew part.",
        &["One line.", "Two line.", "New part."],
    );
    let got: Vec<usize> = Segmenter::new("en")
        .segment("A.\r\rB.")
        .map(|s| s.paragraph())
        .collect();
    assert_eq!(got, [0, 1]);
}

#[test]
fn glued_sentences_in_scraped_text() {
    check(
        "fr",
        "Nous avons traversé les Alpes.Ensuite nous sommes rentrés.",
        &[
            "Nous avons traversé les Alpes.",
            "Ensuite nous sommes rentrés.",
        ],
    );
    check(
        "en",
        "See example.com and pi is 3.14 exactly.",
        &["See example.com and pi is 3.14 exactly."],
    );
    check(
        "en",
        "The app uses Node.js on the server.",
        &["The app uses Node.js on the server."],
    );
    // A word that is also a top-level domain starts a sentence after a
    // lower-case word; after a host name it is the domain.
    check(
        "fr",
        "Il est resté trois jours.Au retour, il neigeait.",
        &["Il est resté trois jours.", "Au retour, il neigeait."],
    );
    check(
        "en",
        "Read it on Dailyfeed.Com today.",
        &["Read it on Dailyfeed.Com today."],
    );
    check(
        "en",
        "Read it on example.NET today.",
        &["Read it on example.NET today."],
    );
    // After a capitalised word too: a capitalised two-letter word is a
    // sentence opener, not a country code.
    check(
        "fr",
        "Il a écrit à Mme Lambert.De son côté, elle a refusé.",
        &["Il a écrit à Mme Lambert.", "De son côté, elle a refusé."],
    );
    check(
        "en",
        "We finally reached Lisbon.It was raining.",
        &["We finally reached Lisbon.", "It was raining."],
    );
    // Code: a class member ("Console.WriteLine") and names with inner
    // periods stay whole.
    check(
        "en",
        "Call Console.WriteLine to print the total.",
        &["Call Console.WriteLine to print the total."],
    );
    check(
        "en",
        "She got her Ph.D. in Ohio and works on ASP.NET sites.",
        &["She got her Ph.D. in Ohio and works on ASP.NET sites."],
    );
    // "Re." (regarding; a reinsurer's name) is not a title: a capitalised
    // word after it starts a sentence.
    check(
        "en",
        "The warning came from the reinsurer Hanse Re. Losses from storms doubled.",
        &[
            "The warning came from the reinsurer Hanse Re.",
            "Losses from storms doubled.",
        ],
    );
    // Two apostrophes used as a double quotation mark open a quotation.
    check(
        "en",
        "The club lost the appeal. ''We will fight on,'' said the coach.",
        &[
            "The club lost the appeal.",
            "''We will fight on,'' said the coach.",
        ],
    );
    // Quotation marks on either side of the glued period.
    check(
        "fr",
        "Elle a parlé aux voisins.\"Nous partirons demain\", a-t-elle dit.",
        &[
            "Elle a parlé aux voisins.",
            "\"Nous partirons demain\", a-t-elle dit.",
        ],
    );
    check(
        "fr",
        "Il a cité la \"vieille usine\".\"Personne ne viendra\", a-t-il dit.",
        &[
            "Il a cité la \"vieille usine\".",
            "\"Personne ne viendra\", a-t-il dit.",
        ],
    );
}

#[test]
fn blank_line_always_ends_a_sentence() {
    let got: Vec<(String, usize)> = Segmenter::new("en")
        .segment("no end here\n\nand here Mr.\n\nthird")
        .map(|s| (s.as_str().to_string(), s.paragraph()))
        .collect();
    assert_eq!(
        got,
        [
            ("no end here".into(), 0),
            ("and here Mr.".into(), 1),
            ("third".into(), 2)
        ]
    );
}

#[test]
fn user_abbreviations_extend_the_language() {
    let seg = Segmenter::builder("en")
        .abbreviations(excerpt_segment::parse_abbreviations("# mine\nRmdr.\n"))
        .build();
    let got: Vec<&str> = seg
        .segment("Pay the rmdr. in cash.")
        .map(|s| s.as_str())
        .collect();
    assert_eq!(got, ["Pay the rmdr. in cash."]);
}

#[test]
fn max_chars_splits_at_a_clause_boundary() {
    let seg = Segmenter::builder("en").max_chars(Some(40)).build();
    let got: Vec<&str> = seg
        .segment("The storm closed the roads, and the schools stayed shut all week.")
        .map(|s| s.as_str())
        .collect();
    assert_eq!(
        got,
        [
            "The storm closed the roads,",
            "and the schools stayed shut all week."
        ]
    );
}

#[test]
fn unknown_language_uses_generic_rules() {
    check(
        "xx",
        "First one. Second one?",
        &["First one.", "Second one?"],
    );
    check("", "Alone.", &["Alone."]);
}

// ---------------------------------------------------------------- scripts

#[test]
fn cyrillic() {
    check(
        "ru",
        "Он приехал в 1998 г. в Москву. Там он остался.",
        &["Он приехал в 1998 г. в Москву.", "Там он остался."],
    );
    check(
        "ru",
        "Лекция проф. Иванова началась. Все слушали.",
        &["Лекция проф. Иванова началась.", "Все слушали."],
    );
    check(
        "uk",
        "Ми купили хліб, молоко тощо. Потім пішли додому.",
        &["Ми купили хліб, молоко тощо.", "Потім пішли додому."],
    );
}

#[test]
fn greek_question_mark() {
    check("el", "Πού πας; Στο σπίτι.", &["Πού πας;", "Στο σπίτι."]);
    check(
        "el",
        "Πού πας\u{37e} Στο σπίτι.",
        &["Πού πας\u{37e}", "Στο σπίτι."],
    );
}

#[test]
fn armenian() {
    check(
        "hy",
        "Ես տուն գնացի։ Նա մնաց։",
        &["Ես տուն գնացի։", "Նա մնաց։"],
    );
    check(
        "hy",
        "Ես տուն գնացի: Նա մնաց:",
        &["Ես տուն գնացի:", "Նա մնաց:"],
    );
}

#[test]
fn georgian() {
    check(
        "ka",
        "ის სახლში წავიდა. მე დავრჩი.",
        &["ის სახლში წავიდა.", "მე დავრჩი."],
    );
}

#[test]
fn arabic_persian_urdu() {
    check(
        "ar",
        "هل أنت بخير؟ نعم أنا بخير.",
        &["هل أنت بخير؟", "نعم أنا بخير."],
    );
    check(
        "fa",
        "کجا می‌روی؟ به خانه می‌روم.",
        &["کجا می‌روی؟", "به خانه می‌روم."],
    );
    check(
        "ur",
        "وہ گھر گیا۔ میں یہاں رہا۔",
        &["وہ گھر گیا۔", "میں یہاں رہا۔"],
    );
}

#[test]
fn hebrew() {
    check(
        "he",
        "הוא הלך הביתה. אני נשארתי.",
        &["הוא הלך הביתה.", "אני נשארתי."],
    );
}

#[test]
fn devanagari_and_other_indic_scripts() {
    check(
        "hi",
        "वह घर गया। मैं यहीं रहा॥ फिर बारिश हुई।",
        &["वह घर गया।", "मैं यहीं रहा॥", "फिर बारिश हुई।"],
    );
    check("bn", "সে বাড়ি গেল। আমি থাকলাম।", &["সে বাড়ি গেল।", "আমি থাকলাম।"]);
    check("mr", "तो घरी गेला. मी थांबलो.", &["तो घरी गेला.", "मी थांबलो."]);
}

#[test]
fn ethiopic() {
    check("am", "ወደ ቤት ሄደ። ደህና ነህ፧", &["ወደ ቤት ሄደ።", "ደህና ነህ፧"]);
    check("am", "ወደ ቤት ሄደ።ደህና ነህ፧", &["ወደ ቤት ሄደ።", "ደህና ነህ፧"]);
}

#[test]
fn myanmar() {
    check(
        "my",
        "သူ အိမ်ပြန်သွားတယ်။ ကျွန်တော် နေခဲ့တယ်။",
        &["သူ အိမ်ပြန်သွားတယ်။", "ကျွန်တော် နေခဲ့တယ်။"],
    );
}

#[test]
fn khmer() {
    check("km", "គាត់ទៅផ្ទះ។ខ្ញុំនៅទីនេះ៕", &["គាត់ទៅផ្ទះ។", "ខ្ញុំនៅទីនេះ៕"]);
}

#[test]
fn tibetan() {
    check(
        "bo",
        "ཁོ་ཁྱིམ་ལ་སོང་། ང་འདིར་བསྡད། ",
        &["ཁོ་ཁྱིམ་ལ་སོང་།", "ང་འདིར་བསྡད།"],
    );
}

#[test]
fn chinese_and_japanese() {
    check(
        "zh",
        "今天下雨了。我们不去公园！你呢？",
        &["今天下雨了。", "我们不去公园！", "你呢？"],
    );
    check(
        "ja",
        "雨が降った｡今日は家にいる!明日は?",
        &["雨が降った｡", "今日は家にいる!", "明日は?"],
    );
    check(
        "ja",
        "彼は「もう帰る。」と言った。",
        &["彼は「もう帰る。」と言った。"],
    );
    check(
        "ja",
        "価格は３．５倍になった。",
        &["価格は３．５倍になった。"],
    );
}

#[test]
fn korean() {
    check(
        "ko",
        "그는 집에 갔다. 나는 남았다.",
        &["그는 집에 갔다.", "나는 남았다."],
    );
}

#[test]
fn thai_splits_only_at_explicit_marks() {
    // Thai has no sentence punctuation; spaces separate phrases too, so the
    // segmenter keeps a line together and splits at line breaks.
    check("th", "ฉันไปตลาด แล้วกลับบ้าน", &["ฉันไปตลาด แล้วกลับบ้าน"]);
    check("th", "ฉันไปตลาด\n\nแล้วกลับบ้าน", &["ฉันไปตลาด", "แล้วกลับบ้าน"]);
}

#[test]
fn footnote_marks_stay_with_their_sentence() {
    check(
        "en",
        "The canal opened in 1825.[4] Trade grew fast.",
        &["The canal opened in 1825.[4]", "Trade grew fast."],
    );
    check(
        "en",
        "It was \"a great loss.\" [12] Nobody came.",
        &["It was \"a great loss.\" [12]", "Nobody came."],
    );
    // An omission mark after the end belongs to the sentence it cuts.
    check(
        "en",
        "The talks went on for hours. […] Nobody left early.",
        &["The talks went on for hours. […]", "Nobody left early."],
    );
    check(
        "en",
        "The rule is old.3 Courts still apply it.",
        &["The rule is old.3", "Courts still apply it."],
    );
}

#[test]
fn semicolon_before_a_sentence_starter() {
    check(
        "es",
        "Compró pan; El resto lo pagó ella.",
        &["Compró pan;", "El resto lo pagó ella."],
    );
    check(
        "en",
        "We were late; I waited outside.",
        &["We were late; I waited outside."],
    );
    check(
        "en",
        "It rained; the match went on.",
        &["It rained; the match went on."],
    );
}

#[test]
fn colon_before_a_sentence_starter() {
    check(
        "it",
        "La risposta del sindaco è stata chiara: Il progetto non si farà.",
        &[
            "La risposta del sindaco è stata chiara:",
            "Il progetto non si farà.",
        ],
    );
    check(
        "en",
        "Anna: We should leave now.",
        &["Anna: We should leave now."],
    );
    check(
        "en",
        "The rule was simple: the last one out locks the door.",
        &["The rule was simple: the last one out locks the door."],
    );
    check(
        "de",
        "Er sagte leise zu ihr: „Das reicht.“",
        &["Er sagte leise zu ihr: „Das reicht.“"],
    );
}

#[test]
fn colon_inside_a_title_with_a_subtitle() {
    // capitalised word before the colon, two capitalised words after it
    check(
        "en",
        "Last winter, The Island Of the Swans: The Long Return was named the best play.",
        &["Last winter, The Island Of the Swans: The Long Return was named the best play."],
    );
    // a capitalised word before the colon, but a sentence after it
    check(
        "it",
        "La risposta di Marco Rossi è arrivata da Roma: Il progetto non si farà.",
        &[
            "La risposta di Marco Rossi è arrivata da Roma:",
            "Il progetto non si farà.",
        ],
    );
}

#[test]
fn french_spaced_question_mark_after_an_abbreviation_or_ellipsis() {
    check(
        "fr",
        "Faut-il encore parler des U.S.A. ? Personne ne le croit.",
        &[
            "Faut-il encore parler des U.S.A. ?",
            "Personne ne le croit.",
        ],
    );
    check(
        "fr",
        "Et il est reparti sans payer... ! Quelle histoire.",
        &["Et il est reparti sans payer... !", "Quelle histoire."],
    );
}

#[test]
fn trailing_ellipsis_before_a_dash_and_the_narrators_words() {
    check(
        "pl",
        "- Chciałem tylko zapytać... - zaczął cicho i umilkł. Nikt nie odpowiedział.",
        &[
            "- Chciałem tylko zapytać... - zaczął cicho i umilkł.",
            "Nikt nie odpowiedział.",
        ],
    );
    check(
        "pt",
        "Não sei mais nada... -- disse ela. Depois calou-se.",
        &["Não sei mais nada... -- disse ela.", "Depois calou-se."],
    );
    // a dash before a capital opens the next line of dialogue
    check(
        "pl",
        "- Nie wiem... - Ale ja wiem.",
        &["- Nie wiem...", "- Ale ja wiem."],
    );
}

#[test]
fn english_titles_inside_other_languages() {
    check(
        "pt",
        "O filme conta a vida de Mr. Bean em Londres. Estreia amanhã.",
        &[
            "O filme conta a vida de Mr. Bean em Londres.",
            "Estreia amanhã.",
        ],
    );
    check(
        "fr",
        "Le rôle de Mrs. Dalloway revient à une actrice anglaise.",
        &["Le rôle de Mrs. Dalloway revient à une actrice anglaise."],
    );
}

#[test]
fn closing_formulas_of_letters() {
    check(
        "en",
        "The draft is attached. Kind regards, Tom Hale",
        &["The draft is attached.", "Kind regards,", "Tom Hale"],
    );
    check(
        "de",
        "Bis morgen dann. Viele Grüße, Anke",
        &["Bis morgen dann.", "Viele Grüße,", "Anke"],
    );
    // a closing word that goes on in lower case is an ordinary sentence
    check(
        "en",
        "Thanks, that helps a lot.",
        &["Thanks, that helps a lot."],
    );
    // inside a sentence the phrase is just words
    check(
        "en",
        "She sent her best regards, Mark said later.",
        &["She sent her best regards, Mark said later."],
    );
}

#[test]
fn mail_header_date_and_time_stamps() {
    check(
        "en",
        "See you at the depot. Maria Lopez 11/03/2004 09:15 AM Please send the invoice today.",
        &[
            "See you at the depot.",
            "Maria Lopez",
            "11/03/2004 09:15 AM",
            "Please send the invoice today.",
        ],
    );
    check(
        "en",
        "Posted by Tom Hale 2/7/2009 10:02:33 PM thanks for reading",
        &[
            "Posted by Tom Hale",
            "2/7/2009 10:02:33 PM",
            "thanks for reading",
        ],
    );
    // a stamp that prose leads into stays in its sentence
    check(
        "en",
        "The parcel left the warehouse on 5/12/2010 14:20 and arrived late.",
        &["The parcel left the warehouse on 5/12/2010 14:20 and arrived late."],
    );
    // a time without a date is no stamp
    check(
        "en",
        "We met Anna 10:30 AM sharp at the gate.",
        &["We met Anna 10:30 AM sharp at the gate."],
    );
}

#[test]
fn quoted_statement_after_a_colon_in_portuguese_and_italian() {
    check(
        "pt",
        "A ministra respondeu aos jornalistas: «Não há dinheiro para isso.» E saiu.",
        &[
            "A ministra respondeu aos jornalistas:",
            "«Não há dinheiro para isso.»",
            "E saiu.",
        ],
    );
    check(
        "it",
        "Il portavoce ha aggiunto: \"Nessuno sarà lasciato solo.\"",
        &[
            "Il portavoce ha aggiunto:",
            "\"Nessuno sarà lasciato solo.\"",
        ],
    );
    // a quoted phrase in lower case belongs to the sentence
    check(
        "pt",
        "Os pais repetiam a mesma queixa: «não temos tempo» para nada.",
        &["Os pais repetiam a mesma queixa: «não temos tempo» para nada."],
    );
    // other languages keep the quotation inside the sentence
    check(
        "es",
        "El alcalde dijo a la prensa: «No habrá más cortes.»",
        &["El alcalde dijo a la prensa: «No habrá más cortes.»"],
    );
}

#[test]
fn contracted_prepositions_and_verbs_open_sentences_in_italian_and_portuguese() {
    // a preposition fused with an article, or a verb, capitalised after a
    // colon: the colon closed a sentence and a new one begins
    check(
        "it",
        "Il quadro era evidente a tutti: Nella sala non restava nessuno.",
        &[
            "Il quadro era evidente a tutti:",
            "Nella sala non restava nessuno.",
        ],
    );
    check(
        "it",
        "Il tecnico lo aveva previsto da mesi: Ha vinto la squadra più giovane.",
        &[
            "Il tecnico lo aveva previsto da mesi:",
            "Ha vinto la squadra più giovane.",
        ],
    );
    check(
        "pt",
        "O resultado ficou claro para todos: Na cidade ninguém votou nele.",
        &[
            "O resultado ficou claro para todos:",
            "Na cidade ninguém votou nele.",
        ],
    );
    // a name after the colon stays in the sentence
    check(
        "it",
        "Il vincitore della gara di ieri è uno solo: Marco Bellini.",
        &["Il vincitore della gara di ieri è uno solo: Marco Bellini."],
    );
}

#[test]
fn host_names_brackets_after_abbreviations_and_dutch_quotes() {
    check(
        "en",
        "Posted via Mailhub.Com today. Read it.",
        &["Posted via Mailhub.Com today.", "Read it."],
    );
    check(
        "en",
        "The call is at 9 a.m. (EST) on Monday.",
        &["The call is at 9 a.m. (EST) on Monday."],
    );
    check(
        "nl",
        "Hij was moe. ,,We gaan naar huis'', zei hij.",
        &["Hij was moe.", ",,We gaan naar huis'', zei hij."],
    );
}

#[test]
fn units_brackets_and_spacers_after_a_period() {
    check(
        "es",
        "La densidad era de 12 hab. /km² en 1900. Luego creció.",
        &["La densidad era de 12 hab. /km² en 1900.", "Luego creció."],
    );
    check(
        "ru",
        "Иван Петров (род. 1950 г.) -- русский поэт.",
        &["Иван Петров (род. 1950 г.) -- русский поэт."],
    );
    check(
        "pl",
        "Plan jest prosty. - najpierw zakupy.",
        &["Plan jest prosty.", "- najpierw zakupy."],
    );
    check(
        "ru",
        "Было холодно. \u{2800}Потом потеплело.",
        &["Было холодно. \u{2800}", "Потом потеплело."],
    );
}

#[test]
fn ascii_terminators_between_chinese_or_japanese_characters() {
    check(
        "ja",
        "これは何?2010年に作った。",
        &["これは何?", "2010年に作った。"],
    );
    check("zh", "他走了..我们留下。", &["他走了..", "我们留下。"]);
}

#[test]
fn lower_case_sentence_after_a_long_number() {
    check(
        "it",
        "Il conto era di 1.250. poi abbiamo pagato.",
        &["Il conto era di 1.250.", "poi abbiamo pagato."],
    );
    check(
        "de",
        "Er wurde am 12. mai geboren.",
        &["Er wurde am 12. mai geboren."],
    );
}

#[test]
fn german_ordinals_before_capitalised_nouns() {
    check(
        "de",
        "Das Büro liegt im 4. Stock des Hauses.",
        &["Das Büro liegt im 4. Stock des Hauses."],
    );
    check(
        "de",
        "Lies Kapitel 7. Dann reden wir.",
        &["Lies Kapitel 7.", "Dann reden wir."],
    );
    check(
        "es",
        "El caso Smith v. Jones fue famoso.",
        &["El caso Smith v. Jones fue famoso."],
    );
}

#[test]
fn chinese_opening_quote_after_a_full_stop() {
    check(
        "zh",
        "会议结束了。“明天见”是他的话。",
        &["会议结束了。", "“明天见”是他的话。"],
    );
}

#[test]
fn arabic_colon_ends_only_an_opening_label() {
    // a short label that opens the paragraph is a segment of its own
    check(
        "ar",
        "نشرة الطقس: يسود طقس حار اليوم. وتهب رياح خفيفة.",
        &["نشرة الطقس:", "يسود طقس حار اليوم.", "وتهب رياح خفيفة."],
    );
    // a colon that introduces a quotation or a statement stays inside
    check(
        "ar",
        "وقال المدير في المؤتمر الصحفي: إن العمل سيبدأ غدا. ثم غادر القاعة.",
        &[
            "وقال المدير في المؤتمر الصحفي: إن العمل سيبدأ غدا.",
            "ثم غادر القاعة.",
        ],
    );
    check(
        "ar",
        "قال: \"سنعود قريبا\". ثم ابتسم. وأضاف: لدينا ثلاثة أهداف.",
        &[
            "قال: \"سنعود قريبا\".",
            "ثم ابتسم.",
            "وأضاف: لدينا ثلاثة أهداف.",
        ],
    );
}

#[test]
fn dravidian_initials_do_not_end_sentences() {
    // one-syllable initials before a name, and dotted initials of a party
    check(
        "ta",
        "நேற்று கே. முருகன் சென்னைக்கு வந்தார். அவர் பி.ஜே.க. கூட்டத்தில் பேசினார்.",
        &[
            "நேற்று கே. முருகன் சென்னைக்கு வந்தார்.",
            "அவர் பி.ஜே.க. கூட்டத்தில் பேசினார்.",
        ],
    );
    // a closed syllable ("எம்", "ஆர்") is an initial next to another one
    check(
        "ta",
        "விழாவில் எம். ஆர். ராதா பாடினார். மக்கள் மகிழ்ந்தனர்.",
        &["விழாவில் எம். ஆர். ராதா பாடினார்.", "மக்கள் மகிழ்ந்தனர்."],
    );
    check(
        "te",
        "ఈ సినిమాను ఎన్. టి. రాజు తీశారు. అది బాగా ఆడింది.",
        &["ఈ సినిమాను ఎన్. టి. రాజు తీశారు.", "అది బాగా ఆడింది."],
    );
}

#[test]
fn lithuanian_units_after_numbers_go_on() {
    check(
        "lt",
        "Remontas kainavo 45 tūkst. eurų. Darbai baigti 2019 m. rugsėjo 3 d. Vilniuje.",
        &[
            "Remontas kainavo 45 tūkst. eurų.",
            "Darbai baigti 2019 m. rugsėjo 3 d. Vilniuje.",
        ],
    );
    check(
        "lt",
        "Projektui skirta 12 mln. EUR iš fondo. Jis truks metus.",
        &["Projektui skirta 12 mln. EUR iš fondo.", "Jis truks metus."],
    );
}

#[test]
fn spaced_low_high_quotation_close() {
    // „…“ quotations: a closing “ set apart by a space still closes
    check(
        "lt",
        "Jis pasakė: „Grįšiu rytoj. “ Paskui išėjo.",
        &["Jis pasakė: „Grįšiu rytoj. “", "Paskui išėjo."],
    );
}

#[test]
fn polish_rank_before_a_name() {
    check(
        "pl",
        "Rozmawiał z nim podkom. J. Kowalski z komendy. Potem wyszli.",
        &[
            "Rozmawiał z nim podkom. J. Kowalski z komendy.",
            "Potem wyszli.",
        ],
    );
}

#[test]
fn section_numbers_after_a_colon_start_items() {
    check(
        "lt",
        "Nustatoma: 1.1. tvarka taikoma visiems; 1.2. ji galioja metus.",
        &[
            "Nustatoma:",
            "1.1. tvarka taikoma visiems;",
            "1.2. ji galioja metus.",
        ],
    );
    check(
        "en",
        "The rules are: 2.1. Apply early; 2.2. Pay the fee.",
        &["The rules are:", "2.1. Apply early;", "2.2. Pay the fee."],
    );
    // a decimal or a grouped number is not an item
    check(
        "en",
        "The rate was: 2.5. Then it fell.",
        &["The rate was: 2.5.", "Then it fell."],
    );
}

#[test]
fn reporting_clause_after_a_quotation_in_a_caseless_script() {
    // a two-word clause that reports the quotation belongs to it
    check(
        "mr",
        "\"तू कुठे होतास?\" आईने विचारले. मी काहीच बोललो नाही.",
        &["\"तू कुठे होतास?\" आईने विचारले.", "मी काहीच बोललो नाही."],
    );
    // a longer sentence after the quotation is a sentence of its own
    check(
        "mr",
        "\"मी उद्या येईन.\" दुसऱ्या दिवशी तो खरोखर आला.",
        &["\"मी उद्या येईन.\"", "दुसऱ्या दिवशी तो खरोखर आला."],
    );
}

#[test]
fn ideographic_full_stop_inside_a_quotation_ends_a_sentence() {
    // several sentences quoted in one pair of brackets
    check(
        "ja",
        "監督は「今日は負けた。明日は勝つ」と話した。選手も同じ考えだ。",
        &[
            "監督は「今日は負けた。",
            "明日は勝つ」と話した。",
            "選手も同じ考えだ。",
        ],
    );
    // a quotation that ends with its own full stop and goes on
    check(
        "ja",
        "彼は「行きます。」と言った。",
        &["彼は「行きます。」と言った。"],
    );
}

#[test]
fn spaced_marks_after_an_end_belong_to_it() {
    check(
        "ja",
        "本当に行くのですか ？ 」 彼は笑った。",
        &["本当に行くのですか ？ 」", "彼は笑った。"],
    );
    check(
        "ja",
        "それは驚きだった ... 。 次の日は雨だった。",
        &["それは驚きだった ... 。", "次の日は雨だった。"],
    );
}

#[test]
fn khmer_ends_with_its_own_full_stop() {
    // an ellipsis marks an open list; the khan set apart by a space ends
    check(
        "km",
        "គាត់ទិញផ្លែឈើ ត្រី សាច់... ។ ខ្ញុំនៅផ្ទះ។",
        &["គាត់ទិញផ្លែឈើ ត្រី សាច់... ។", "ខ្ញុំនៅផ្ទះ។"],
    );
    // a period glued between two words ends a sentence, not after an initial
    check("km", "ខ្ញុំទៅសាលារៀន.ថ្ងៃនេះភ្លៀង។", &["ខ្ញុំទៅសាលារៀន.", "ថ្ងៃនេះភ្លៀង។"]);
}

#[test]
fn german_clause_after_a_colon_stays_in_its_sentence() {
    check(
        "de",
        "Die Studie zeigt etwas Neues: Die Preise steigen weiter. Das war erwartet.",
        &[
            "Die Studie zeigt etwas Neues: Die Preise steigen weiter.",
            "Das war erwartet.",
        ],
    );
}

#[test]
fn persian_news_dateline_with_a_colon() {
    check(
        "fa",
        "بازار امروز آرام بود. شیراز - خبرگزاری محلی: باران شدیدی در شهر بارید. وی گفت: خسارتی نبود.",
        &[
            "بازار امروز آرام بود.",
            "شیراز - خبرگزاری محلی:",
            "باران شدیدی در شهر بارید.",
            "وی گفت: خسارتی نبود.",
        ],
    );
}

#[test]
fn devanagari_initials_and_titles() {
    check(
        "hi",
        "वह एस. के. वर्मा से मिला। डॉ. शर्मा ने आई.आई.टी. में पढ़ाया।",
        &["वह एस. के. वर्मा से मिला।", "डॉ. शर्मा ने आई.आई.टी. में पढ़ाया।"],
    );
    // a period after an ordinary word still ends a sentence
    check(
        "hi",
        "बारिश हो रही है. हम घर पर हैं.",
        &["बारिश हो रही है.", "हम घर पर हैं."],
    );
}

#[test]
fn ellipsis_between_words_in_hebrew_and_arabic_script() {
    check(
        "he",
        "הוא חשב על זה... אחר כך הלך הביתה. היא נשארה.",
        &["הוא חשב על זה... אחר כך הלך הביתה.", "היא נשארה."],
    );
    check(
        "fa",
        "او منتظر ماند... اما کسی نیامد. شب شد.",
        &["او منتظر ماند... اما کسی نیامد.", "شب شد."],
    );
}

#[test]
fn turkish_question_before_its_reporting_verb() {
    check(
        "tr",
        "Yarın gelecek misin? diye sordu annem. Evet dedim.",
        &["Yarın gelecek misin? diye sordu annem.", "Evet dedim."],
    );
}

#[test]
fn ordinals_of_a_date_are_not_list_items() {
    check(
        "lv",
        "Svētki notiks 14. un 15. augusts būs brīvdienas. Visi ir aicināti.",
        &[
            "Svētki notiks 14. un 15. augusts būs brīvdienas.",
            "Visi ir aicināti.",
        ],
    );
    check(
        "de",
        "Geöffnet ist am 3. und 4. Oktober. Danach schließt es.",
        &["Geöffnet ist am 3. und 4. Oktober.", "Danach schließt es."],
    );
}

#[test]
fn polish_credit_abbreviations() {
    check(
        "pl",
        "Zdjęcie z wystawy, fot. Anna Nowak. Wystawa trwa do maja.",
        &[
            "Zdjęcie z wystawy, fot. Anna Nowak.",
            "Wystawa trwa do maja.",
        ],
    );
}

#[test]
fn and_so_on_ends_a_sentence_before_a_capital() {
    check(
        "cs",
        "Koupili jsme jablka, hrušky atd. Pak jsme šli domů.",
        &["Koupili jsme jablka, hrušky atd.", "Pak jsme šli domů."],
    );
    check(
        "cs",
        "Koupili jsme jablka, hrušky atd. a pak jsme šli domů.",
        &["Koupili jsme jablka, hrušky atd. a pak jsme šli domů."],
    );
    check(
        "pl",
        "Kupiliśmy chleb, mleko itd. Potem wróciliśmy do domu.",
        &["Kupiliśmy chleb, mleko itd.", "Potem wróciliśmy do domu."],
    );
    check(
        "fi",
        "Ostimme leipää, maitoa jne. Sitten lähdimme kotiin.",
        &["Ostimme leipää, maitoa jne.", "Sitten lähdimme kotiin."],
    );
    check(
        "de",
        "Das gilt für Äpfel u. ä. Dann kommt der Rest.",
        &["Das gilt für Äpfel u. ä.", "Dann kommt der Rest."],
    );
}

#[test]
fn and_so_on_written_with_spaces() {
    check(
        "ru",
        "Мы купили хлеб, молоко и т. д. Потом пошли домой.",
        &["Мы купили хлеб, молоко и т. д.", "Потом пошли домой."],
    );
    check(
        "ru",
        "Мы купили хлеб, молоко и т. д. и пошли домой.",
        &["Мы купили хлеб, молоко и т. д. и пошли домой."],
    );
    check(
        "uk",
        "Ми купили хліб, сир і т. ін. Потім пішли додому.",
        &["Ми купили хліб, сир і т. ін.", "Потім пішли додому."],
    );
}

#[test]
fn pashto_was_is_a_word_of_one_letter() {
    // "He was at home yesterday. Today he is in the city."
    check(
        "ps",
        "هغه پرون په کور کې و. نن هغه په ښار کې دی.",
        &["هغه پرون په کور کې و.", "نن هغه په ښار کې دی."],
    );
}

#[test]
fn khmer_colon_glued_to_the_next_word_ends_a_label() {
    // "He said: I go to the market. He goes home."
    check(
        "km",
        "គាត់និយាយថា ៖ ខ្ញុំទៅផ្សារ ។ គាត់ទៅផ្ទះ ។",
        &["គាត់និយាយថា ៖ ខ្ញុំទៅផ្សារ ។", "គាត់ទៅផ្ទះ ។"],
    );
    // "Introduction:" run into "I go to the market."
    check("km", "សេចក្តីផ្តើម ៖ខ្ញុំទៅផ្សារ ។", &["សេចក្តីផ្តើម ៖", "ខ្ញុំទៅផ្សារ ។"]);
    check("km", "សេចក្តីផ្តើម:ខ្ញុំទៅផ្សារ ។", &["សេចក្តីផ្តើម:", "ខ្ញុំទៅផ្សារ ។"]);
    // a time in Khmer digits
    check("km", "ម៉ោង ៨:៣០ ខ្ញុំទៅផ្សារ ។", &["ម៉ោង ៨:៣០ ខ្ញុំទៅផ្សារ ។"]);
}

#[test]
fn spaced_straight_quote_after_an_end() {
    // the second quote of the paragraph closes the quotation
    check(
        "en",
        "He said: \"I am tired. \" Then he left.",
        &["He said: \"I am tired. \"", "Then he left."],
    );
    check(
        "cs",
        "Řekl: \"Jsem unavený. Půjdu spát. \" Pak odešel.",
        &["Řekl: \"Jsem unavený.", "Půjdu spát. \"", "Pak odešel."],
    );
    // the first one opens the next sentence
    check(
        "en",
        "She left the room. \" Where are you going? \" he asked.",
        &["She left the room.", "\" Where are you going? \" he asked."],
    );
}

#[test]
fn a_unit_that_is_also_a_word_ends_a_short_sentence() {
    // "in", "no" and "min" abbreviate a unit or a reference only after a
    // number or at the start of a sentence; after a word they end it.
    check(
        "en",
        "Let me in. Let me in to the hall!",
        &["Let me in.", "Let me in to the hall!"],
    );
    check(
        "en",
        "She said no. He left early.",
        &["She said no.", "He left early."],
    );
    check(
        "en",
        "Vol. II covers the war. Vol. III follows it.",
        &["Vol. II covers the war.", "Vol. III follows it."],
    );
    check(
        "en",
        "The board was 5 in. wide and 2 in. thick.",
        &["The board was 5 in. wide and 2 in. thick."],
    );
}
