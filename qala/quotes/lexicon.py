"""The quotation lexicons (data files under `qala/data/lexicons/quote_*`), loaded once.

Cues are written by linguists as one verb per row (past, present, participle); this module
generates the inflected forms (feminine, plural, dual) so that a lookup on a normalized word
returns the cue and the gender/number it carries (قالت → feminine), which speaker resolution
uses for agreement. Matching is a dict lookup per word, so the cue set can grow without cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qala.lexicon import load_list, load_table
from qala.text.normalize import norm


@dataclass(frozen=True, slots=True)
class CueForm:
    """One inflected form of a reporting verb."""

    lemma: str  # normalized past 3ms form: the cue's identity
    cls: str  # say | continue | stance | call | express | praise | written
    tense: str  # past | present | participle
    gender: str  # m | f
    plural: bool
    preps: frozenset[str]  # normalized prepositions that may introduce the content
    ambiguous: bool
    frame: str = ""  # object: the verb's object belongs to the content (اتهم X بـ) | topic (تحدث عن)
    pronoun_object: bool = False  # the object is a pronoun on the verb (اتهمته النيابة بـ)


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    cues: dict[str, CueForm]
    nominal: dict[str, str]  # nominal cue → required next word ('' when none)
    complementizers: frozenset[str]
    feelings: tuple[str, ...]
    feeling_links: frozenset[str]  # words (or one-letter prefixes) that open a feeling's content
    adjuncts: frozenset[str]
    settings: frozenset[str]
    narration: frozenset[str]
    anonymous_heads: frozenset[str]
    org_heads: frozenset[str]
    document_heads: frozenset[str]
    roles: frozenset[str]
    titles: tuple[tuple[str, ...], ...]  # multi-word titles as token tuples, longest first
    first_names: frozenset[str]
    # given names that are not also a function word once normalized (علي = على): they alone start a name
    sure_first_names: frozenset[str]
    single_titles: frozenset[str]  # one-word titles (الرئيس، الدكتور): a name may follow
    labels: frozenset[str]  # "LABEL: ..." heads that are not speakers (رابط، المصدر)
    post_places: frozenset[str]  # صفحة، حساب، تغريدة: a post cue (كتب، نشر) needs one of them
    manner_nouns: frozenset[str]  # وفق القانون، حسب الحاجة: a nominal cue before them is no source
    rule_verbs: frozenset[str]  # وفق ما ينص عليه الاتفاق: what a rule lays down, no source
    un_singulars: frozenset[str]  # قانون، مليون: nouns ending in -ون that are no plural
    before_noun: frozenset[str]  # ألف، عشرات، كل، في: a cue form right after them is a noun (ألف طالب)
    copulas: frozenset[str]  # كان، أصبح: an accusative form after them is a predicate noun (كان طالبا)
    anonymity_verbs: frozenset[str]  # فضل، طلب، رفض: «، فضل عدم ذكر اسمه،» hides the source's name
    anonymity_nouns: tuple[str, ...]  # اسم، هوية: what such an apposition withholds (as prefixes)
    source_modifiers: frozenset[str]  # أحدث، آخر: written before a nominal source's head
    adjunct_phrases: tuple[tuple[str, ...], ...]  # في الوقت ذاته: multi-word adjuncts (lines with spaces)
    no_bare_object: frozenset[str]  # انتقد، كشف: lemmas whose bare object is no reported content
    idiom_objects: frozenset[str]  # كلمته: قال الطقس كلمته is an idiom, not speech
    negations: frozenset[str]  # لم، لن: لم تكشف عن أسماء reports nothing said
    irrealis: frozenset[str]  # أن، كي: أن تكشف عن خططها reports nothing said either
    not_cue_spellings: frozenset[str]  # تدعى: exact spellings (not normalized) that are never cues
    naming_words: frozenset[str]  # تدعى، المدعو: a speaker phrase's name follows them
    closing_cues: frozenset[str]  # ختم، اختتم: cues only with a closing phrase (بالقول) after them
    closing_phrases: frozenset[str]  # بالقول، قائلا
    issuer_links: frozenset[str]  # صادر (عن X): a document's issuer follows
    author_verbs: frozenset[str]  # أعدتها (X): a document's author follows
    evidence_nouns: frozenset[str]  # نتائج، صور: evidence that "shows" something, never a source
    masculine_plurals: frozenset[str]  # أولياء، تجار: never the subject of a feminine cue
    gatherings: frozenset[str]  # اجتماع، قمة: an event that issues a statement is not its source
    answer_labels: frozenset[str]  # ج: an interview answer, said by the interviewee
    role_names: frozenset[str]  # أمين، أمير، رائد: roles that are also given names (محمد أمين الصقلي)
    apposition_stops: frozenset[str]  # البالغة (من العمر): an apposition after the speaker opens
    wal_words: frozenset[str]  # والد، والي: و + ال letters that are no conjunction before an article
    question_verbs: frozenset[str]  # نسأل، سألنا: the person asked answers next
    masdar_objects: frozenset[str]  # وجود، حدوث: a stance participle's object (نافيا وجود)


_PRONOUNS = ("ه", "ها", "هم", "هما", "نا", "ني", "كم")
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه", "نا", "ني")


def _with_object_pronoun(form: str, lemma: str) -> str | None:
    """The verb stem of a form carrying an object pronoun (اتهمته → اتهمت), else None."""
    for p in _OBJECT_PRONOUNS:
        stem = form[: -len(p)]
        if form.endswith(p) and stem in (lemma, lemma + "ت", lemma + "و"):
            return stem
    return None


def _past_forms(p: str) -> list[tuple[str, str, bool]]:
    if p.endswith(("ا", "ي")):  # defective: دعا → دعت، دعوا ; رأى (normalized راي) → رات
        stem = p[:-1]
        return [(p, "m", False), (stem + "ت", "f", False), (stem + "وا", "m", True)]
    return [(p, "m", False), (p + "ت", "f", False), (p + "وا", "m", True), (p + "ا", "m", True), (p + "تا", "f", True)]


def _present_forms(y: str) -> list[tuple[str, str, bool]]:
    fem = "ت" + y[1:] if y.startswith("ي") else y
    if y.endswith("و"):
        plural = y + "ن"
    elif y.endswith("ي"):
        plural = y[:-1] + "ون"
    else:
        plural = y + "ون"
    out = [(y, "m", False), (fem, "f", False), (plural, "m", True)]
    if not y.endswith(("و", "ي")):
        out += [(y + "ان", "m", True), (fem + "ان", "f", True)]
    return out


def _participle_forms(a: str) -> list[tuple[str, str, bool]]:
    if not a.endswith("ا"):
        return [(a, "m", False)]
    base = a[:-1]
    plural = base[:-1] + "ين" if base.endswith("ي") else base + "ين"
    return [(a, "m", False), (base + "ه", "f", False), (plural, "m", True), (base + "ات", "f", True)]


def _anonymity_verbs() -> frozenset[str]:
    """Past forms and participles of the verbs that withhold a source's name (فضل، مفضلا)."""
    out: set[str] = set()
    for line in load_list("quote_anonymity_verbs"):
        past, *participle = (norm(w) for w in line.split())
        out.update(f for f, _, _ in _past_forms(past))
        for p in participle:
            out.update(f for f, _, _ in _participle_forms(p))
    return frozenset(out)


