"""Speaker names: title stripping, name containment, and in-document resolution.

A speaker phrase as written (وزير الخارجية سامح الدباغ، الدباغ، الوزارة، مصدر أمني) is turned
into the source's fullest name as the article gives it, with the other forms the article uses as
aliases. The small helpers at the top (`name_tokens`, `strip_titles`, `names_match`) are shared:
the scorer and the entities stage use them so that "the same name" means one thing in qala.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from qala import gazetteer
from qala.lexicon import load_list, load_table
from qala.ner.stage import common_name_words
from qala.quotes.lexicon import is_setting, lexicon, lookup_cue
from qala.quotes.tokens import NISBA_ENDINGS
from qala.text.normalize import norm

_WORD = re.compile(r"[^\W\d_]+|\d+")
_WORD_OR_PUNCT = re.compile(r"([^\W\d_]+|\d+)|[^\w\s]")  # a word (group 1) or a punctuation mark
_DEMONSTRATIVES = frozenset(norm(w) for w in ("هذا", "هذه", "تلك", "ذلك", "هؤلاء"))
NAME_PARTICLES = frozenset(norm(w) for w in ("بن", "بنت", "ابن", "عبد", "أبو", "أبي", "آل", "ولد"))
# عز الدين، سيف الإسلام، نور الهدى: compound given names whose second word takes the article
COMPOUND_NAME_ENDS = frozenset(norm(w) for w in load_list("quote_name_compound_ends"))
# Kunya names: أم/أبو + a name is one name (أم خالد), though أم is also a noun (mother).
KUNYA = frozenset(norm(w) for w in load_list("kunya_heads"))
# Words that end a name or role inside a speaker phrase (a relative clause, "who", "which").
_PHRASE_STOPS = frozenset(norm(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "وهو", "وهي", "الذى"))
_PREPS = frozenset(norm(w) for w in ("في", "من", "على", "عن", "إلى", "الى", "مع", "لدى", "عند", "حول", "ضد", "باسم"))
# A plausible person name has at most this many words (محمد بن سلمان بن عبد العزيز آل سعود is 7).
MAX_NAME_TOKENS = 7
# Occurrences of a word examined when looking for a fuller name or a role's name: an article names
# its sources in the first few mentions; the cap keeps adversarial input (a word repeated 100k
# times) linear.
MAX_OCCURRENCES = 40
# Earlier sources compared with a new speaker phrase (same cap reason).
MAX_ENTRIES_SCANNED = 60
# Words before a statement noun searched for its issuer (وقال البنك المركزي في بيان، أصدرت الوزارة
# أمس بيانا): the issuer is the clause's subject, a few words back.
ISSUER_WINDOW = 6
# Definite words a role may be written longer with before the name (وزير التموين والتجارة الداخلية
# المصري + name, for the headline role وزير التموين).
MAX_ROLE_EXTENSION = 4
# "وزير الخارجية الليبي": words between a role noun and its nationality adjective (a ministry name).
ROLE_TO_ADJECTIVE = 4
# Endings of a noun with a possessive pronoun that are not also a bare feminine noun (ة is
# normalized to ه, so a final ه alone proves nothing): نشرته، حسابها، بيانهم.
_POSSESSIVE_ENDINGS = ("هما", "تها", "ته", "ها", "هم")
# ال + a three-letter stem + ين: shorter words ending in ين are no sound plural (الصين).
MIN_PLURAL_OBJECT_LETTERS = 6
# Arabic noun stems have at least three letters: a shorter word with such an ending is a particle (فيها).
MIN_STEM_LETTERS = 3


def name_tokens(s: str) -> list[str]:
    """Normalized word tokens of a name (punctuation and quotation marks dropped)."""
    return _WORD.findall(norm(s))


def strip_titles(tokens: list[str]) -> list[str]:
    """Tokens without the leading titles/honorifics of `titles.txt` (الرئيس، الشيخ، الدكتور...)."""
    titles = lexicon().titles
    out = list(tokens)
    changed = True
    while changed and out:
        changed = False
        for t in titles:
            if len(t) < len(out) and tuple(out[: len(t)]) == t:
                out = out[len(t) :]
                changed = True
                break
    return out


def _contained(small: list[str], big: list[str]) -> bool:
    return bool(small) and set(small) <= set(big)


def names_match(a: str, b: str) -> bool:
    """Same source: equal after normalization, or one's tokens (titles aside) within the other's."""
    ta, tb = strip_titles(name_tokens(a)), strip_titles(name_tokens(b))
    if not ta or not tb:
        return False
    return ta == tb or _contained(ta, tb) or _contained(tb, ta)


def same_person(a: list[str], b: list[str]) -> bool:
    """Two name forms of one person within a document: equal, the shorter is the family-name end
    of the longer (الدباغ / سامح الدباغ), or first and last names agree (ناصر العامري /
    ناصر بن خليفة العامري). A shared given name alone (محمد) is not enough."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short == long_ or long_[len(long_) - len(short) :] == short:
        return True
    return len(short) >= 2 and short[0] == long_[0] and short[-1] == long_[-1]


def is_definite(w: str) -> bool:
    return w.startswith("ال") and len(w) > 3


def without_article(w: str) -> str:
    """الوزارة → وزارة (a word of three letters or less keeps its ال: it is no article)."""
    return w[2:] if is_definite(w) else w


def without_li(w: str) -> str:
    """لمركز → مركز، للوزارة → الوزارة (the preposition لـ before a source); للجنة → اللجنة when the
    noun itself starts with ل (لـ + اللجنة is written with two lams)."""
    if w.startswith("لل") and len(w) > 3:
        lex = lexicon()
        if w[1:] in lex.org_heads or w[1:] in lex.roles or w[1:] in lex.document_heads:
            return "ال" + w[1:]
        return "ال" + w[2:]
    return w[1:] if w.startswith("ل") and len(w) > 3 else w


