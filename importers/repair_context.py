"""Context for OCR repair: which of two spellings that are both words a sentence wants.

OCR that reads ä/å as "a" and ö as "o" turns many Swedish words into other words: "här" -> "har",
"vår" -> "var", "säker" -> "saker", "sätt" -> "satt". The word list cannot tell them apart; the
words around them can. Two kinds of evidence, both compared on folded words (å/ä -> a, ö -> o, so
that the neighbours' own damage does not matter):

* light Swedish grammar: "har" is an auxiliary and is never followed by a finite verb ("här är",
  "här finns"); "det/den/de här" is followed by a noun, "det har" by a supine; after a preposition
  "var/vara/vart" is the possessive "vår/våra/vårt"; "ett sätt", "ett råd"; after "att" or a modal
  verb the infinitive ("att stärka", "kan köras"); after "är/blir/mycket/inte" the adjective
  ("är säker", "mycket svårt"); after a count "ar" is "år";
* the archive's clean documents: how often each spelling followed and preceded each word there
  (`Neighbours`, gathered from `Archive.clean_texts()`).

`decide` returns the spelling the context asks for, or None when it does not decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "a", "&": "a", "6": "o"})


def fold(word: str) -> str:
    """Lower case without å/ä/ö (and without OCR's "6"/"&"/"é" for them): how context is compared."""
    return word.lower().translate(_FOLD)


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


#: Finite verbs (present tense) and modals: "har" is never followed by one, "här" often is.
FINITE = _folded("är finns ska skall kan kommer blir gäller handlar behöver måste visar framgår följer "
                 "står ligger syns ser innebär betyder återstår saknas")
#: Words that make the next word "här" when a noun follows: "det här mötet", "den här frågan".
DEMONSTRATIVE = _folded("det den de denna detta dessa")
#: What follows "det/den/de har": a supine, an adverb, a determiner ("det har varit", "de har inte").
AFTER_AUXILIARY = _folded("inte varit haft blivit fått gjort sagt tagit också redan aldrig ju nu även alltid "
                          "en ett inga ingen inget många flera alla fler fått ännu tidigare hittills just "
                          "bara dock därför tyvärr sedan länge")
SUPINE = re.compile(r"(?:at|it|tt|ats|its|tts|ts|tt|tt|ort|ått)$")
DEFINITE = re.compile(r"(?:et|en|na)$")
AUXILIARY = _folded("har hade ha haft blivit varit som vi man jag de hon han ni")
PARTICLES = _folded("fram till upp ner ut in på om av bort undan ihop ned över")
PREPOSITIONS = _folded("i på av för med till från om under efter vid hos mot genom inom utan enligt inför "
                       "kring bland över åt ur ifrån utifrån")
#: Words after which "var/vart" keeps its own meaning ("var och en", "vart tredje år").
EACH = _folded("och annan annat tredje fjärde femte sjätte sjunde åttonde nionde tionde")
#: Before "år": counts and words that take a year ("i år", "förra året", "per år").
COUNTS = _folded("ett två tre fyra fem sex sju åtta nio tio elva tolv tjugo trettio några många flera "
                 "varje per förra nästa detta samma hela i om på under sedan föregående tidigare kommande "
                 "senaste innevarande")
#: Words after which "gang" is "gång" ("på gång", "en gång", "första gången"; "gäng" is neuter).
ONCE = _folded("på en någon första andra tredje varje sista nästa denna ytterligare flera många per annan "
               "samma")
#: Singular determiners: "en saker" is "en säker" (a plural noun cannot follow).
SINGULAR = _folded("en ett ingen inget någon något sin sitt")
#: Infinitive markers and modal verbs: an infinitive follows ("att stärka", "kan köras").
INFINITIVE_MARKERS = _folded("att ska skall kan bör måste vill får skulle kunna kunde borde behöver brukar "
                             "ville försöka")
#: Infinitives (active and passive) whose OCR form is another word ("stärka" -> "starka").
INFINITIVES = frozenset("stärka stärkas ändra ändras köras köra köa föra föras äga gå få nå pröva prövas "
                        "höra röra lära förstå ersättas ersätta återgå återkomma säga".split())
#: Copulas and degree words: an adjective or adverb follows ("är säker", "mycket svårt", "för lågt").
PREDICATIVE = _folded("är var vara varit blir bli blev blivit inte helt mer mest mindre så lika ganska "
                      "väldigt mycket tillräckligt alltför relativt extra särskilt lite något för")
#: Adjectives and adverbs whose OCR form is a noun or verb ("säker" -> "saker", "lågt" -> "lagt").
ADJECTIVES = frozenset("säker säkert säkra svår svårt svåra lågt låg låga stärkt höga högt".split())
#: Words that make the next word a noun of neuter gender: "ett sätt", "ett råd", "detta stöd".
NEUTER = _folded("ett detta vilket annat samma varje nytt eget sitt mitt vårt ert bra bättre bästa stort "
                 "visst något inget ökat tekniskt enkelt")
#: Neuter nouns whose OCR form is another word ("sätt" -> "satt", "råd" -> "rad", "stöd" -> "stod").
NEUTER_NOUNS = frozenset("sätt råd stöd läge år".split())
#: Pronouns: "sa" after one is "said" ("hon sa att"), "bor/bör" before one is "bör" ("bör vi").
PRONOUNS = _folded("jag du han hon hen vi ni de man den det som dom")
#: Comparatives: "än" follows ("mer än", "snarare än").
COMPARATIVE = _folded("mer mindre fler färre annat annan andra hellre snarare tidigare senare större "
                      "mindre bättre sämre längre kortare högre lägre äldre yngre mera")


def decide(written: str, candidates: Iterable[str], before: tuple[str, str], after: tuple[str, str]) -> str | None:
    """The spelling among `written` (lower case, a word itself) and `candidates` (its repairs) that
    the neighbours ask for, or None. `before`/`after`: the two words before and after (nearest
    first, "" where a sentence boundary or the text's end is), already folded."""
    options = set(candidates)
    prev, prev2 = before
    nxt, nxt2 = after

    def pick(word: str) -> str | None:
        return word if word in options or word == written else None

    if written == "har":
        if nxt in FINITE or (prev in DEMONSTRATIVE and nxt and nxt not in AFTER_AUXILIARY
                             and not SUPINE.search(nxt) and (DEFINITE.search(nxt) or not nxt2)):
            return pick("här")
        if prev in DEMONSTRATIVE and (nxt in AFTER_AUXILIARY or SUPINE.search(nxt)):
            return written
    if written in ("var", "vara", "vart") and prev in PREPOSITIONS and nxt not in EACH and \
            not (written == "vara" and prev == "till"):  # "ta till vara"
        return pick({"var": "vår", "vara": "våra", "vart": "vårt"}[written])
    if prev.isdigit() and written in ("ar", "dr"):  # "3 ar": år; "under 2025 ar ...": a year, then är
        return pick("är" if len(prev) == 4 and prev[:2] in ("19", "20") else "år")
    if written == "dr" and prev in COUNTS:
        return pick("år")
    if written == "ar" and "år" in options:
        if prev in COUNTS or nxt in ("sedan", "gammal", "gamla"):
            return pick("år")
        return pick("är")
    if written == "sa":  # "hon sa att", "sa hon": said
        return written if (prev in PRONOUNS and nxt in ("att", "")) or (nxt in PRONOUNS and nxt2 == "att") \
            else pick("så")
    if written == "an" and (prev in COMPARATIVE or nxt in ("så", "sa", "nu", "mer", "mindre")):
        return pick("än")
    if written == "bor":
        if nxt in ("i", "på", "pa", "hos", "kvar", "nära"):
            return written
        if nxt in PRONOUNS or nxt in AFTER_AUXILIARY or nxt in ("ha", "vara", "bli", "kunna") or \
                (len(nxt) > 2 and nxt.endswith("a")):
            return pick("bör")
    if written == "forsta" and options >= {"första", "förstå"}:
        return "förstå" if prev in INFINITIVE_MARKERS else "första"
    if prev in INFINITIVE_MARKERS and written not in INFINITIVES:
        found = [c for c in options if c in INFINITIVES]
        if len(found) == 1:
            return found[0]
    if prev in PREDICATIVE and nxt != "som" and not (prev == "för" and written == "saker"):
        found = [c for c in options if c in ADJECTIVES]
        if len(found) == 1:
            return found[0]
    if written == "gang" and prev in ONCE:
        return pick("gång")
    if written == "saker" and prev in SINGULAR:
        return pick("säker")
    if (written == "saker" and nxt == "pa") or (written in ("svar", "svart") and nxt == "att"):
        found = [c for c in options if c in ADJECTIVES]
        if len(found) == 1:
            return found[0]
    if prev in NEUTER and written not in NEUTER_NOUNS:
        found = [c for c in options if c in NEUTER_NOUNS]
        if len(found) == 1:
            return found[0]
    if written == "satt" and nxt == "att":
        return pick("sätt")
    if written == "lagt":  # a supine wants an auxiliary ("har lagt", "som vi lagt fram"); else "lågt"
        return written if {prev, prev2} & AUXILIARY or nxt in PARTICLES else pick("lågt")
    return None


class Neighbours:
    """How often each word of the archive's clean documents followed and preceded each other word,
    kept only for words that OCR can turn into another word (folded forms shared by two spellings)."""

    def __init__(self) -> None:
        self.before: Counter[tuple[str, str]] = Counter()  # (folded previous word, word)
        self.after: Counter[tuple[str, str]] = Counter()  # (word, folded next word)
        self.words: Counter[str] = Counter()

    def add(self, text: str, keep: frozenset[str]) -> None:
        """Count the neighbours of the words of `text` whose folded form is in `keep`."""
        for sentence in re.split(r"[.!?:;\n]+", text):
            words = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence)]
            for i, word in enumerate(words):
                if fold(word) not in keep:
                    continue
                self.words[word] += 1
                if i:
                    self.before[fold(words[i - 1]), word] += 1
                if i + 1 < len(words):
                    self.after[word, fold(words[i + 1])] += 1

    def decide(self, written: str, candidates: Iterable[str], prev: str, nxt: str) -> str | None:
        """The spelling whose archive neighbours match (at least twice, and five times as often as
        any other spelling's), or None."""
        scores = {}
        for word in {written, *candidates}:
            scores[word] = (self.before[prev, word] if prev else 0) + (self.after[word, nxt] if nxt else 0)
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) < 2:
            return None
        (best, top), (_, runner_up) = ranked[0], ranked[1]
        return best if top >= 2 and top >= 5 * runner_up else None
