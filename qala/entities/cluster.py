"""Entities within one document: find mentions, then cluster those of the same entity.

Mentions come from four places: the NER tagger (`doc.mentions`), gazetteer look-ups over the tokens
(curated names and aliases, and the bulk gazetteers), role phrases (الرئيس الروسي، نظيره الإيراني،
المرشد الأعلى) with the name that follows them, and quotation speakers. Names cluster when one is
contained in another (رئيسي ⊂ إبراهيم رئيسي) or both are forms of one gazetteer entry; a role phrase
joins the entity the text put it next to (الرئيس الروسي فلاديمير بوتين), and a later bare use of the
role (وأعرب الرئيس الروسي), or of a counterpart/epithet (نظيره الإيراني، الأخ القائد), joins it too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from qala.document import Document, Entity, EntityType, Span, Token
from qala.entities import link
from qala.entities.names import (
    MAX_NAME_WORDS,
    PROCLITICS,
    common_words,
    counterparts,
    is_name_word,
    key,
    max_office_words,
    ministries,
    name_stops,
    nisbas,
    office_firsts,
    offices,
    org_heads,
    place_heads,
    strip_titles,
    title_at,
)
from qala.text.normalize import TABLE

# Longest gazetteer name tried at each token (جامعة الدول العربية is 3, منظمة الأمم المتحدة للطفولة 4).
MAX_GAZ_WORDS = 5
# A surname repeated alone (الصفدي after أيمن الصفدي) is only trusted when this long: shorter
# words are too often ordinary words.
MIN_ECHO_LETTERS = 4
# Prepositions: never part of a person's name caught by the tagger or a speaker phrase.
LOCATIVES = frozenset(key(w) for w in ("في", "إلى", "من", "نحو", "قرب", "داخل", "شمال", "جنوب", "شرق", "غرب"))
# Spans are looked up by start; none is longer than this many characters (a 6-word name), which
# bounds how far back `_covered` scans.
_MAX_SPAN = 120
_BIG = 1 << 60
# Words that make a span a clause rather than a name, whatever its type.
CLAUSE_WORDS = frozenset(key(w) for w in ("أن", "إن", "فإن", "وإن", "لأن", "كان", "كانت", "الذي", "التي", "قال"))
# A one-word name from the tagger shorter than this is a pronoun or particle (له، هو), not a name.
MIN_SINGLE_NAME_LETTERS = 3
# A NER or speaker span longer than this is not one name (a clause caught with it).
MAX_OUTSIDE_WORDS = 6
SOURCE_RANK = {"gazetteer": 0, "ner": 1, "title": 2, "speaker": 3, "echo": 4}


@dataclass(slots=True)
class Cand:
    """A candidate mention before clustering (offsets into the raw text)."""

    start: int
    end: int
    label: EntityType
    words: tuple[str, ...]  # normalized, titles stripped
    source: str
    known: link.Known | None = None
    role: tuple[str | None, str | None] | None = None  # (office group, country) of a role phrase
    role_text: str = ""
    counterpart: bool = False
    name_at: int | None = None  # raw offset where the name in apposition to a role would start
    cluster: int | None = None


@dataclass(slots=True)
class Cluster:
    type: EntityType
    known: link.Known | None
    words: set[str] = field(default_factory=set)
    names: list[Cand] = field(default_factory=list)
    roles: list[Cand] = field(default_factory=list)
    forms: set[tuple[str, ...]] = field(default_factory=set)  # word tuples of its names

    @property
    def first(self) -> int:
        return min(c.start for c in self.names + self.roles)


def _skip_letters(text: str, start: int, n: int) -> int:
    """Raw offset after `n` normalized letters from `start` (diacritics and tatweel do not count)."""
    i = start
    while n > 0 and i < len(text):
        if TABLE.get(ord(text[i]), "x") is not None:
            n -= 1
        i += 1
    while i < len(text) and TABLE.get(ord(text[i]), "x") is None:
        i += 1
    return i


@dataclass(slots=True)
class _Words:
    """The document's word tokens with their normalized forms (punctuation breaks phrases)."""

    tokens: list[Token]
    norms: list[str]
    words: list[bool]  # a word (not punctuation or a number)
    run: list[int]  # how many words in a row start here (a phrase never crosses punctuation)

    @classmethod
    def of(cls, doc: Document) -> _Words:
        toks = doc.tokens
        norms = [key(t.text) for t in toks]
        words = [n[:1].isalpha() for n in norms]
        run = [0] * (len(toks) + 1)
        for i in range(len(toks) - 1, -1, -1):
            run[i] = run[i + 1] + 1 if words[i] else 0
        return cls(toks, norms, words, run)

    def is_word(self, i: int) -> bool:
        return i < len(self.words) and self.words[i]