def head_word(tokens: list[str]) -> str:
    """The head noun of a phrase, demonstratives and the article removed (تلك المصادر → مصادر)."""
    for t in tokens:
        if t in _DEMONSTRATIVES:
            continue
        return without_article(t)
    return ""


def speaker_kind(tokens: list[str]) -> str:
    """person | organization | anonymous | document, from the phrase head (lexicon data)."""
    lex = lexicon()
    toks = strip_titles(tokens)
    if not toks:
        return "person"
    if any(t in lex.first_names for t in toks):
        return "person"  # المتحدث باسم الشركة كريم ناصر: a named person
    if len(toks) >= 3 and _name_after_role_word(toks, len(toks) - 2):
        return "person"  # المؤسسة والرئيسة التنفيذية للشركة لمى العنزي: a role, then a two-word name
    head = head_word(toks)
    first = toks[0]
    if first in lex.document_heads or head in lex.document_heads:
        return "document"
    if first in lex.org_heads or head in lex.org_heads or " ".join(toks[:2]) in lex.org_heads:
        return "organization"
    if first in lex.anonymous_heads or (head in lex.anonymous_heads and not is_definite(first)):
        return "anonymous"
    return "person"


def _name_after_role_word(toks: list[str], i: int) -> bool:
    """toks[i] starts a name after the definite words of a role (محامية الدفاع رنا الخطيب، الناقد
    الأدبي سليم حداد): a name word, not a preposition, role or organization word."""
    lex = lexicon()
    t, prev = toks[i], toks[i - 1]
    after_role = is_definite(prev) or (prev.startswith("لل") and len(prev) > 3) or (prev[:1] == "و" and is_definite(prev[1:]) and prev not in lex.wal_words)
    # زميلته رنا العبادي، زوجته سعاد: a noun made definite by its possessive pronoun
    after_role = after_role or (prev.endswith(("ته", "تها")) and len(prev) > MIN_POSSESSED_LETTERS)
    if not after_role or is_definite(t) or t in _PREPS or t in lex.roles or t in lex.org_heads or t.startswith(("لل", "بال")):
        return False
    return t in lex.first_names or t in common_name_words(ROLE_NAME_COUNT)


