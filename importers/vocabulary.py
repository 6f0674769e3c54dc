"""The Swedish and English words the recogniser looks for, in one table, and how to compare with them.

Everything is compared on a *folded* form (lower case, no diacritics, common OCR digit swaps undone),
so "Närvarande", "NÄRVARANDE", "Narvarande" and "Nårvarande" all match the same entry, and
`fuzzy_equal` absorbs the remaining OCR damage ("ordférande", "Nésta mote").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .folding import fold, fold_ocr  # noqa: F401 - re-exported: the recogniser compares on these

# --- attendance -------------------------------------------------------------------------------

#: Headers that open a list of people who attended.
PRESENT_HEADERS = (
    "närvarande", "närvarande ledamöter", "närvarande ledamot", "deltagare", "deltog", "mötesdeltagare",
    "närvarande från styrelsen", "deltagare på plats", "på plats", "närvaro",
    "present", "attendees", "attendance", "in attendance", "also present", "also in attendance",
    "participants", "members present", "directors present", "trustees present", "attending",
    "present in the room", "present in person", "in person",
    "beslutande", "beslutande ledamöter", "tjänstgörande ersättare", "ej tjänstgörande ersättare",
    "ej tjänstgörande", "övriga deltagande", "övriga deltagare", "närvarande ersättare", "adjungerad",
    "adjungerade", "närvarande tjänstepersoner", "staff present", "officers present", "also attending",
    "councillors present", "in attendance", "attendees present",
)
#: Headers for people who took part from a distance.
REMOTE_HEADERS = (
    "deltagare på länk", "på länk", "deltog på länk", "deltog digitalt", "digitalt", "deltagare digitalt",
    "deltagare via teams", "deltagare via zoom", "på distans", "deltog på distans", "närvarande på länk",
    "remote", "remotely", "present remotely", "participating remotely", "attending remotely",
    "online", "via teams", "via zoom", "by phone", "on the phone", "by video", "dial-in",
)
#: Headers for people who did not attend.
ABSENT_HEADERS = (
    "frånvarande", "förhinder", "anmält förhinder", "anmälda förhinder", "ej närvarande",
    "frånvarande ledamöter", "avanmälda", "avanmälan",
    "absent", "apologies", "apologies for absence", "regrets", "not present", "members absent",
    "directors absent", "trustees absent", "excused", "unable to attend", "could not attend",
    "couldn't make it", "could not make it", "not attending", "sent apologies", "apologies received",
    "apologies received from", "apologies for absence were received from", "ej närvarande ledamöter",
)
#: Words in an item's title that make its text a place where absentees are named ("Apologies for absence").
ABSENCE_WORDS = ("apologies", "apology", "förhinder", "frånvaro", "frånvarande", "absence", "regrets")
#: The last word of a header "<group> present" / "<group> absent" ("Executive Officers Absent:",
#: "Ledamöter närvarande") gives its status when the whole header is not in the tables above.
STATUS_WORDS: dict[str, str] = {
    "present": "present", "attending": "present", "närvarande": "present", "absent": "absent",
    "frånvarande": "absent", "excused": "absent",
}
#: Sub-headings that group people inside an attendance section, with the role they imply (or None).
GROUP_HEADINGS: dict[str, str | None] = {
    "ledamöter": "ledamot", "ordinarie ledamöter": "ledamot", "styrelseledamöter": "ledamot",
    "ersättare": "ersättare", "suppleanter": "ersättare", "adjungerade": "adjungerad", "adjungerad": "adjungerad",
    "övriga": None, "övriga närvarande": None, "gäster": "gäst", "inbjudna": "gäst", "tjänstepersoner": None,
    "tjänstemän": None, "sekretariat": None, "sekretariatet": None, "från kansliet": None,
    "directors": "director", "board members": "member", "members": "member", "trustees": "trustee",
    "staff": "staff", "officers": None, "guests": "guest", "observers": "observer", "invited": "guest",
    "secretariat": None, "advisers": None, "advisors": None, "management": None, "property management": None,
}
#: A group heading often reads "Från X" / "From X".
GROUP_PREFIXES = ("från", "from", "for", "för")

#: Roles and job titles: spelling variant -> the canonical role stored in `Participant.role`.
ROLES: dict[str, str] = {
    # Swedish meeting roles
    "ordförande": "ordförande", "ordf": "ordförande", "mötesordförande": "ordförande",
    "vice ordförande": "vice ordförande", "vice ordf": "vice ordförande", "v ordf": "vice ordförande",
    "sekreterare": "sekreterare", "mötessekreterare": "sekreterare", "protokollförare": "sekreterare",
    "sekr": "sekreterare", "justerare": "justerare", "justeringsperson": "justerare",
    "ersättare": "ersättare", "suppleant": "ersättare", "ledamot": "ledamot", "ordinarie ledamot": "ledamot",
    "adjungerad": "adjungerad", "adjungerade": "adjungerad", "kassör": "kassör", "revisor": "revisor",
    "sammankallande": "sammankallande", "gäst": "gäst", "observatör": "observatör", "föredragande": "föredragande",
    "1:e vice ordförande": "1:e vice ordförande", "förste vice ordförande": "1:e vice ordförande",
    "2:e vice ordförande": "2:e vice ordförande", "andre vice ordförande": "2:e vice ordförande",
    "tjänstgörande ersättare": "ersättare", "nämndsekreterare": "nämndsekreterare",
    "kommunsekreterare": "kommunsekreterare", "förvaltare": "förvaltare", "ekonomiansvarig": "ekonomiansvarig",
    "vice värd": "vice värd", "ledamot och sekreterare": "sekreterare",
    # Swedish job titles
    "enhetschef": "enhetschef", "sektionschef": "sektionschef", "avdelningschef": "avdelningschef",
    "generaldirektör": "generaldirektör", "överdirektör": "överdirektör", "biträdande enhetschef":
    "biträdande enhetschef", "verksamhetschef": "verksamhetschef", "förvaltningschef": "förvaltningschef",
    "kommundirektör": "kommundirektör", "vd": "VD", "verkställande direktör": "VD", "rektor": "rektor",
    "prefekt": "prefekt", "projektledare": "projektledare", "handläggare": "handläggare", "utredare": "utredare",
    "chef": "chef", "direktör": "direktör", "controller": "controller",
    # English meeting roles
    "chair": "chair", "chairperson": "chair", "chairman": "chair", "chairwoman": "chair", "chairs": "chair",
    "co-chair": "co-chair", "vice chair": "vice chair", "vice-chair": "vice chair", "deputy chair": "vice chair",
    "secretary": "secretary", "company secretary": "secretary", "scribe": "scribe", "minutes": "minutes",
    "minute taker": "minutes", "minute-taker": "minutes", "note taker": "minutes", "notetaker": "minutes",
    "treasurer": "treasurer", "deputy": "deputy", "member": "member", "observer": "observer", "guest": "guest",
    "invited guest": "guest", "auditor": "auditor", "trustee": "trustee", "clerk": "clerk", "staff": "staff",
    "facilitator": "facilitator", "convenor": "convenor", "convener": "convenor", "rapporteur": "rapporteur",
    # English job titles
    "director": "director", "executive director": "executive director", "managing director": "managing director",
    "ceo": "CEO", "cfo": "CFO", "coo": "COO", "cto": "CTO", "president": "president",
    "vice president": "vice president", "manager": "manager", "general manager": "general manager",
    "head of": "head of", "chief executive": "CEO", "chief executive officer": "CEO",
    "chief financial officer": "CFO", "team lead": "team lead", "project manager": "project manager",
    "vice-chairman": "vice chair", "vice chairman": "vice chair", "deputy chairman": "vice chair",
    "vice-chairwoman": "vice chair", "vice-president": "vice president", "executive vice president":
    "executive vice president", "attorney": "attorney", "city attorney": "attorney", "counsel": "counsel",
    "solicitor": "solicitor", "officer": "officer", "coordinator": "coordinator", "administrator": "administrator",
    "advisor": "advisor", "adviser": "advisor", "consultant": "consultant", "planner": "planner",
    "engineer": "engineer", "accountant": "accountant", "rfo": "RFO", "cio": "CIO", "pmo": "PMO",
    "recording secretary": "secretary", "minute secretary": "secretary",
}
#: Roles held *in the meeting*; they win over a job title given on the same line ("Director (chair)").
MEETING_ROLES = (
    "ordförande", "vice ordförande", "1:e vice ordförande", "2:e vice ordförande", "sekreterare", "justerare",
    "chair", "co-chair", "vice chair", "secretary", "scribe", "minutes", "facilitator", "convenor",
)
#: Honorifics and forms of address before a name; not part of the name ("Cllr", "Dr", "Prof.").
#: Plural forms ("Cllrs", "Commissioners") stand before a list of names.
HONORIFICS = (
    "cllr", "cllrs", "councillor", "councillors", "district cllr", "county cllr", "borough cllr", "town cllr",
    "district councillor", "county councillor", "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx",
    "sir", "dame", "lord", "lady", "rev", "revd", "reverend", "fr", "hon", "commissioner", "commissioners",
    "council member", "councilmember", "council members", "alderman", "alderwoman", "senator",
    "supervisor", "supervisors", "docent", "fil dr", "tekn dr", "med dr",
)
#: Titles before a name that are also the person's role in the meeting ("Chair Patricia Delgado").
TITLE_ROLES: dict[str, str] = {
    "chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "vice chair": "vice chair", "vice-chair": "vice chair", "vice chairman": "vice chair", "mayor": "mayor",
    "deputy mayor": "deputy mayor", "president": "president", "vice president": "vice president",
    "ordförande": "ordförande", "vice ordförande": "vice ordförande", "clerk": "clerk", "secretary": "secretary",
    "treasurer": "treasurer",
}
#: Lines "Chair: X" / "Ordförande: X" name who held a role (W3C style and Swedish protocols).
ROLE_LINE_KEYS: dict[str, str] = {
    "chair": "chair", "chairs": "chair", "chairperson": "chair", "scribe": "scribe", "scribes": "scribe",
    "minutes": "minutes", "minutes by": "minutes", "minute taker": "minutes", "secretary": "secretary",
    "ordförande": "ordförande", "mötesordförande": "ordförande", "sekreterare": "sekreterare",
    "mötessekreterare": "sekreterare", "protokollförare": "sekreterare", "justerare": "justerare",
    "justeringsperson": "justerare", "justeringspersoner": "justerare",
}
#: Words that mark someone as taking part from a distance.
REMOTE_MARKERS = (
    "digitalt", "på länk", "via länk", "via teams", "via zoom", "via skype", "via telefon", "per telefon",
    "på distans", "distans", "remote", "remotely", "online", "on the phone", "by phone", "via phone",
    "by video", "via video", "teams", "zoom", "video",
)
#: Words inside an attendance entry that mark someone absent.
ABSENT_MARKERS = ("frånvarande", "förhinder", "absent", "apologies", "regrets", "excused")
#: An entry part that starts like this is a note on partial attendance ("punkt 6–9", "item 4 only").
NOTE_PREFIXES = (
    "punkt", "punkterna", "§", "paragraf", "item", "items", "point", "points", "agenda item", "fr.o.m",
    "t.o.m", "from item", "until item", "left", "arrived", "joined", "del av", "part of", "delvis", "partly",
    "för punkt", "for item", "från punkt", "till punkt", "except", "utom",
)
#: Words that make a capitalised phrase an organisation rather than a person.
ORGANISATION_WORDS = (
    "universitet", "university", "högskola", "högskolan", "kommun", "region", "regionen", "verket",
    "styrelsen", "myndigheten", "institutet", "institute", "department", "departementet", "council",
    "ministry", "agency", "college", "school", "ltd", "inc", "ab", "gmbh", "plc", "foundation", "stiftelsen",
    "förening", "föreningen", "association", "society", "committee", "kommittén", "rådet", "nämnden",
    "enheten", "avdelningen", "sektionen", "group", "gruppen", "support", "supporten", "bank", "banken",
    "company", "corporation", "trust", "fund", "fonden", "kassan", "inspektionen", "analys", "network",
    "nätverk", "nätverket", "forum", "board", "team", "partnership", "alliance", "union", "förbund", "förbundet",
    "club", "klubb", "klubben", "library", "bibliotek", "biblioteket", "office", "kontor", "kontoret",
    "project", "projekt", "management", "services", "consulting", "partners", "associates", "llc", "llp",
    "corp", "holdings", "solutions",
)
#: Words that may sit inside a name in lower case.
NAME_PARTICLES = ("van", "von", "de", "der", "den", "af", "la", "le", "du", "di", "da", "dos", "del", "ten",
                  "ter", "bin", "al", "el", "zu", "y")
#: First cells of a table header row in an attendance table.
TABLE_HEADER_WORDS = ("namn", "name", "organisation", "organization", "roll", "role", "myndighet")

# --- agenda -----------------------------------------------------------------------------------

#: Unnumbered lines that are agenda items on their own ("Inledning", "Nästa möte", "AOB").
AGENDA_CUES = (
    "inledning", "välkommen", "välkomna", "mötets öppnande", "öppnande", "mötet öppnas", "öppning",
    "presentationsrunda", "godkännande av dagordning", "dagordningens godkännande", "val av justerare",
    "föregående protokoll", "föregående mötesprotokoll", "information", "övriga frågor", "övrigt",
    "nästa möte", "nästa sammanträde", "kommande möten", "mötets avslutande", "avslutning", "mötet avslutas",
    "summering", "sammanfattning",
    "welcome", "welcome and introductions", "introductions", "opening", "opening of the meeting",
    "approval of the agenda", "approval of agenda", "approval of minutes", "minutes of the previous meeting",
    "matters arising", "any other business", "aob", "a.o.b.", "other business", "next meeting",
    "date of next meeting", "close", "closing", "close of meeting", "closing remarks", "adjournment",
    "action items", "actions", "summary", "decisions", "wrap-up", "wrap up", "round table", "roundtable",
    "call to order", "roll call", "adjourn", "adjourned", "old business", "new business", "unfinished business",
    "public comment", "public participation", "declarations of interest", "apologies for absence",
    "apologies", "announcements", "correspondence",
)
#: Labels that open a line inside an item ("ACTION: RH to ...", "Agreed: ..."), never an item's name.
IN_ITEM_LABELS = (
    "action", "actions", "action item", "agreed", "agreement", "decision", "decisions", "decided", "resolved",
    "resolution", "motion", "moved", "seconded", "vote", "votes", "note", "notes", "noted", "outcome",
    "conclusion", "proposed", "result", "status", "owner", "due", "deadline", "todo", "summary", "quorum",
    "ayes", "nays", "abstain", "abstentions", "present", "absent", "question", "answer", "comment", "q", "a",
    "beslut", "beslutades", "åtgärd", "åtgärder", "ansvarig", "notering", "yrkande", "yrkanden", "förslag",
    "svar", "fråga", "kommentar", "resultat", "uppdrag", "klart", "deadline", "info", "information",
)
#: Sections that summarise the minutes rather than being an item of them (scribe.perl, action logs).
NOT_ITEM_HEADINGS = (
    "summary of action items", "summary of resolutions", "summary of decisions", "summary of actions",
    "meeting minutes", "attendees", "contents", "table of contents", "innehåll", "innehållsförteckning",
    "attachments", "bilagor",
)
#: Headings that sum the minutes up after the items ("## Actions" one level above the items).
SUMMARY_HEADINGS = ("actions", "action items", "action points", "action list", "actions arising", "decisions",
                    "summary of decisions", "åtgärder", "åtgärdslista", "beslut", "att göra", "next steps")
#: A diarienummer that stands where an item's title would ("§ 14   Dnr BMN 2023/1187").
REFERENCE_NUMBER_RE = re.compile(r"(?i)^(?:dnr|diarienr|diarienummer|dnr\.|ref\.?|reference|case no\.?)\s*[:.]?\s*"
                                 r"(?:[\w./-]+\s+){0,2}[\w./-]*\d[\w./-]*$")
#: "Topic: X" (W3C) and similar prefixes introduce an item.
TOPIC_PREFIXES = ("topic", "ämne", "rubrik")
SUBTOPIC_PREFIXES = ("subtopic", "sub-topic", "underrubrik")
#: "Punkt 3" / "Item 4" / "§ 12": words that precede an item number.
ITEM_NUMBER_WORDS = ("punkt", "item", "agenda item", "ärende", "paragraf", "dagordningspunkt", "point", "minute")
#: Headers of a list of planned items given before the minutes themselves.
AGENDA_LIST_HEADERS = ("dagordning", "föredragningslista", "agenda", "contents", "table of contents",
                       "innehåll", "förslag till dagordning", "proposed agenda")
#: Lines in the head of a document that carry facts about the meeting, not agenda items.
HEADER_KEYS = (
    "datum", "date", "tid", "time", "plats", "place", "location", "venue", "lokal", "where", "when",
    "mötesdatum", "sammanträdesdatum", "meeting date", "held on", "held at", "diarienummer", "dnr", "ref",
    "agenda", "irc", "meeting",
    "dokumenttyp", "version", "status", "from", "to", "till", "kallade", "called",
)
#: Where the minutes end and the signatures begin.
SIGNATURE_CUES = (
    "vid protokollet", "justeras", "justerat", "justeras av", "protokollet justeras", "underskrifter",
    "ordförande och justerare", "sekreterare och ordförande", "signed", "signature", "signatures",
    "minutes taken by", "minutes recorded by", "minutes approved by", "approved by", "chair's signature",
    "end of minutes", "[end of minutes]", "these minutes were approved", "respectfully submitted",
)

# --- the head of the document -----------------------------------------------------------------

#: Words that make a line look like the title of minutes (compared as folded word prefixes/suffixes).
TITLE_CUES = (
    "möte", "mötet", "mötes", "protokoll", "anteckningar", "minnesanteckningar", "mötesanteckningar",
    "sammanträde", "styrelsemöte", "årsmöte", "minutes", "meeting", "teleconference", "telecon", "telco", "notes",
    "call", "session", "conference", "workshop",
)
#: Phrases removed from a title to leave the body that met ("Minutes of the Board" -> "Board").
TITLE_FILLER = (
    "mötesanteckningar", "minnesanteckningar", "anteckningar från", "anteckningar", "protokoll fört vid",
    "protokoll från", "protokoll för", "protokoll", "sammanträdesprotokoll", "möte med", "möte i", "möte för",
    "mötet i", "sammanträde med", "sammanträde i", "minutes of the", "minutes of", "minutes", "meeting of the",
    "meeting of", "meeting notes", "notes", "notes of the", "notes from the", "notes from", "notes of", "draft",
    "utkast",
    "teleconference", "telecon", "telco", "meeting", "möte", "sammanträde", "ordinarie", "extra", "held on", "held",
    "regular", "special", "ordinary", "annual", "draft", "approved", "unapproved", "– draft –",
)
#: How a line that says when and where the meeting was held begins (never the title).
HELD_PREFIXES = ("meeting held on", "meeting held at", "held on", "held at", "mötet hölls", "sammanträdet hölls")
#: Generic words that do not name a body by themselves ("Committee notes" names no committee).
GENERIC_BODIES = ("committee", "board", "styrelse", "styrelsen", "group", "gruppen", "council", "kommittén",
                  "nämnden", "team", "meeting")

# --- dates ------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "oct": 10, "nov": 11, "dec": 12,
}

# --- noise ------------------------------------------------------------------------------------

#: Page markers: "3/7", "Sida 2 av 5", "Page 3 of 7", "- 3 -", "2 (5)", "s. 4".
PAGE_MARKER_PATTERNS = (
    r"\d{1,3}\s*/\s*\d{1,3}",
    r"(?:sida|page|sid|s\.|p\.)\s*\d{1,3}(?:\s*(?:av|of|/|\()\s*\d{1,3}\)?)?",
    r"[-–—]\s*\d{1,3}\s*[-–—]",
    r"\d{1,3}\s*\(\d{1,3}\)",
    r"\d{1,3}\s+(?:av|of)\s+\d{1,3}",
)
PAGE_MARKER_RE = re.compile(r"^\s*(?:" + "|".join(PAGE_MARKER_PATTERNS) + r")\s*$", re.IGNORECASE)
#: A line of digits only (left over from charts and tables): "308", "1 757", "12,5 %".
#: A link reference of a web page dumped as text: "[3] https://www.w3.org/2024/05/14-vcwg-irc".
LINK_REFERENCE_RE = re.compile(r"^\s*\[\d{1,4}\]\s+\S+://\S+\s*$")
LONE_NUMBER_RE = re.compile(r"^\s*[-+]?\d[\d\s.,]*%?\s*$")

#: Very common Swedish words and the diacritic-less spellings that betray OCR or ASCII-folded text.
SWEDISH_FUNCTION_WORDS = ("och", "att", "som", "det", "har", "med", "till", "inte", "om", "av")
SWEDISH_WORDS_WITHOUT_DIACRITICS = ("pa", "fran", "ar", "for", "nar", "sa", "mote", "motet", "nasta", "ovriga",
                                    "fragor", "aven", "mojlighet", "anvandare", "ocksa", "dar", "ater")


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` grouped by first letter ("a(?:tt|r)|o(?:ch|m)"), longest first in
    each group. The regex engine then tries one group at a position instead of every word in turn,
    which makes scanning a whole document for them nearly twice as quick."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[:1], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# --- comparing --------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """The form a label is compared on: folded, without surrounding punctuation and Markdown marks."""
    return fold_ocr(text).strip(" \t:;.,*#_-–—").strip()


def fuzzy_equal(text: str, term: str) -> bool:
    """True when `text` is `term`, allowing a little OCR damage in each word.

    Word by word: a word of 4-7 letters may have one letter wrong ("Nésta", "frdn"), a longer word two
    ("ordférande"); shorter words must be exact. So "på plats" never passes for "på länk".
    """
    a, b = _key(text).split(), _key(term).split()
    return len(a) == len(b) and all(_word_close(x, y) for x, y in zip(a, b, strict=True))


def _word_close(a: str, b: str) -> bool:
    if a == b:
        return True
    shortest = min(len(a), len(b))
    allowed = 0 if shortest < 4 else 1 if shortest < 8 else 2
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


class _TermTable:
    """A vocabulary list prepared for matching: keys folded once, grouped for quick lookup, and the
    answers for each text remembered (the recogniser asks about the same lines in several passes)."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.source = terms  # held so that no other object takes its id while this table is in _TABLES
        terms = tuple(terms)
        self.exact: dict[str, str] = {}  # key -> the first term with that key
        self.by_word_count: dict[int, tuple[list[str], list[str]]] = {}  # n -> (keys, terms) of n-word terms
        for term in terms:
            key = _key(term)
            self.exact.setdefault(key, term)
            keys, group_terms = self.by_word_count.setdefault(len(key.split()), ([], []))
            keys.append(key)
            group_terms.append(term)
        # (term, words, key), longest term first
        self.longest_first = [(t, len(t.split()), _key(t)) for t in sorted(terms, key=len, reverse=True)]
        self.exact_prefix: dict[tuple[int, str], int] = {}  # (words, key) -> position in longest_first
        for position, (_, n, key) in enumerate(self.longest_first):
            self.exact_prefix.setdefault((n, key), position)
        singles = [(key, position) for position, (_, n, key) in enumerate(self.longest_first) if n == 1]
        # keys of one-word terms, their positions in longest_first
        self.single_words = ([k for k, _ in singles], [p for _, p in singles])
        self.max_words = max(self.by_word_count, default=0)
        # the shortest and longest key of each group: an edit distance is at least the difference in length
        self.key_lengths = {n: _length_range(keys) for n, (keys, _) in self.by_word_count.items()}
        self.single_lengths = _length_range(self.single_words[0])
        self.term = lru_cache(maxsize=1 << 16)(self._term)
        self.prefix = lru_cache(maxsize=1 << 16)(self._prefix)

    def _term(self, text: str) -> str | None:
        key = _key(text)
        if not key or len(key) > 60:
            return None
        if key in self.exact:
            return self.exact[key]
        words = len(key.split())
        if not _within_edits(key, words, self.key_lengths.get(words)):
            return None
        keys, group_terms = self.by_word_count[words]
        for index in _near_keys(key, keys, words):
            if fuzzy_equal(key, group_terms[index]):
                return group_terms[index]
        return None

    def _prefix(self, text: str) -> tuple[str, str] | None:
        words = text.split(None, self.max_words)  # the words a term can span, then the rest in one
        if not words:
            return None
        exact = [
            position
            for n in range(1, min(len(words), self.max_words) + 1)
            if (position := self.exact_prefix.get((n, _key(" ".join(words[:n]))))) is not None
        ]
        if not exact and _within_edits(first := _key(words[0]), 1, self.single_lengths):
            single_keys, positions = self.single_words
            exact = [positions[i] for i in _near_keys(first, single_keys, 1)
                     if fuzzy_equal(words[0], self.longest_first[positions[i]][0])]
        if not exact:
            return None
        term, n, _ = self.longest_first[min(exact)]
        return term, " ".join(text.split()[n:])