@cache
def _variants(word: str) -> tuple[tuple[int, str], ...]:
    """A word and its readings without a proclitic: (letters stripped, rest)."""
    out = [(0, word)]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            out.append((len(p) - 2, "ال" + rest) if p.endswith("ال") else (len(p), rest))
            if p in ("ل", "ول", "فل") and rest.startswith("ل"):
                out.append((len(p), "ا" + rest))  # للأمم → ل + الأمم
    return tuple(out)


def _gazetteer_cands(doc: Document, w: _Words) -> list[Cand]:
    out: list[Cand] = []
    idx = link.curated_index()
    firsts = link.first_words()
    i = 0
    n_tok = len(w.tokens)
    while i < n_tok:
        if not w.words[i]:
            i += 1
            continue
        best: tuple[int, int, link.Known] | None = None  # (words, stripped letters, entry)
        for strip, first in _variants(w.norms[i]):
            if first not in firsts:
                continue
            for n in range(min(MAX_GAZ_WORDS, w.run[i]), 0, -1):
                if best and n <= best[0]:
                    break
                phrase = " ".join([first, *w.norms[i + 1 : i + n]])
                hit = idx.get(phrase) or _bulk_hit(phrase, n, strip, w, i)
                if hit:
                    best = (n, strip, hit)
                    break
        if best:
            n, strip, hit = best
            start = _skip_letters(doc.text, w.tokens[i].start, strip) if strip else w.tokens[i].start
            out.append(Cand(start, w.tokens[i + n - 1].end, hit.type, tuple(key(hit.name).split()), "gazetteer", hit))
            i += n
        else:
            i += 1
    return out


def _ministry_cands(doc: Document, w: _Words, taken: list[Cand]) -> list[Cand]:
    """Ministries not in a gazetteer: وزارة الصحة، وزارة الخارجية الأردنية، الخارجية المصرية."""
    out: list[Cand] = []
    spans = _Spans(taken)
    mins, nis = ministries(), nisbas()
    ministry = key("وزارة")
    for i in range(len(w.tokens)):
        if not w.words[i]:
            continue
        strip, first = next(((s, v) for s, v in _variants(w.norms[i]) if v == ministry or v in mins), (0, ""))
        if not first:
            continue
        j = i + 1 if first == ministry else i
        if first == ministry and not (w.is_word(j) and w.norms[j] in mins):
            continue
        has_nisba = w.is_word(j + 1) and w.norms[j + 1] in nis and w.norms[j + 1].endswith("ه")
        if first != ministry and not has_nisba:
            continue
        end_tok = j + 1 if has_nisba else j
        start = _skip_letters(doc.text, w.tokens[i].start, strip) if strip else w.tokens[i].start
        c = Cand(start, w.tokens[end_tok].end, "ORG", tuple(w.norms[i:end_tok + 1]), "gazetteer")
        if strip:
            c.words = (first, *c.words[1:])
        if not spans.hits(c.start, c.end):
            out.append(c)
            spans.add(c)
    return out