def _complementizers() -> frozenset[str]:
    out = set()
    for c in load_list("quote_complementizers"):
        c = norm(c)
        out.add(c)
        for p in _PRONOUNS:
            out.add(c + p)
        out.add(c + "ه")
    out |= {"انني", "اننا", "انهم", "انهما", "انهن"}
    out.discard("لان")  # لأن gives a reason, not reported content
    return frozenset(out)


def _with_accusative(heads: frozenset[str]) -> frozenset[str]:
    """Singular heads also in the indefinite accusative (غير أن مسؤولا في الهيئة قال): مسؤول → مسؤولا."""
    return heads | {w + "ا" for w in heads if not w.endswith(("ون", "ين", "ا", "ه"))}


def _titles() -> tuple[tuple[str, ...], ...]:
    titles = {tuple(norm(t).split()) for t in load_list("titles")}
    return tuple(sorted(titles, key=len, reverse=True))


@cache
def lexicon() -> QuoteLexicon:
    cues: dict[str, CueForm] = {}
    for row in load_table("lexicons", "quote_cues.tsv"):
        lemma = norm(row["past"])
        cls = row["class"]
        preps = frozenset(norm(p) for p in row.get("preps", "").split("|") if p)
        amb = row.get("ambiguous", "") in ("1", "all")
        amb_all = row.get("ambiguous", "") == "all"
        frame = row.get("frame", "")
        past = _past_forms(lemma)
        # the accusative participle (آملا) outranks a homographic past dual (أملا)
        forms = [(f, g, pl, "past") for f, g, pl in past[:3]]
        # an empty present or participle: that form is too ambiguous to be a cue (يظهر "appears")
        if row.get("participle"):
            forms += [(f, g, pl, "participle") for f, g, pl in _participle_forms(norm(row["participle"]))]
        if row.get("present"):
            forms += [(f, g, pl, "present") for f, g, pl in _present_forms(norm(row["present"]))]
        forms += [(f, g, pl, "past") for f, g, pl in past[3:]]
        objects: set[str] = set()
        for extra in row.get("extra", "").split():
            e = norm(extra)
            tense = "participle" if e.startswith("م") or (e.endswith(("ا", "ين")) and not e.startswith(lemma[:2])) else "past"
            stem = _with_object_pronoun(e, lemma)
            if stem is not None:  # أبلغه، اتهمتها: gender and number are the stem's, not the pronoun's
                objects.add(e)
                forms.append((e, "f" if stem.endswith("ت") else "m", stem.endswith("و"), tense))
                continue
            fem = e.endswith(("ت", "ه")) and not e.endswith(("هم", "ها"))
            forms.append((e, "f" if fem else "m", e.endswith(("وا", "ين", "هم")), tense))
        if objects and row.get("present"):
            # a verb listed with object pronouns in the past takes them in the present too (فيصفه بأنه)
            y = norm(row["present"])
            for stem, gender in ((y, "m"), ("ت" + y[1:], "f")):
                for pronoun in ("ه", "ها", "هم"):
                    objects.add(stem + pronoun)
                    forms.append((stem + pronoun, gender, False, "present"))
        for form, gender, plural, tense in forms:
            # the first row wins: an earlier, more frequent reading is not overwritten
            cues.setdefault(form, CueForm(lemma, cls, tense, gender, plural, preps, amb and (amb_all or tense != "past" or form == lemma), frame, form in objects))
    nominal = {norm(r["form"]): norm(r.get("next", "")) for r in load_table("lexicons", "quote_nominal_cues.tsv")}

    def nset(name: str) -> frozenset[str]:
        return frozenset(norm(w) for w in load_list(name))

    return QuoteLexicon(
        cues=cues,
        nominal=nominal,
        complementizers=_complementizers(),
        feelings=tuple(sorted((norm(w) for w in load_list("quote_feelings")), key=len, reverse=True)),
        feeling_links=nset("quote_feeling_links"),
        adjuncts=nset("quote_adjuncts"),
        settings=nset("quote_settings"),
        narration=nset("quote_narration"),
        anonymous_heads=_with_accusative(nset("quote_anonymous_heads")),
        org_heads=nset("quote_org_heads"),
        document_heads=nset("quote_document_heads"),
        roles=nset("quote_roles"),
        titles=_titles(),
        first_names=nset("quote_first_names"),
        sure_first_names=nset("quote_first_names") - nset("quote_name_homographs"),
        single_titles=frozenset(" ".join(t) for t in _titles() if len(t) == 1),
        labels=nset("quote_labels"),
        post_places=nset("quote_post_places"),
        manner_nouns=nset("quote_manner_nouns"),
        rule_verbs=nset("quote_rule_verbs"),
        un_singulars=nset("quote_un_singulars"),
        source_modifiers=nset("quote_source_modifiers"),
        before_noun=nset("quote_before_noun"),
        copulas=nset("quote_copulas"),
        anonymity_verbs=_anonymity_verbs(),
        anonymity_nouns=tuple(norm(w) for w in load_list("quote_anonymity_nouns")),
        adjunct_phrases=tuple(tuple(norm(w) for w in a.split()) for a in load_list("quote_adjuncts") if " " in a.strip()),
        no_bare_object=nset("quote_no_bare_object"),
        idiom_objects=nset("quote_idiom_objects"),
        negations=nset("quote_negations"),
        irrealis=nset("quote_irrealis"),
        not_cue_spellings=frozenset(load_list("quote_not_cue_spellings")),
        naming_words=nset("quote_naming_words"),
        closing_cues=nset("quote_closing_cues"),
        closing_phrases=nset("quote_closing_phrases"),
        issuer_links=nset("quote_issuer_links"),
        author_verbs=nset("quote_author_verbs"),
        evidence_nouns=nset("quote_evidence_nouns"),
        masculine_plurals=nset("quote_masculine_plurals"),
        wal_words=nset("quote_wal_words"),
        question_verbs=nset("quote_question_verbs"),
        masdar_objects=nset("quote_masdar_objects"),
        gatherings=nset("quote_gatherings"),
        answer_labels=nset("quote_answer_labels"),
        apposition_stops=nset("quote_apposition_stops"),
        role_names=nset("quote_role_names"),
    )