def split_role_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(role, name) of a person phrase: وزير الخارجية سامح الدباغ → (وزير الخارجية, سامح الدباغ).

    The name starts at the first given name (quote_first_names.txt) or name particle; failing that,
    after the last definite word of a leading role (وزير الخارجية الدباغ). Either part may be empty.
    """
    lex = lexicon()
    toks = tokens[:]
    for i, t in enumerate(toks):
        if t in _PHRASE_STOPS:
            toks = toks[:i]
            break
    if not toks:
        return [], []
    if len(toks) >= 2 and toks[-2] in KUNYA and not is_definite(toks[-1]) and toks[-1] not in _PREPS:
        return toks[:-2], toks[-2:]  # أم سعيد: a kunya is a name, not the noun «mother» + a name
    for i, t in enumerate(toks):
        # normalized على is also the given name علي: it does not start a name on its own
        if t in lex.sure_first_names or (t in NAME_PARTICLES and i + 1 < len(toks) and i > 0):
            if i > 0 and toks[i - 1] in NAME_PARTICLES:
                i -= 1
            role = toks[:i]
            return role, _trim_name(toks[i:])
    for i in range(1, len(toks)):
        if _name_after_role_word(toks, i):
            return toks[:i], _trim_name(toks[i:])
    stripped = strip_titles(toks)
    titled = len(stripped) < len(toks)
    head = stripped[0] if stripped else ""
    if not stripped:
        return toks, []
    head_is_role = head in lex.roles or (is_definite(head) and head[2:] in lex.roles)
    if titled and not head_is_role and not is_definite(head):
        # الدكتورة سلوى العمري مديرة المركز: the name follows the title, an apposition may follow it
        return toks[: len(toks) - len(stripped)], _trim_name(stripped)
    if head_is_role or titled:
        # role words then a name: the name follows the last definite word of the role
        cut = None
        for i in range(1, len(stripped)):
            coordinated = stripped[i].startswith("و") and is_definite(stripped[i][1:])  # وزير الخارجية والمغتربين
            coordinated = coordinated or (stripped[i][:1] == "ل" and stripped[i][1:] in lex.org_heads)  # الرئيس التنفيذي لشركة
            if is_definite(stripped[i - 1]) and not is_definite(stripped[i]) and not coordinated and stripped[i] not in _PREPS and not stripped[i].startswith(("لل", "بال")):
                cut = i
        if cut is None:
            if titled and not (head in lex.roles or is_definite(head)):
                return toks[: len(toks) - len(stripped)], _trim_name(stripped)
            return toks, []
        return toks[: len(toks) - len(stripped) + cut], _trim_name(stripped[cut:])
    if len(stripped) == 1 and is_definite(head) and head[2:] not in lex.roles and head not in lex.roles:
        return toks[:-1], stripped  # الحداد: a family name written with the article
    if is_definite(head) or head in lex.anonymous_heads or head in lex.org_heads:
        return toks, []
    return [], _trim_name(stripped, named=any(w in lex.first_names for w in stripped))


def _trim_name(toks: list[str], named: bool = True) -> list[str]:
    """The name at the start of `toks`, without an apposition or object after it; `named` says the
    words are a person's name (after a given name, a title or a role), not an organization's."""
    lex = lexicon()
    roles = lex.roles
    out: list[str] = []
    for k, t in enumerate(toks):
        family = len(out) == 1 and not is_definite(out[0]) and is_definite(t)  # سلوى النقيب، محمد الكاتب: a family name
        after_family = len(out) >= 2 and is_definite(out[-1]) and out[-2] not in NAME_PARTICLES and out[-1] not in COMPOUND_NAME_ENDS
        if after_family and named and t not in NAME_PARTICLES and (is_definite(t) or t not in lex.first_names):
            break  # يوسف مبارك الرشيدي الحكم، صالح الجبوري موقع: after the family name, the verb's object
        if out and not family and (t in roles or (is_definite(t) and t[2:] in roles)) and out[-1] not in NAME_PARTICLES and not _role_word_in_name(out, t, toks[k + 1 : k + 2]):
            break  # سلمى الحسيني مديرة إدارة ...: an apposition follows the name
        # normalized على and the given name علي are one string: inside a name it is the name
        if (t in _PREPS and t != "علي") or t in _PHRASE_STOPS or t.isdigit():
            break
        if out and (t in lex.masdar_objects or t.startswith(("بال", "لل"))):
            break  # نفى أوحساين وجود …، منير بن سلامة بالحكم: the object or a complement, not the name
        if out and named and out[-1] not in NAME_PARTICLES and (t in lex.org_heads or without_article(t) in lex.org_heads):
            break  # طالب زياد فارسي وزارة التجارة: an organization, the verb's object
        out.append(t)
        if len(out) >= MAX_NAME_TOKENS:
            break
    return out


def _role_word_in_name(name: list[str], word: str, after: list[str]) -> bool:
    """محمد أمين الصقلي: a role word that is also a given name (quote_role_names.txt), right after a
    given name and before a family name that is no role, is part of the name, not an apposition."""
    lex = lexicon()
    if word not in lex.role_names or name[-1] not in lex.first_names or not after:
        return False
    nxt = after[0]
    return is_definite(nxt) and nxt not in lex.roles and nxt[2:] not in lex.roles


_UPON = norm("لدى")
MAX_COUNTRY_WORDS = 3  # جمهورية مصر العربية
MIN_POSSESSED_LETTERS = 4  # زميلته: a noun + ته, not a short word ending so
ROLE_NAME_COUNT = 10  # a name word borne by this many people in Wikidata starts a name after a role
# A role's holder written in an apposition (الناطق باسم الجبهة، فلان الفلاني،): its first word is a given
# name borne by this many people, and the name is at most MAX_APPOSED_NAME words up to the comma.
APPOSED_NAME_COUNT = 100
MAX_APPOSED_NAME = 5
MIN_DESCRIBED_WORDS = 3  # المحكمة الكبرى الجنائية: head + two adjectives make a name
MAX_DESCRIBED_WORDS = 5


@cache
def _trailers() -> dict[str, str]:
    """quote_speaker_trailers.tsv: normalized form → class (circumstance, time, dated, setting, verb,
    outlet)."""
    return {norm(r["form"]): r["class"] for r in load_table("lexicons", "quote_speaker_trailers.tsv")}


_LOCATED_HEADS = frozenset(norm(w) for w in load_list("quote_located_heads"))
_STATE_PREFIXES = frozenset(norm(w) for w in load_list("state_prefixes"))


def _country_from(toks: list[str], i: int) -> bool:
    """toks[i:] is a country's name and nothing else (تونس، سلطنة عمان): a CLDR territory of the
    gazetteer, or a state word before a name."""
    rest = toks[i:]
    if not rest or len(rest) > MAX_COUNTRY_WORDS:
        return False
    if rest[0] in _STATE_PREFIXES and len(rest) >= 2:
        return True
    return any(e.source == "babel" and e.type == "LOC" for e in gazetteer.lookup(" ".join(rest)))


def _without_country(toks: list[str]) -> list[str]:
    """An organization without the country written after its name (الهيئة الوطنية للرقابة الدوائية
    في سلطنة عمان → الهيئة الوطنية للرقابة الدوائية), unless its place is part of what it is
    (السفارة السنغالية في نواكشوط)."""
    if not toks or without_article(toks[0]) in _LOCATED_HEADS:
        return toks
    for i in range(2, len(toks) - 1):
        if toks[i] == _IN and _country_from(toks, i + 1):
            return toks[:i]
    return toks


def trailer_class(word: str) -> str | None:
    """The class quote_speaker_trailers.tsv gives a normalized word (outlet, time, …), or None."""
    return _trailers().get(word)


_DATED_BY = frozenset(norm(w) for w in ("الماضي", "الماضية", "الحالي", "الجاري", "المقبل", "المقبلة", "الفائت", "المنصرم"))
_IN = norm("في")


def _without_trailers(toks: list[str], unnamed: bool) -> list[str]:
    """The phrase up to where, when or on what occasion the source spoke (بنعلي وسط هتافات
    الحاضرين، الجيش في بيان، الشركة الخميس → بنعلي، الجيش، الشركة), and for an unnamed source or a
    document up to a relative clause about it (تقرير أممي صدر الشهر الماضي → تقرير أممي)."""
    trailers, lex = _trailers(), lexicon()
    for i in range(1, len(toks)):
        w = toks[i]
        cls = trailers.get(w)
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if cls in ("circumstance", "time", "outlet") or (cls == "verb" and unnamed) or w in _PHRASE_STOPS:
            return toks[:i]
        if unnamed and (hit := lookup_cue(w)) is not None and hit[0].tense != "participle" and not hit[1] and not hit[0].ambiguous:
            return toks[:i]  # مصادر أشارت: the cue verb, after its subject
        if len(w) > 3 and w[0] in "بل" and (trailers.get(w[1:]) == "setting" or is_setting(w[1:])):
            return toks[:i]  # اتحاد المستثمرين بتصريحات: the occasion
        if w in lex.issuer_links and nxt != "عن":
            return toks[:i]  # البيان المشترك الصادر في ختام …: issued, by no one named
        if cls == "dated" and (not nxt or nxt in _DATED_BY or trailers.get(nxt) == "time"):
            return toks[:i]
        if toks[i] == _IN and (trailers.get(nxt) == "setting" or is_setting(nxt)):
            return toks[:i]
    return toks


def _without_own_setting(toks: list[str]) -> list[str]:
    """The phrase without a trailing setting that refers back to the source with a possessive
    pronoun (المعهد الوطني للإحصاء في نشرته الفصلية → المعهد الوطني للإحصاء): the source does not
    include its own bulletin, speech or account."""
    for i in range(1, len(toks) - 1):
        obj = toks[i + 1]
        ending = next((e for e in _POSSESSIVE_ENDINGS if obj.endswith(e)), "")
        if not ending and toks[i] == _UPON and obj.endswith("ه"):
            ending = "ه"  # الوزير لدى وصوله إلى المطار: "upon his arrival" (ه is also a normalized ة)
        if toks[i] in frames().prepositions and ending and not is_definite(obj) and len(obj) - len(ending) >= MIN_STEM_LETTERS:
            return toks[:i]
    return toks


def _without_manner(toks: list[str]) -> list[str]:
    """The phrase without a trailing circumstantial adverb or manner phrase (الخطيب مبتسما،
    الوزير بنبرة حازمة): how the source spoke is not part of its name."""
    f = frames()
    for i in range(1, len(toks)):
        w = toks[i]
        if w in f.states or (w.endswith("ه") and w[:-1] + "ا" in f.states) or (STATE_PARTICIPLE.match(w) and w not in lexicon().first_names) or (len(w) > 2 and w[0] in "بك" and w[1:] in f.manners):
            return toks[:i]
        if i == len(toks) - 1 and FEM_STATE_PARTICIPLE.match(w) and w not in lexicon().first_names:
            return toks[:i]
    return toks


def _issuer(toks: list[str]) -> list[str]:
    """The issuer named in a document phrase (تقرير صادر عن X، دراسة أعدتها X → X): a document speaks
    for its author."""
    lex = lexicon()
    if not toks or (toks[0] not in lex.document_heads and toks[0][2:] not in lex.document_heads):
        return toks
    owner = without_li(toks[1]) if len(toks) > 1 else ""
    if without_article(owner) in lex.org_heads and not is_definite(toks[0]):
        return [owner, *toks[2:]]  # بيانات دائرة الإحصاءات العامة، بيان للوزارة: the organization's
    for j in range(1, len(toks) - 1):
        if (toks[j] == "عن" and toks[j - 1] in lex.issuer_links) or toks[j] in lex.author_verbs:
            issuer = toks[j + 1 :]
            if toks[j] in lex.author_verbs:
                # أرسله البنك إلى البورصة: the author, not where it went (a صادر عن phrase keeps its words)
                issuer = issuer[: next((n for n, w in enumerate(issuer) if n and w in _PREPS), len(issuer))]
            if without_article(issuer[0]) in lex.gatherings:
                return toks[: j - 1] if toks[j] == "عن" else toks[:j]  # البيان الختامي الصادر عن الاجتماع: the statement speaks
            return issuer
    return toks


def _without_object(toks: list[str]) -> list[str]:
    """The phrase without a trailing object (ودعت الوزارة المواطنين إلى → الوزارة): a definite
    sound masculine plural after a definite noun that is not itself such a plural cannot be its
    adjective, so it is the verb's object."""
    for i in range(1, len(toks)):
        w, prev = toks[i], toks[i - 1]
        if is_definite(w) and is_definite(prev) and len(w) > MIN_PLURAL_OBJECT_LETTERS and w.endswith(("ين", "ون")) and not prev.endswith(("ين", "ون", "ي")):
            return toks[:i]
    return toks