def _bulk_hit(phrase: str, n: int, strip: int, w: _Words, i: int) -> link.Known | None:
    """A bulk-gazetteer entry for `phrase`, only where such entries are reliable enough."""
    if n == 1:
        if phrase in place_heads() or phrase in common_words():
            return None
        # one bulk-gazetteer word is a place only after a place noun (في مدينة طراز): after a mere
        # preposition too many are ordinary words (من طراز، في تربة، في جامعة); the tagger decides those
        prev = w.norms[i - 1] if i > 0 else ""
        if strip or prev not in place_heads():
            return None
        hit = link.lookup(phrase, "LOC")
        return hit if hit is not None and hit.source != "curated" else None
    if phrase.split(" ", 1)[0] in name_stops():  # أن صالح is not In Salah
        return None
    hit = link.lookup(phrase)
    return hit if hit is not None and hit.source != "curated" else None


def _match_office(w: _Words, i: int) -> tuple[int, int, str, bool] | None:
    """(words, proclitic letters, office group or "", is counterpart) of a role phrase at token i."""
    offs = offices()
    cps = counterparts()
    firsts = office_firsts()
    for strip, first in _variants(w.norms[i]):
        if first not in firsts and first not in cps:
            continue
        if first in cps:
            return 1, strip, "", True
        for n in range(min(max_office_words(), len(w.norms) - i), 0, -1):
            words = (first, *w.norms[i + 1 : i + n])
            if words in offs and all(w.is_word(j) for j in range(i, i + n)):
                return n, strip, offs[words], False
    return None


def _role_cands(doc: Document, w: _Words) -> list[Cand]:
    """Role phrases (office + optional nisba, counterpart + nisba), and the name right after them."""
    out: list[Cand] = []
    nis = nisbas()
    i = 0
    while i < len(w.tokens):
        m = _match_office(w, i) if w.is_word(i) else None
        if not m:
            i += 1
            continue
        n, strip, group, is_cp = m
        j = i + n
        country = None
        if w.is_word(j) and w.norms[j] in nis:
            country = nis[w.norms[j]]
            j += 1
        if is_cp and country is None:
            i = j
            continue
        start = _skip_letters(doc.text, w.tokens[i].start, strip) if strip else w.tokens[i].start
        role_words = [w.norms[i][strip:] if strip else w.norms[i], *w.norms[i + 1 : j]]
        # titles between the role and the name (المرشد الأعلى آية الله علي خامنئي)
        k = j + title_at(w.norms, j)
        name_at = w.tokens[k].start if k < len(w.tokens) and w.is_word(k) else None
        out.append(
            Cand(start, w.tokens[j - 1].end, "PER", (), "role", role=(group or None, country),
                 role_text=" ".join(role_words), counterpart=is_cp, name_at=name_at)
        )
        i = j
    return out


def _title_names(doc: Document, w: _Words, roles: list[Cand], taken: list[tuple[int, int]]) -> list[Cand]:
    """Unknown personal names right after a role phrase or a title (السيد، الدكتور، الشيخ)."""
    starts = {t.start: idx for idx, t in enumerate(w.tokens)}
    anchors = [starts[r.name_at] for r in roles if r.name_at is not None and r.name_at in starts]
    for i in range(len(w.tokens)):
        n = title_at(w.norms, i) if w.words[i] else 0
        if n:
            anchors.append(i + n)
    out: list[Cand] = []
    seen: set[int] = set()
    for a in sorted(set(anchors)):
        if a in seen or a >= len(w.tokens) or _covered(w.tokens[a].start, taken):
            continue
        # a run of words that could be a name: attested name words, or unknown words (a foreign
        # name: إسبن بارث إيدي) as long as an attested name word closes the run
        j, last_known = a, a
        while j < len(w.tokens) and j - a < MAX_NAME_WORDS and w.is_word(j):
            word = w.norms[j]
            if word in nisbas() or word in name_stops() or _covered(w.tokens[j].start, taken):
                break
            if is_name_word(word):
                last_known = j + 1
            elif word in common_words() or len(word) < MIN_SINGLE_NAME_LETTERS:
                break
            j += 1
        j = last_known
        while j > a and w.norms[j - 1] in ("بن", "ابن", "عبد", "ابو", "بنت"):
            j -= 1  # a name does not end on a particle
        if j > a:
            seen.update(range(a, j))
            out.append(Cand(w.tokens[a].start, w.tokens[j - 1].end, "PER", tuple(w.norms[a:j]), "title"))
    return out