def strip_prefix(word: str, min_len: int = 4) -> list[str]:
    """The word and its readings without a conjunction prefix (و، ف), most literal first. Words
    shorter than `min_len` keep their first letter (ورد، فقد are words of their own)."""
    out = [word]
    if len(word) >= min_len and word[0] in "وف":
        out.append(word[1:])
    return out


def is_naming_word(word: str) -> bool:
    """تدعى، ويدعى، المدعو: a word after which a speaker phrase writes the person's name."""
    naming = lexicon().naming_words
    return any(v in naming for v in strip_prefix(word))


def lookup_cue(word: str, skip_cls: str = "") -> tuple[CueForm, bool] | None:
    """The cue a normalized word is, and whether it carried a و/ف prefix. `skip_cls` ignores the
    readings of one class: ورد is "was mentioned" (written) or و + رد "replied" (say)."""
    cues = lexicon().cues
    # a skipped reading is the literal one: the prefixed reading is then tried even on 3 letters
    for i, w in enumerate(strip_prefix(word, 3 if skip_cls else 4)):
        form = cues.get(w)
        if form is not None and form.cls != skip_cls:
            return form, i > 0
    if word.startswith("ل") and len(word) > 4:
        form = cues.get(word[1:])  # عاد ليقول إن، لتؤكد أن: the لام of purpose before a present verb
        if form is not None and form.tense == "present" and form.cls != skip_cls:
            return form, True
    return None


def is_setting(w: str) -> bool:
    """بيان، تصريحات، خطبته: a communicative setting noun (with the article or a pronoun)."""
    return _noun_in(w, lexicon().settings)


def is_post_place(w: str) -> bool:
    """صفحته، حسابها، تغريدة، فيسبوك: where a written post appears (كتب على صفحته: ...)."""
    return _noun_in(w, lexicon().post_places)


def _noun_in(w: str, settings: frozenset[str]) -> bool:
    """The noun, with the article or a pronoun suffix, is one of `settings`."""
    if w.startswith("ال"):
        w = w[2:]
    if w in settings:
        return True
    for n in range(3, min(len(w), 7) + 1):
        stem = w[:n]
        if len(w) - n <= 3 and (stem in settings or (stem.endswith("ت") and stem[:-1] + "ه" in settings)):
            return True  # تصريحاته، خطبته (ة becomes ت before a pronoun)
    return False


@cache
def trailing_nouns() -> tuple[str, ...]:
    """Nouns of trailing attributions (حسب قوله، على حد تعبيره), as normalized prefixes."""
    return tuple(norm(w) for w in load_list("quote_trailing"))