def _given_name_at(words: list[str], i: int) -> bool:
    """words[i] starts a name: normalized على (the preposition) is also the given name علي, which
    a name continues (علي الخالدي، علي بن ...); «الوزير الليبي على أهمية» is a preposition."""
    lex = lexicon()
    if words[i] != "علي" and words[i] in lex.sure_first_names:
        return True
    # a homograph (أشرف "supervised", نور "light") is a name only with a name after it
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return (is_definite(nxt) and nxt not in _PHRASE_STOPS) or nxt in lex.first_names or nxt in NAME_PARTICLES


def name_at(words: list[str], i: int) -> list[str]:
    """A name starting at words[i] in running text: the given name, a family name, and any
    particle chain (ناصر بن خليفة العامري); without delimiters more words would be a guess."""
    out = [words[i]]
    j = i + 1
    while j < len(words) and len(out) < MAX_NAME_TOKENS:
        w = words[j]
        if w in NAME_PARTICLES or out[-1] in NAME_PARTICLES or (len(out) == 1 and w not in _PREPS and w not in _PHRASE_STOPS):
            out.append(w)
            j += 1
            continue
        if is_definite(w) and out[-2:-1] and out[-2] in NAME_PARTICLES and w not in _PHRASE_STOPS:
            out.append(w)  # ... بن خليفة العامري
        break
    return out


@dataclass
class SourceEntry:
    """One source of a document: its fullest name and every form the article uses for it."""

    name: list[str]
    kind: str
    role: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # surface forms as written, first seen first
    gender: str | None = None
    plural: bool = False

    def display(self, raw: dict[str, str] | None = None) -> str:
        """The name as written in the article (normalized words mapped back to their spelling)."""
        words = self.name or self.role
        raw = raw or {}
        return " ".join(raw.get(w, w) for w in words)