def _covered(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls inside one of `spans` (sorted by start, non-overlapping or not)."""
    i = bisect_right(spans, (pos, _BIG)) - 1
    while i >= 0:
        s, e = spans[i]
        if s <= pos < e:
            return True
        if pos - s > _MAX_SPAN:
            return False
        i -= 1
    return False


def _overlaps(a: Cand, b: Cand) -> bool:
    return a.start < b.end and b.start < a.end


class _Spans:
    """Non-overlapping spans kept sorted, so an overlap test is a binary search (a document of
    megabytes on one line must not make clustering quadratic)."""

    def __init__(self, spans: list[Cand] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for c in spans or ():
            self.add(c)

    def hits(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, c: Cand) -> None:
        i = bisect_right(self.starts, c.start)
        self.starts.insert(i, c.start)
        self.ends.insert(i, c.end)


def _free(cands: list[Cand], *taken: list[Cand]) -> list[Cand]:
    """The candidates overlapping none of the (each non-overlapping) lists in `taken`."""
    sets = [_Spans(t) for t in taken]
    return [c for c in cands if not any(s.hits(c.start, c.end) for s in sets)]


def _words_of(doc: Document, start: int, end: int) -> tuple[str, ...]:
    words = tuple(key(doc.text[start:end]).split())
    _, rest = strip_titles(words)
    return rest


def _outside_cands(doc: Document, w: _Words, roles: list[Cand]) -> tuple[list[Cand], list[Cand]]:
    """NER mentions and speaker mentions as candidates, trimmed and checked.

    Both come from statistical or heuristic stages and can be wider than the name (a role in front,
    words after it): a leading role phrase is cut off, and a span is kept only when it looks like a
    name (see `_plausible`); a name the gazetteers or role phrases already found always wins.
    """
    ner, speakers = [], []
    roles_at = [r.start for r in roles]
    for m in doc.mentions:
        c = _trimmed(doc, w, m.start, m.end, m.label, "ner", roles, roles_at)
        if c is not None:
            ner.append(c)
    for q in doc.quotes:
        sp = q.speaker
        if sp is None or sp.mention is None or sp.kind not in ("person", "organization"):
            continue
        label: EntityType = "ORG" if sp.kind == "organization" else "PER"
        start, end = sp.mention.start, sp.mention.end
        # The phrase may carry a role after the name (NAME مديرة إدارة ...): the quote stage already
        # found the name in it, so the candidate is narrowed to that name when it is written there.
        at = doc.text.find(sp.name, start, end) if sp.name else -1
        if at >= 0:
            start, end = at, at + len(sp.name)
        c = _trimmed(doc, w, start, end, label, "speaker", roles, roles_at)
        if c is not None:
            speakers.append(c)
    return ner, speakers


def _trimmed(doc: Document, w: _Words, start: int, end: int, label: EntityType, source: str,
             roles: list[Cand], roles_at: list[int]) -> Cand | None:
    i = bisect_right(roles_at, start) - 1  # roles are sorted and do not overlap
    if i >= 0 and start < roles[i].end:
        r = roles[i]
        start = r.name_at if r.name_at is not None and r.name_at < end else r.end
    while start < end and doc.text[start].isspace():
        start += 1
    words = _words_of(doc, start, end)
    if words and words[0] in nisbas() and len(words) > 1:  # الليبي أحمد الخراز → أحمد الخراز
        nxt = doc.text.find(" ", start, end)
        start, words = (nxt + 1, words[1:]) if nxt > 0 else (start, words)
    if words:
        strip, first = _clitic_free(words)
        if strip:
            start = _skip_letters(doc.text, start, strip)
            words = (first, *words[1:])
    if not words or not _plausible(words, label, source):
        return None
    # titles stripped: move the start past them
    dropped = len(key(doc.text[start:end]).split()) - len(words)
    for _ in range(dropped):
        nxt = doc.text.find(" ", start, end)
        if nxt < 0:
            return None
        start = nxt + 1
    return Cand(start, end, label, words, source, link.lookup(" ".join(words), label))


def _clitic_free(words: tuple[str, ...]) -> tuple[int, str]:
    """A tagger span's first word without a proclitic it caught (وادنبره، لمجلس), when the rest is
    a gazetteer name or starts like an organization or place: (letters to drop, first word)."""
    rest = " ".join(words[1:])
    for strip, first in _variants(words[0])[1:]:
        phrase = f"{first} {rest}".strip()
        if first in org_heads() or first in place_heads() or link.lookup(phrase) is not None:
            return strip, first
    return 0, words[0]


def _plausible(words: tuple[str, ...], label: EntityType, source: str) -> bool:
    """Whether a span from NER or a speaker phrase looks like a name: not too long, no function
    words, and (for a person) at least one attested name word or a gazetteer entry."""
    if len(words) > MAX_OUTSIDE_WORDS or not all(x[:1].isalpha() for x in words):
        return False
    if any(x in CLAUSE_WORDS for x in words) or (len(words) == 1 and words[0] in nisbas()):
        return False  # a clause (… فإن …) or an adjective (سعودية), not a name
    if label == "PER" and len(words) >= 2 and words[0].startswith("ال") and words[-1] in nisbas():
        return False  # an epithet (النجم المصري), not a name
    if len(words) == 1 and len(words[0]) < MIN_SINGLE_NAME_LETTERS:
        return False
    if len(words) == 1 and any(v in common_words() or v in name_stops() for _, v in _variants(words[0])):
        return key(words[0]) in link.curated_index()  # only our own table overrides the word list
    if label != "PER":
        return source == "ner" or link.lookup(" ".join(words)) is not None
    if any(x in name_stops() or x in LOCATIVES or len(x) < 2 for x in words):
        return False
    return any(is_name_word(x) for x in words) or link.lookup(" ".join(words)) is not None


def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping name mentions: longer first, then by source reliability."""
    chosen: list[Cand] = []
    spans = _Spans()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), SOURCE_RANK.get(c.source, 9), c.start)):
        if not spans.hits(c.start, c.end):
            chosen.append(c)
            spans.add(c)
    return sorted(chosen, key=lambda c: c.start)