# id(terms) -> table. Keyed by identity because the vocabulary tables are constants, and turning one
# into a tuple and hashing it on every call cost more than the lookup itself.
_TABLES: dict[int, _TermTable] = {}
_MAX_TABLES = 256


def _table(terms: Iterable[str]) -> _TermTable:
    return _TABLES.get(id(terms)) or _prepare(terms)


def _prepare(terms: Iterable[str]) -> _TermTable:
    if len(_TABLES) >= _MAX_TABLES:  # callers passing a fresh list each time
        _TABLES.clear()
    table = _TABLES[id(terms)] = _TermTable(terms)
    return table


_MANY_WORDS = 9  # more words than any vocabulary term has


@lru_cache(maxsize=1 << 16)
def word_count(text: str) -> int:
    """How many words of `text` have a letter or digit, up to _MANY_WORDS. Folding keeps every such
    word (it only drops marks, and punctuation at the ends), so a key has at least as many."""
    count = 0
    for word in text.split():
        if any(map(str.isalnum, word)):
            count += 1
            if count == _MANY_WORDS:
                break
    return count


def _length_range(keys: list[str]) -> tuple[int, int] | None:
    return (min(map(len, keys)), max(map(len, keys))) if keys else None


def _within_edits(key: str, words: int, lengths: tuple[int, int] | None) -> bool:
    """False when no key with `lengths` (shortest, longest) can be near enough for `_near_keys` to find."""
    return lengths is not None and lengths[0] - 2 * words <= len(key) <= lengths[1] + 2 * words