@dataclass
class SourceIndex:
    """The sources of one document, resolved against each other and against the full text.

    `norm_text` is the normalized document text: short names and roles are looked up in it to find
    the fullest form the article gives (الدباغ → سامح الدباغ; وزير الخارجية → سامح الدباغ).
    """

    norm_text: str
    raw_words: dict[str, str] = field(default_factory=dict)  # normalized word → its spelling in the text
    person_names: list[list[str]] = field(default_factory=list)  # PER mentions from NER, normalized tokens
    entries: list[SourceEntry] = field(default_factory=list)
    _words: list[str] | None = None
    _where: dict[str, list[int]] | None = None
    _persons: set[tuple[str, ...]] | None = None
    _phrase_ends: frozenset[int] | None = None
    _persons_by_last: dict[str, list[tuple[str, ...]]] | None = None

    def persons(self) -> set[tuple[str, ...]]:
        """The NER persons as a set, and by their last word: looked up per speaker phrase, never
        scanned (a long document names thousands of people)."""
        if self._persons is None:
            self._persons = {tuple(p) for p in self.person_names if p}
            by_last: dict[str, list[tuple[str, ...]]] = {}
            for p in self._persons:
                by_last.setdefault(p[-1], []).append(p)
            self._persons_by_last = by_last
        return self._persons

    def words(self) -> list[str]:
        if self._words is None:
            self._words = _WORD.findall(self.norm_text)
        return self._words

    def phrase_ends(self) -> frozenset[int]:
        """Indices in `words()` of words followed by punctuation (خبراء: تراجع …): a phrase read
        from the word list does not run over it."""
        if self._phrase_ends is None:
            ends: set[int] = set()
            n = -1
            for m in _WORD_OR_PUNCT.finditer(self.norm_text):
                if m.group(1):
                    n += 1
                elif n >= 0:
                    ends.add(n)
            self._phrase_ends = frozenset(ends)
        return self._phrase_ends

    def where(self, word: str) -> list[int]:
        """Positions of a word in `words()` (the first MAX_OCCURRENCES), from one index pass."""
        if self._where is None:
            index: dict[str, list[int]] = {}
            for i, w in enumerate(self.words()):
                occ = index.setdefault(w, [])
                if len(occ) < MAX_OCCURRENCES:
                    occ.append(i)
            self._where = index
        return self._where.get(word, [])

    def resolve(self, phrase_tokens: list[str], surface: str, gender: str | None = None, plural: bool = False) -> tuple[SourceEntry, bool]:
        """The entry for a speaker phrase (created when new) and whether a role/back-reference was
        resolved to a different, named form (resolution `coreference`)."""
        toks = _issuer([t for t in phrase_tokens if t not in _DEMONSTRATIVES])  # تقرير صادر عن منظمة الصحة العالمية → منظمة الصحة العالمية
        if len(toks) > 1 and (hit := lookup_cue(toks[0])) is not None and hit[1]:
            toks = toks[1:]  # «وختم الحمادي:» read as a label: the verb is not the source
        toks = _without_trailers(toks, speaker_kind(toks) in ("document", "anonymous"))
        toks = _without_object(_without_manner(_without_own_setting(toks)))
        kind = speaker_kind(toks)
        if kind == "person":
            toks = self._known_name_first(toks)
            role, name = split_role_name(toks)
            role, name = self._delimited_by_mention(role, name)
            if not name and role:
                name = self._name_after_role(role)
                if name:
                    entry = self._merge(name, role, kind, surface, gender, plural)
                    return entry, True
            if name:
                name = self._fuller_name(name)
                return self._merge(name, role, kind, surface, gender, plural), False
            # المتحدث → المتحدث باسم الرئاسة: a shortened role refers back to the fuller one
            for e in reversed(self.entries[-MAX_ENTRIES_SCANNED:]):
                if e.kind == "person" and e.role and len(e.role) > len(toks) and e.role[: len(toks)] == toks:
                    self._add_form(e, surface, gender)
                    return e, True
            return self._merge([], toks, kind, surface, gender, plural), False
        if kind == "organization":
            toks = _without_country(toks)
        # organizations, documents, anonymous sources: the phrase is the name; a bare definite head
        # (الوزارة، المصادر، المكتب) refers back to the fuller phrase with that head
        if len(strip_titles(toks)) <= 1 or (len(toks) == 2 and toks[0] in _DEMONSTRATIVES):
            head = head_word(toks)
            for e in reversed(self.entries[-MAX_ENTRIES_SCANNED:]):
                if e.kind == kind and e.name and head_word(e.name) == head and len(e.name) > 1:
                    self._add_form(e, surface, gender)
                    return e, True
            issuer = self._statement_issuer(head) if kind == "document" and is_definite(toks[-1]) else None
            if issuer is not None:
                self._add_form(issuer, surface, None)
                return issuer, True  # وقال البنك في بيان ... وأكد البيان: the statement's author
            fuller = self._phrase_with_head(head)
            if fuller and len(fuller) > 1:
                return self._merge(fuller, [], kind, surface, gender, plural), True
        return self._merge(toks, [], kind, surface, gender, plural), False

    # -- helpers ---------------------------------------------------------------------------

    def _known_name_first(self, toks: list[str]) -> list[str]:
        """الساعدي الأهالي، ولد الشيخ المحادثات → الساعدي، ولد الشيخ: a phrase that opens with the end of
        a name the article gives (هناء الساعدي) is that name; the words after it are the verb's object."""
        lex = lexicon()
        if len(toks) < 2 or toks[0] in lex.first_names:
            return toks
        entries = [tuple(e.name) for e in reversed(self.entries[-MAX_ENTRIES_SCANNED:]) if e.kind == "person"]
        self.persons()
        by_last = self._persons_by_last or {}
        for k in range(len(toks) - 1, 0, -1):
            if toks[k - 1] in NAME_PARTICLES:
                continue  # (ولد الشيخ: a particle alone is no name)
            head = tuple(toks[:k])
            if any(len(n) > k and n[-k:] == head for n in (*entries, *by_last.get(toks[k - 1], ()))):
                return toks[:k]
        return toks

    def _delimited_by_mention(self, role: list[str], name: list[str]) -> tuple[list[str], list[str]]:
        """(role, name) with the name cut to a person the NER stage found inside it: the rules see no
        given name they do not list (محامية الدفاع رنا الحوراني → رنا الحوراني) and no end to a
        name before the verb's object (يوسف الرشيدي الحكم → يوسف الرشيدي)."""
        lex = lexicon()
        persons = self.persons()
        best = next(((a, a + n) for n in range(len(name) - 1, 0, -1) for a in range(len(name) - n + 1) if tuple(name[a : a + n]) in persons), None)
        if best is None:
            return role, name
        start, end = best
        before = name[start - 1] if start else ""
        name_like = before in lex.first_names or before in NAME_PARTICLES or before in COMPOUND_NAME_ENDS
        if start and not name_like and (end - start >= 2 or is_definite(before)):
            role, name, end, start = role + name[:start], name[start:], end - start, 0
        else:
            start = 0
        if end < len(name) and is_definite(name[end]) and end - start >= 2:
            name = name[:end]  # what follows a full name is not part of it
        return role, name

    def _merge(self, name: list[str], role: list[str], kind: str, surface: str, gender: str | None, plural: bool) -> SourceEntry:
        key = name or role
        for e in reversed(self.entries[-MAX_ENTRIES_SCANNED:]):
            other = e.name or e.role
            if not other or not key:
                continue
            same = other == key or (bool(name) and bool(e.name) and same_person(name, e.name))
            same = same or (not name and bool(role) and role == e.role)
            if same:
                if name and len(name) > len(e.name):
                    e.name = name
                if role and not e.role:
                    e.role = role
                self._add_form(e, surface, gender)
                return e
        entry = SourceEntry(name=name, kind=kind, role=role, gender=gender, plural=plural)
        self._add_form(entry, surface, gender)
        self.entries.append(entry)
        return entry

    @staticmethod
    def _add_form(e: SourceEntry, surface: str, gender: str | None) -> None:
        if surface and surface not in e.forms:
            e.forms.append(surface)
        if gender and not e.gender:
            e.gender = gender

    def _fuller_name(self, name: list[str]) -> list[str]:
        """The longest form of `name` in the text: a given name or particles written before it."""
        if len(name) >= 3:
            return name
        lex = lexicon()
        words = self.words()
        best = name
        n = len(name)
        for i in self.where(name[0]):
            if words[i : i + n] != name:
                continue
            j = i
            while j > 0 and i - j < 4:
                prev = words[j - 1]
                if prev in lex.first_names or prev in NAME_PARTICLES or (j - 2 >= 0 and words[j - 2] in NAME_PARTICLES):
                    j -= 1
                    continue
                break
            # a particle cannot start a name (بن سلمان): it needs the given name before it
            while j < i and words[j] in NAME_PARTICLES and words[j] not in ("عبد", "ابو", "ال"):
                j += 1
            if i - j > 0 and n + i - j > len(best):
                best = words[j : i + n]
        return best

    def _name_after_role(self, role: list[str]) -> list[str]:
        """A name the article writes right after this role (وزير الخارجية سامح الدباغ)."""
        for e in self.entries[-MAX_ENTRIES_SCANNED:]:
            if e.name and e.role and (e.role[-len(role) :] == role or role == e.role):
                return e.name
        if len(role) == 1 and is_definite(role[0]):
            # الوزير → "وزير التربية والتعليم هشام ...": the latest named source with that role noun
            for e in reversed(self.entries[-MAX_ENTRIES_SCANNED:]):
                if e.name and e.kind == "person" and e.role and e.role[0] == role[0][2:]:
                    return e.name
        lex = lexicon()
        words = self.words()
        n = len(role)
        for i in self.where(role[0]):
            if i + n >= len(words) or words[i : i + n] != role:
                continue
            nxt = words[i + n]
            if (apposed := self._apposed_name(i + n)) is not None:
                return apposed
            if nxt in lex.first_names and _given_name_at(words, i + n):
                return self._fuller_name(name_at(words, i + n))
            # وزير التموين → "وزير التموين والتجارة الداخلية المصري حسام ...": the role written longer
            # (coordinated and nisba definites) before the name
            m = i + n if role[0] in lex.roles else len(words)  # an office (وزير), not an organization
            while m < min(len(words), i + n + MAX_ROLE_EXTENSION) and (is_definite(words[m]) or (words[m].startswith("و") and is_definite(words[m][1:]))):
                m += 1
            if m > i + n and m < len(words) and words[m] in lex.first_names and _given_name_at(words, m):
                return self._fuller_name(name_at(words, m))
            for e in self.entries[-MAX_ENTRIES_SCANNED:]:
                if e.name and e.kind == "person" and nxt == e.name[0]:
                    return e.name
        # الرئيس التنفيذي لبنك الدلتا ↔ "الرئيس التنفيذي للبنك شريف ...": the same role of the same
        # kind of organization, written shorter, before a given name
        of_org = next((n for n, w in enumerate(role) if n and w[:1] == "ل" and without_article(w[1:].removeprefix("ل")) in lex.org_heads), None)
        if of_org is not None:
            core, org = role[:of_org], without_article(role[of_org][1:].removeprefix("ل"))
            for i in self.where(core[0]):
                j = i + len(core)
                if words[i:j] != core or j >= len(words) or without_article(words[j][1:].removeprefix("ل")) != org:
                    continue
                m = j + 1
                while m < min(len(words), j + MAX_ROLE_EXTENSION) and is_definite(words[m]):
                    m += 1
                if m < len(words) and words[m] in lex.first_names and _given_name_at(words, m):
                    return self._fuller_name(name_at(words, m))
        # الوزير النرويجي ↔ "نظيره النرويجي إسبن بارث إيدي": the role's nationality adjective
        # followed by a person the NER stage found
        adj = role[-1]
        # (محامي الصحفي is "the journalist's lawyer": a genitive, not an adjective, names no holder)
        construct = len(role) == 2 and not is_definite(role[0])
        if len(role) >= 2 and is_definite(adj) and not construct and self.person_names:
            by_first = {p[0]: p for p in self.person_names if p}
            nisba = adj.endswith(NISBA_ENDINGS)
            for i in self.where(adj):
                if not nisba and words[max(0, i - len(role) + 1) : i] != role[:-1]:
                    continue  # a noun (في المدينة) names no holder unless the whole role precedes it
                person = by_first.get(words[i + 1]) if i + 1 < len(words) else None
                if person and words[i + 1 : i + 1 + len(person)] == person:
                    return self._fuller_name(person)
        # الوزير الليبي ↔ "وزير الخارجية الليبي صالح المقريف": the same role noun shortly before the
        # nationality adjective and a given name right after it
        head = role[0][2:] if is_definite(role[0]) else ""
        if len(role) >= 2 and is_definite(adj) and (head in lex.roles or role[0] in lex.single_titles):
            head_forms = {head, "و" + head, "ال" + head, "وال" + head}
            for i in self.where(adj):
                named = i + 1 < len(words) and words[i + 1] in lex.first_names and _given_name_at(words, i + 1)
                if named and head_forms & set(words[max(0, i - ROLE_TO_ADJECTIVE) : i]):
                    return self._fuller_name(name_at(words, i + 1))
        return []

    def _apposed_name(self, i: int) -> list[str] | None:
        """The name set off by punctuation right after a role (المتحدث باسم الجبهة، آدم إسحاق أبكر، إن):
        words()[i:] up to the closing comma when the first is a given name (qala's list or Wikidata's: no
        hand-written list holds them all) and the words are few enough to be one name."""
        words, ends, lex = self.words(), self.phrase_ends(), lexicon()
        if i - 1 not in ends or not (words[i] in lex.sure_first_names or words[i] in common_name_words(APPOSED_NAME_COUNT)):
            return None  # no comma opens an apposition, or it does not start with a given name
        stop = next((j for j in range(i, min(len(words), i + MAX_APPOSED_NAME)) if j in ends), None)
        # a preposition or أن ends no name (على and the name علي are one word once normalized: a name here)
        if stop is None or any(w in lex.complementizers or ((w in _PREPS or w in _PHRASE_STOPS) and w not in lex.first_names) for w in words[i + 1 : stop + 1]):
            return None
        return words[i : stop + 1]

    def _statement_issuer(self, head: str) -> SourceEntry | None:
        """The known source that issued the statement/report the article first mentions
        (قال البنك في بيان، أصدرت الوزارة تقريرا، في بلاغ للشرطة): the guidelines attribute
        «وأكد البيان» to its author when the article names one. The issuer is an earlier source
        written right after the document noun (بيان للوزارة) or within ISSUER_WINDOW words before it."""
        words = self.words()
        hits = [i for form in (head, head + "ا") for p in ("", "و", "ف", "ب") for i in self.where(p + form)]
        if not hits:
            return None
        i = min(hits)
        by_word: dict[str, SourceEntry] = {}
        for e in self.entries[-MAX_ENTRIES_SCANNED:]:
            if e.kind not in ("person", "organization"):
                continue
            for w in [*e.name, *e.role, *(t for f in e.forms for t in name_tokens(f))]:
                if w not in _PREPS:
                    by_word[w] = e
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt.startswith("لل") and "ال" + nxt[2:] in by_word:
            return by_word["ال" + nxt[2:]]  # بيان للوزارة
        if nxt in lexicon().issuer_links and words[i + 2 : i + 3] == ["عن"]:
            for w in words[i + 3 : i + 3 + ISSUER_WINDOW]:
                if w in by_word:
                    return by_word[w]  # تقرير صادر عن الوزارة
        for j in range(i - 1, max(-1, i - 1 - ISSUER_WINDOW), -1):
            e = by_word.get(words[j])
            if e is not None and words[j] not in NAME_PARTICLES:
                return e
        return None

    def _phrase_with_head(self, head: str) -> list[str]:
        """The first phrase headed by `head` in the text that names something: indefinite (مكتب شؤون
        اللاجئين ...) or definite with two adjectives or more (المحكمة الكبرى الجنائية; with one,
        المنظمة الدولية, it is a description). [] when the text names two different things with
        that head (محكمة الاستئناف، المحكمة الكبرى الجنائية): the bare head is then no guess."""
        words, lex = self.words(), lexicon()
        hiding = lex.anonymity_verbs  # موظف، فضل عدم ذكر اسمه: the aside, not the phrase
        found: list[tuple[int, list[str]]] = []
        ends = self.phrase_ends()
        for i in self.where(head) + [i for p in "وفبل" for i in self.where(p + head)]:
            out = [head]
            for j, nxt in enumerate(words[i + 1 : i + 6], i + 1):
                if j - 1 in ends:
                    break  # خبراء: تراجع …: the label ends at its colon
                if nxt in lex.complementizers or nxt in _PHRASE_STOPS or nxt in _trailers():
                    break  # قال مسؤولون إنها: the sentence goes on
                # اتفاق لتبادل الأسرى: a لـ/بـ complement says what the thing is for, not its name
                if is_definite(nxt) or (len(out) == 1 and nxt not in _PREPS and nxt not in hiding and nxt[:1] not in "لب"):
                    out.append(nxt)
                else:
                    break
            found.append((i, out))
        for i in (i for p in ("", "و", "ف") for i in self.where(p + "ال" + head)):
            out = ["ال" + head]
            for nxt in words[i + 1 : i + MAX_DESCRIBED_WORDS + 1]:
                of_the = nxt.startswith("لل") and len(nxt) > 3  # الهيئة العليا للانتخابات
                if not (is_definite(nxt) or of_the) or nxt in _trailers():
                    break
                out.append(nxt)
            if len(out) >= MIN_DESCRIBED_WORDS:
                found.append((i, out))
        if not found:
            return []
        found.sort()
        first = found[0][1]
        for _, other in found[1:]:
            if len(other) > 1 and len(first) > 1 and other[1:] != first[1:][: len(other) - 1] and first[1:] != other[1:][: len(first) - 1]:
                return []
        return first


