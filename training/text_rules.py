"""Small text rules used to make headline-style claims from body sentences (news_pairs.py)."""
import re

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep",
                 "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                 "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "no", "fig", "e.g", "i.e"}


def split_sentences(text):
    out = []
    for block in re.split(r"\n\s*\n|\n", text):
        block = block.strip()
        if not block:
            continue
        start = 0
        for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])", block):
            candidate = block[start:m.end()].strip()
            last = re.findall(r"([A-Za-z.]+)[.!?][\"'\u201d\u2019)]*\s*$", candidate)
            if last and last[0].lower().rstrip(".") in ABBREVIATIONS:
                continue
            if candidate:
                out.append(candidate)
            start = m.end()
        tail = block[start:].strip()
        if tail:
            out.append(tail)
    return [s for s in out if len(s) > 2]


# Opposite outcomes: replacing one by the other in a claim contradicts the sentence it came from.
_PAIRS = [
    ("rose", "fell"), ("rises", "falls"), ("increased", "decreased"), ("increases", "decreases"),
    ("grew", "shrank"), ("raised", "cut"), ("higher", "lower"), ("gained", "lost"), ("won", "lost"),
    ("wins", "loses"), ("approved", "rejected"), ("approves", "rejects"), ("accepted", "refused"),
    ("confirmed", "denied"), ("confirms", "denies"), ("opened", "closed"), ("opens", "closes"),
    ("reopened", "closed"), ("allowed", "banned"), ("allows", "bans"), ("lifted", "imposed"),
    ("convicted", "acquitted"), ("guilty", "innocent"), ("charged", "released without charge"),
    ("arrested", "released"), ("survived", "died"), ("alive", "dead"), ("true", "false"),
    ("legal", "illegal"), ("hired", "fired"), ("joined", "left"), ("supported", "opposed"),
    ("supports", "opposes"), ("agreed", "refused"), ("succeeded", "failed"), ("started", "ended"),
    ("began", "ended"), ("went ahead", "was called off"), ("resumed", "halted"), ("boosted", "reduced"),
    ("expanded", "reduced"), ("strengthened", "weakened"), ("improved", "worsened"), ("passed", "failed"),
    ("safe", "dangerous"), ("launched", "scrapped"),
    ("kept", "scrapped"), ("success", "failure"), ("profit", "loss"), ("cheaper", "dearer"),
]
ANTONYMS = {}
for a, b in _PAIRS:
    ANTONYMS.setdefault(a, b)
    ANTONYMS.setdefault(b, a)

HEDGE_WRAPPERS = [
    "It is possible that {p}", "Officials are investigating whether {p}", "It is not yet clear whether {p}",
    "It has not been confirmed that {p}", "There is speculation that {p}", "Early results suggest that {p}",
    "Nobody has ruled out that {p}", "Analysts think it could turn out that {p}",
    "A preliminary report suggests that {p}", "Officials are considering whether {p}",
    "The board is in talks over whether {p}", "Sources say it may be that {p}",
]
SOURCE_WRAPPERS = [
    "A rival alleged that {p}", "Critics claim that {p}", "According to unconfirmed reports, {p}",
    "Police are looking into claims that {p}", "A lawsuit claims that {p}", "Witnesses said they believed {p}",
    "Some reports claim that {p}", "Activists accused officials, saying {p}", "It was rumoured that {p}",
]
CONDITION_CLAUSES = [
    "if the board approves the plan", "unless funding falls through", "as long as the weather holds",
    "provided regulators agree", "if talks succeed next week", "unless the vote goes against it",
    "if enough money is raised", "provided that the courts allow it",
]
WEAK_SOURCE_RE = re.compile(
    r"\b(claim(?:s|ed)?|alleg(?:e|es|ed|edly|ation|ations)|accus(?:e|es|ed|ing)|reportedly|rumou?r(?:s|ed)?|"
    r"according to|purported(?:ly)?|unconfirmed|supposedly|lawsuit)\b", re.I)

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|this week|last week|" \
        r"last month|last year|this year|earlier this (?:week|month|year)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_SAY = r"(?:said|says|told [A-Za-z ]{2,30}|added|announced|explained|noted|stated|wrote|reported)"