def _near_keys(key: str, keys: list[str], words: int) -> list[int]:
    """Indices of `keys` within the edits `fuzzy_equal` could allow, in list order (a C-speed prefilter)."""
    hits = process.extract(key, keys, scorer=Levenshtein.distance, score_cutoff=2 * words, limit=None)
    return sorted(index for _, _, index in hits)


def match_term(text: str, terms: Iterable[str]) -> str | None:
    """The vocabulary term that the whole of `text` is (fuzzily), or None.

    `terms` is one of the constant tables above: it must not change once used.
    """
    table = _table(terms)
    if word_count(text) > table.max_words:  # a line of prose: ruled out before folding or remembering it
        return None
    return table.term(text)


def longest_term_words(terms: Iterable[str]) -> int:
    """How many words the longest term in `terms` has, as `match_term` counts them."""
    return _table(terms).max_words


def match_prefix(text: str, terms: Iterable[str]) -> tuple[str, str] | None:
    """(term, rest) when `text` starts with a vocabulary term followed by a word boundary.

    Longer terms win ("vice ordförande" before "ordförande"); an exact match wins over a fuzzy one
    ("Chairman" before "chairwoman"). Only a one-word term may match with OCR damage.
    """
    return _table(terms).prefix(text)


_FOLDED_TITLE_CUES = tuple(fold(c) for c in TITLE_CUES)


def has_title_cue(text: str) -> bool:
    """True when a word of `text` starts or ends with a title cue ("Styrelsemöte", "Minutes")."""
    cues = _FOLDED_TITLE_CUES
    for word in re.findall(r"[^\W\d_]+", fold(text)):
        if any(word.startswith(c) or (len(word) > len(c) + 3 and word.endswith(c)) for c in cues):
            return True
    return False