def _place_only(word: str) -> bool:
    """A gazetteer place name that names no organization or person."""
    key = gazetteer.key(word)
    return key in gazetteer.names("LOC") and key not in gazetteer.names("ORG") and key not in gazetteer.names("PER")


def headline_speaker_ok(tokens: list[str], known: list[list[str]], has_entity: bool) -> bool:
    """A headline label is a speaker when it is an organization/role/title, an anonymous source
    (مصدر أمني: ...), an entity mention, or a name used for a speaker elsewhere in the article
    (not a topic such as a country name)."""
    lex = lexicon()
    if len(tokens) == 1 and _place_only(tokens[0]):
        # فاس: ... is a dateline or a topic, whatever the tagger made of the city, unless the
        # place itself is a speaker elsewhere in the article (not a word of a longer speaker phrase)
        return any(other == tokens for other in known)
    if has_entity:
        return True
    kind = speaker_kind(tokens)
    if kind in ("organization", "document", "anonymous") or any(t in lex.roles or t[2:] in lex.roles for t in tokens):
        return True
    return any(set(tokens) <= set(other) for other in known)


# -- speaker frames lexicon ---------------------------------------------------------------
# `quote_speaker_frames.tsv` read once: the name cleanup above (`_without_own_setting`,
# `_without_manner`) and the constructions of `frames.py` (where the subject of a cue verb is
# written) both match on it, so it lives here, below both.