_INTRO = re.compile(r"^(?:On|Last|Earlier|Later|Meanwhile|However|But|And|Also|Yesterday|Today|Now|Separately|"
                    r"In (?:a|an|the) [a-z ]{2,30}|In [A-Z][a-z]+|According to [^,]{2,60}),\s+")
_TRAIL_SAY = re.compile(r",?\s+(?:he|she|they|it|police|officials|[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,5}|"
                        r"the [\w ]{2,40}) " + _SAY + r"(?:\s+[^,]{0,60})?\.?$")
_LEAD_SAY = re.compile(r"^(?:[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,5}) " + _SAY + r"(?: on [A-Z][a-z]+)?(?: that)?\s+")
_TRAIL_TIME = re.compile(r"\s+(?:" + _DAYS + r")\b")
_PAREN = re.compile(r"\s*\([^)]{0,80}\)")
_APPOSITIVE = re.compile(r",\s+(?:who|which|whose)\s+[^,]{3,80},")

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "hundred": 100, "a dozen": 12}
_WORDS_FOR = {v: k for k, v in NUMBER_WORDS.items() if k != "a dozen"}


def word_to_number(word):
    return NUMBER_WORDS.get(word.lower())


def number_to_words(n):
    return _WORDS_FOR.get(n, str(n))


def compress(sentence, rng, keep_source=False):
    """A headline-style claim: intro phrases, attribution (unless keep_source), time words, parentheses
    and appositives dropped; no final full stop. None when too little is left."""
    s = sentence.strip().strip('"\u201c\u201d')
    s = _PAREN.sub("", s)
    s = _APPOSITIVE.sub("", s)
    s = _INTRO.sub("", s)
    if not keep_source:
        s = _TRAIL_SAY.sub("", s.rstrip("."))
        s = _LEAD_SAY.sub("", s)
    if rng.random() < 0.7:
        s = _TRAIL_TIME.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;:.")
    s = re.sub(r"^(?:The|A|An) (?=[a-z])", "", s) if rng.random() < 0.5 else s
    s = re.sub(r"\b(has|have) (\w+ed)\b", r"\2", s) if rng.random() < 0.6 else s
    if rng.random() < 0.4:
        # Headlines are short: keep the main clause, drop a trailing clause after a comma or dash.
        m = re.search(r"^((?:\S+\s+){5,}?\S+?)(?:,| -| \u2014) ", s)
        if m and not re.search(r"\b(if|unless|not|no|never)\b", s[m.end():]):
            s = m.group(1)
    if len(s.split()) < 4 or len(s) > 160:
        return None
    return s[0].upper() + s[1:]


_IRREGULAR_PAST = {"be": "was", "have": "had", "do": "did", "go": "went", "make": "made", "take": "took",
                   "give": "gave", "get": "got", "sell": "sold", "buy": "bought", "cut": "cut", "put": "put",
                   "set": "set", "shut": "shut", "quit": "quit", "leave": "left", "pay": "paid", "win": "won",
                   "lose": "lost", "build": "built", "send": "sent", "spend": "spent", "hold": "held",
                   "keep": "kept", "begin": "began", "bring": "brought", "run": "ran", "meet": "met",
                   "become": "became", "come": "came", "find": "found", "tell": "told", "say": "said",
                   "see": "saw", "know": "knew", "fall": "fell", "rise": "rose", "grow": "grew", "raise": "raised",
                   "stand": "stood", "strike": "struck", "seek": "sought", "drive": "drove", "write": "wrote"}


def inflect_past(verb):
    v = verb.lower()
    if v in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[v]
    if not re.fullmatch(r"[a-z]{2,}", v) or v.endswith(("ing", "ed")):
        return None
    if v.endswith("e"):
        return v + "d"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ied"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", v) and len(v) <= 4:
        return v + v[-1] + "ed"
    return v + "ed"


def inflect_present(verb, subject):
    v = verb.lower()
    if not re.fullmatch(r"[a-z]{2,}", v) or v.endswith(("ing", "ed")):
        return None
    if v == "be":
        return "are" if re.search(r"(s|they|we)$", subject.lower()) else "is"
    if v == "have":
        return "have" if re.search(r"(s|they|we)$", subject.lower()) else "has"
    if re.search(r"(?<!new)s$|\b(they|we)$", subject.lower()):
        return v
    if re.search(r"(s|sh|ch|x|z|o)$", v):
        return v + "es"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "s"