def _cluster_names(names: list[Cand]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_known: dict[str, int] = {}
    for c in sorted(names, key=lambda c: (-len(c.words), c.start)):
        if c.known is not None:
            ident = c.known.ident
            if ident not in by_known:
                by_known[ident] = len(clusters)
                clusters.append(Cluster(c.known.type, c.known, set(key(c.known.name).split()) | set(c.words)))
            c.cluster = by_known[ident]
        else:
            c.cluster = _containing(clusters, c)
            if c.cluster is None:
                c.cluster = len(clusters)
                clusters.append(Cluster(c.label, None, set(c.words)))
        cl = clusters[c.cluster]
        cl.names.append(c)
        cl.forms.add(c.words)
        if c.known is None and cl.type == "PER":
            cl.words |= set(c.words)
    return clusters


def _containing(clusters: list[Cluster], c: Cand) -> int | None:
    """The cluster this unknown name belongs to: its words are a subset of a PER name (surname
    alone, given name alone), or the same words for other types; the nearest earlier one wins."""
    words = set(c.words)
    best, best_dist = None, None
    for idx, cl in enumerate(clusters):
        if c.label == "PER" and cl.type == "PER":
            ok = words <= cl.words
        else:
            ok = cl.type == c.label and (c.words in cl.forms or any(
                (h, *c.words) in cl.forms for h in org_heads()))
        if not ok:
            continue
        dist = abs(c.start - cl.names[0].start) if cl.names else 0  # its fullest name's position
        if best_dist is None or dist < best_dist:
            best, best_dist = idx, dist
    return best


def _resolve_roles(doc: Document, roles: list[Cand], names: list[Cand], clusters: list[Cluster]) -> None:
    """Attach each role phrase to the entity it names: apposition first, then earlier links in the
    text (same office and country; counterpart by country; epithet by office), then curated holders."""
    name_at = {n.start: n for n in names}
    by_key: dict[tuple[str | None, str | None], int] = {}
    by_country: dict[str, int] = {}
    by_group: dict[str, int] = {}
    pending: list[Cand] = []

    def register(r: Cand, cid: int) -> None:
        r.cluster = cid
        clusters[cid].roles.append(r)
        group, country = r.role or (None, None)
        by_key[(group, country)] = cid
        if country:
            by_country[country] = cid
        if group:
            by_group[group] = cid

    for r in sorted(roles, key=lambda r: r.start):
        n = name_at.get(r.name_at) if r.name_at is not None else None
        if n is not None and n.cluster is not None and clusters[n.cluster].type == "PER":
            register(r, n.cluster)
        else:
            cid = _lookup_role(r, by_key, by_country, by_group)
            if cid is None:
                pending.append(r)
            else:
                register(r, cid)
    for r in pending:  # a bare role named only later in the text, or a curated office holder
        cid = _lookup_role(r, by_key, by_country, by_group)
        if cid is None and not r.counterpart:
            holder = link.role_holder(r.role_text, doc.date)
            if holder is not None:
                cid = next((i for i, cl in enumerate(clusters) if cl.known and cl.known.ident == holder.ident), None)
                if cid is None:
                    cid = len(clusters)
                    clusters.append(Cluster(holder.type, holder, set(key(holder.name).split())))
        if cid is not None:
            register(r, cid)


def _lookup_role(r: Cand, by_key: dict, by_country: dict, by_group: dict) -> int | None:
    group, country = r.role or (None, None)
    if r.counterpart:
        return by_country.get(country) if country else None
    if (group, country) in by_key:
        return by_key[(group, country)]
    if country is None and group in by_group:
        return by_group[group]
    return None


def _echo_cands(doc: Document, w: _Words, clusters: list[Cluster], taken: list[tuple[int, int]]) -> list[Cand]:
    """Later uses of a person's surname alone (الصفدي after وزير الخارجية أيمن الصفدي)."""
    surnames: dict[str, int] = {}
    for idx, cl in enumerate(clusters):
        if cl.type != "PER":
            continue
        for n in cl.names:
            if len(n.words) >= 2 and len(n.words[-1]) >= MIN_ECHO_LETTERS and n.words[-1] not in name_stops():
                surnames.setdefault(n.words[-1], idx)
    if not surnames:
        return []
    out = []
    for i, tok in enumerate(w.tokens):
        if not w.is_word(i) or _covered(tok.start, taken):
            continue
        for strip, word in _variants(w.norms[i]):
            if word in surnames and (strip == 0 or strip <= 2):
                start = _skip_letters(doc.text, tok.start, strip) if strip else tok.start
                c = Cand(start, tok.end, "PER", (word,), "echo", cluster=surnames[word])
                out.append(c)
                break
    return out


def _entity_name(doc: Document, cl: Cluster) -> str:
    """Fullest name in the document (most words), titles stripped; the gazetteer name if none."""
    names = cl.names
    if cl.known is not None:  # a surface form the gazetteer spells (not a clitic-damaged لأمم المتحدة)
        forms = {key(f) for f in (cl.known.name, *cl.known.aliases)}
        names = [c for c in names if key(doc.text[c.start : c.end]) in forms]
    if not names:
        return cl.known.name if cl.known else ""
    best = max(names, key=lambda c: (len(c.words), -c.start))
    text = doc.text[best.start : best.end]
    dropped, _ = strip_titles(tuple(key(text).split()))
    if dropped:
        parts = text.split()
        text = " ".join(parts[dropped:])
    return text.strip()


def cluster_entities(doc: Document) -> list[Entity]:
    """The document's entities, each with its mentions; also links speakers and NER mentions."""
    w = _Words.of(doc)
    gaz = _gazetteer_cands(doc, w)
    roles = _role_cands(doc, w)
    gaz = _select(gaz)
    gaz += _ministry_cands(doc, w, gaz)
    roles = _free(roles, gaz)
    ner, speakers = _outside_cands(doc, w, roles)
    pre = _select(gaz + _free(ner, gaz, roles))
    taken = sorted([(c.start, c.end) for c in pre] + [(r.start, r.end) for r in roles])
    names = _select(pre + _title_names(doc, w, roles, taken))
    # a speaker phrase may be fuller than the tagger's span (حسين المعلاق over حسين): it competes
    # with tagger and title names on length, never with gazetteer names or role phrases
    names = _select(names + _free(speakers, gaz, roles))
    clusters = _cluster_names(names)
    taken = sorted([(c.start, c.end) for c in names] + [(r.start, r.end) for r in roles])
    for c in _echo_cands(doc, w, clusters, taken):
        clusters[c.cluster].names.append(c)  # type: ignore[index]
    _resolve_roles(doc, roles, names, clusters)

    live = [cl for cl in clusters if cl.names or cl.roles]
    live.sort(key=lambda cl: cl.first)
    entities = []
    for n, cl in enumerate(live, 1):
        name = _entity_name(doc, cl)
        spans = sorted({(c.start, c.end) for c in cl.names + cl.roles})
        forms = [doc.text[s:e] for s, e in spans]
        labels = Counter(c.label for c in cl.names)
        etype: EntityType = cl.known.type if cl.known else (labels.most_common(1)[0][0] if labels else "PER")
        ent = Entity(
            id=f"e{n}",
            type=etype,
            name=name,
            mentions=[Span.of(doc.text, s, e) for s, e in spans],
            aliases=sorted({f for f in forms if key(f) != key(name)}),
        )
        link.link_entity(ent, cl.known)
        entities.append(ent)
    _link_speakers_and_mentions(doc, entities)
    return entities


class _MentionIndex:
    """All entity mentions sorted by start: the entity most overlapping a span, by binary search."""

    def __init__(self, entities: list[Entity]) -> None:
        rows = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.starts = [r[0] for r in rows]
        self.rows = rows

    def best(self, start: int, end: int) -> Entity | None:
        best, best_overlap = None, 0
        i = bisect_right(self.starts, start - _MAX_SPAN)
        while i < len(self.rows) and self.rows[i][0] < end:
            s, e, ent = self.rows[i]
            ov = min(end, e) - max(start, s)
            if ov > best_overlap:
                best, best_overlap = ent, ov
            i += 1
        return best


def _link_speakers_and_mentions(doc: Document, entities: list[Entity]) -> None:
    """Sets `speaker.entity` (never the speaker's name) and `Mention.entity`."""
    by_name = {key(e.name): e for e in entities}
    for e in entities:
        for a in e.aliases:
            by_name.setdefault(key(a), e)
    index = _MentionIndex(entities)
    for q in doc.quotes:
        sp = q.speaker
        if sp is None or sp.kind not in ("person", "organization"):
            continue
        ent = index.best(sp.mention.start, sp.mention.end) if sp.mention else None
        if ent is None:
            words = strip_titles(tuple(key(sp.name).split()))[1]
            ent = by_name.get(" ".join(words)) or by_name.get(key(sp.name))
        if ent is not None:
            sp.entity = ent.id
    for m in doc.mentions:
        ent = index.best(m.start, m.end)
        if ent is not None:
            m.entity = ent.id