# Pronoun suffixes of a particle or a perspective phrase → (gender, plural) of the subject.
_PRONOUN_AGREEMENT: dict[str, tuple[str | None, bool]] = {"ه": ("m", False), "ها": ("f", False), "هم": ("m", True), "هما": (None, True), "هن": ("f", True)}
# A circumstantial م-participle in the accusative (مبتسما، متأثرا، متحسرا): not a name. Derived-form
# participles put a consonant after the م; ما... is a transliterated name (ماتسودا، مارتا), and
# form-I participles such as مازحا are listed as `state` in quote_speaker_frames.tsv.
STATE_PARTICIPLE = re.compile(r"^م[^ا]\w{2,}ا$")
# Its feminine (مبتسمة، متأثرة): also the form of nouns (منظمة، مدرسة), so only as the last word of a
# speaker phrase, after the name (قالت بن عيسى مبتسمة).
FEM_STATE_PARTICIPLE = re.compile(r"^م[^ا]\w{2,}ه$")


@dataclass(frozen=True)
class SpeakerFrames:
    """`quote_speaker_frames.tsv` (plus the attribution words of `quote_nominal_cues.tsv`), normalized."""

    topics: frozenset[str]
    auxiliaries: frozenset[str]
    anaphoric: dict[tuple[str, ...], tuple[str | None, bool]]  # particle tokens → subject agreement
    perspectives: dict[tuple[str, ...], tuple[str | None, bool]]
    prepositions: frozenset[str]
    adverbials: frozenset[str]
    pronouns: frozenset[str]
    emphatics: frozenset[str]  # ذاته، نفسها ...
    times: frozenset[str]
    attributions: frozenset[str]  # وفقا، بحسب، نقلا ... (with و/ب prefixes)
    objects: frozenset[str]  # ما، الذي: a relative clause is an object, never a speaker
    quantifiers: frozenset[str]  # جميع، كل، كافة: after a call verb, the addressees
    manners: frozenset[str]  # صوت، نبرة، حزم: ب/ك + one of them is a manner adjunct
    states: frozenset[str]  # ضاحكا، غاضبا: circumstantial adverbs


def _with_pronouns(forms: list[tuple[str, ...]], drop_final: str) -> dict[tuple[str, ...], tuple[str | None, bool]]:
    """Every pronoun-suffixed form of each entry (لكن → لكنه، لكنها ...; من جهته → من جهتها ...)."""
    out: dict[tuple[str, ...], tuple[str | None, bool]] = {}
    for f in forms:
        last = f[-1][: -len(drop_final)] if drop_final and f[-1].endswith(drop_final) else f[-1]
        for suffix, agreement in _PRONOUN_AGREEMENT.items():
            out[f[:-1] + (last + suffix,)] = agreement
    return out


@cache
def frames() -> SpeakerFrames:
    by_frame: dict[str, list[tuple[str, ...]]] = {}
    for row in load_table("lexicons", "quote_speaker_frames.tsv"):
        by_frame.setdefault(row["frame"], []).append(tuple(norm(row["form"]).split()))

    def words(frame: str) -> frozenset[str]:
        return frozenset(f[0] for f in by_frame.get(frame, []) if len(f) == 1)

    attributions: set[str] = set()
    for row in load_table("lexicons", "quote_nominal_cues.tsv"):
        form = norm(row["form"])
        attributions |= {form, "و" + form, "ب" + form, "وب" + form}
    return SpeakerFrames(
        topics=words("topic"),
        auxiliaries=words("auxiliary"),
        anaphoric=_with_pronouns(by_frame.get("anaphoric", []), ""),
        perspectives=_with_pronouns(by_frame.get("perspective", []), "ه"),
        prepositions=words("preposition"),
        adverbials=words("adverbial"),
        pronouns=words("pronoun"),
        emphatics=frozenset(f[0] for f in _with_pronouns(by_frame.get("emphatic", []), "ه")),
        times=words("time"),
        attributions=frozenset(attributions),
        objects=words("object"),
        quantifiers=words("quantifier"),
        manners=words("manner"),
        states=words("state"),
    )
