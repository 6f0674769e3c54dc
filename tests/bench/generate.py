"""Write realistic minutes files for benchmarks: Swedish and English, text and Markdown.

    python tests/bench/generate.py --meetings N --out DIR [--seed S]

Each body (a board, a user council, a working group) has members drawn from one pool of people,
so people recur across meetings and bodies; their names are sometimes written without accents or
with OCR swaps. Meetings have 10-40 participants, 5-15 agenda items with sub-items, paragraphs and
question-and-answer lines; some are undated and about 1% are OCR-damaged. The same seed gives the
same files.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

FIRST_NAMES = (
    "Anna Anders Åsa Björn Cecilia Daniel Elin Erik Eva Fredrik Gunnar Hanna Helena Ingrid Johan Jonas Karin "
    "Lars Lena Magnus Maria Martin Mikael Nils Olof Oskar Per Petra Sara Sofia Stefan Susanne Torun Ulla "
    "Viktor Ylva Åke Örjan Emma Oliver Grace Henry Alice James Charlotte Thomas Amelia George Sophie David"
).split()
SURNAMES = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson "
    "Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström Lindqvist "
    "Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson "
    "Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk "
    "Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson "
    "Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Hällsten Österberg "
    "Dahllöf Åberg Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson"
).split()
ORGS = (
    "SCB|Skatteverket|Socialstyrelsen|Stockholms universitet|Uppsala universitet|Lunds universitet|"
    "Göteborgs universitet|Umeå universitet|Försäkringskassan|Boverket|Tillväxtverket|Riksbanken|"
    "Konjunkturinstitutet|Folkhälsomyndigheten|Skolverket|Arbetsförmedlingen|Office for National Statistics|"
    "University of Oxford|Eurostat|Trafikanalys"
).split("|")
BODIES_SV = ("Användarråd för {}", "Referensgrupp för {}", "Styrelsen för {}", "Arbetsgrupp för {}")
BODIES_EN = ("Board of {}", "Advisory Council on {}", "Steering Group for {}", "Working Party on {}")
SUBJECTS_SV = ("befolkningsstatistik", "arbetsmarknad", "mikrodata", "nationalräkenskaper", "miljö",
               "utbildning", "hälsa", "bostäder", "priser", "företag", "metod och kvalitet", "register")
SUBJECTS_EN = ("Population Statistics", "Labour Markets", "Microdata Access", "National Accounts",
               "Environment", "Education", "Health Data", "Housing", "Prices", "Business Registers")
ROLES_SV = ("ordförande", "sekreterare", "enhetschef", "sektionschef", "ledamot", "ersättare", "adjungerad")
ROLES_EN = ("chair", "secretary", "director", "head of unit", "member", "observer", "guest")
TOPICS_SV = (
    "Syntetiska data", "Registerforskning", "Röjandekontroll", "Ny webbplats", "Budget för {y}",
    "Kvalitetsdeklarationer", "Inloggning med BankID", "Lagring i projektmappar", "Användarundersökning",
    "AI i statistikproduktionen", "Befolkningsframskrivning", "Folkbokföring", "Mikrodatautlämnanden",
    "Nya datakällor", "Metadata och dokumentation", "Samverkan mellan myndigheter", "Säkerhet och åtkomst",
    "Öppna data", "Statistikdatabasen", "Kurser och webbinarier",
)
TOPICS_EN = (
    "Synthetic data", "Register-based research", "Disclosure control", "New website", "Budget for {y}",
    "Quality reports", "Secure remote access", "Storage quotas", "User survey", "AI in statistical production",
    "Population projections", "Data sharing agreements", "Metadata standards", "Cloud platform", "Open data",
    "Dissemination database", "Training and webinars", "Risk register", "Annual report", "Work programme {y}",
)
WORDS_SV = ("statistik myndigheten projektet användarna data arbetet rapporten förslaget underlaget "
            "metoden kvaliteten registret planen uppdraget resultaten").split()
WORDS_EN = ("statistics agency project users data work report proposal method quality register plan "
            "results survey platform").split()
VERBS_SV = ("presenterade", "berättade om", "informerade om", "diskuterade", "lyfte frågan om", "redovisade")
VERBS_EN = ("presented", "reported on", "informed us about", "discussed", "raised the question of", "summarised")
MONTHS_SV = "januari februari mars april maj juni juli augusti september oktober november december".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
OCR_SWAPS = {"ö": "6o", "ä": "a&é", "å": "ad", "Ö": "O", "Ä": "A", "Å": "A"}


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    org: str

    def written(self, rng: random.Random) -> str:
        """The name as a secretary typed it: mostly right, sometimes without accents."""
        name = f"{self.first} {self.last}"
        if rng.random() < 0.05:
            name = name.translate(str.maketrans("åäöÅÄÖé", "aaoAAOe"))
        return name


@dataclass(frozen=True)
class Body:
    name: str
    swedish: bool
    members: tuple[Person, ...]


def make_people(rng: random.Random, count: int) -> list[Person]:
    seen: set[tuple[str, str]] = set()
    people = []
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        if rng.random() < 0.5:  # double first names widen the pool: Anna-Karin, Per-Olof
            first = f"{first}-{rng.choice(FIRST_NAMES)}"
        if (first, last) not in seen:
            seen.add((first, last))
            people.append(Person(first, last, rng.choice(ORGS)))
    return people


def make_bodies(rng: random.Random, people: list[Person], count: int) -> list[Body]:
    bodies = []
    for index in range(count):
        swedish = index % 3 != 2
        pattern = rng.choice(BODIES_SV if swedish else BODIES_EN)
        subject = rng.choice(SUBJECTS_SV if swedish else SUBJECTS_EN)
        members = tuple(rng.sample(people, rng.randint(25, 60)))
        bodies.append(Body(pattern.format(subject) + ("" if index < 20 else f" {index}"), swedish, members))
    return bodies


def sentence(rng: random.Random, swedish: bool, speaker: str) -> str:
    words, verbs = (WORDS_SV, VERBS_SV) if swedish else (WORDS_EN, VERBS_EN)
    a, b = rng.sample(words, 2)
    verb = rng.choice(verbs)
    return f"{speaker} {verb} {a} och {b}." if swedish else f"{speaker} {verb} the {a} and {b}."


def paragraph(rng: random.Random, swedish: bool, names: list[str]) -> str:
    return " ".join(sentence(rng, swedish, rng.choice(names).split()[0]) for _ in range(rng.randint(2, 5)))


def qa_block(rng: random.Random, swedish: bool) -> str:
    words = WORDS_SV if swedish else WORDS_EN
    q, a = ("Fråga", "Svar") if swedish else ("Question", "Answer")
    return f"{q}: Hur påverkas {rng.choice(words)}?\n{a}: Det utreds." if swedish else \
        f"{q}: How is the {rng.choice(words)} affected?\n{a}: It is being looked into."


def date_text(rng: random.Random, year: int, month: int, day: int, swedish: bool) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{year}-{month:02d}-{day:02d}"
    if swedish:
        return f"{day} {MONTHS_SV[month - 1]} {year}"
    return f"{MONTHS_EN[month - 1]} {day}, {year}" if style == 1 else f"{day} {MONTHS_EN[month - 1]} {year}"


def attendance_lines(rng: random.Random, body: Body, markdown: bool) -> list[str]:
    swedish = body.swedish
    attendees = rng.sample(body.members, min(len(body.members), rng.randint(10, 40)))
    absent_count = rng.randint(0, max(1, len(attendees) // 6))
    present, absent = attendees[absent_count:], attendees[:absent_count]
    roles = ROLES_SV if swedish else ROLES_EN
    head = "## " if markdown else ""
    lines = [f"{head}{'Närvarande' if swedish else 'Present'}:", ""]
    for index, person in enumerate(present):
        role = roles[index] if index < 2 else (rng.choice(roles) if rng.random() < 0.1 else None)
        remote = rng.random() < 0.1
        fields = [person.written(rng)] + ([role] if role else []) + [person.org]
        suffix = (" (digitalt)" if swedish else " (remote)") if remote else ""
        lines.append(", ".join(fields) + suffix)
    if absent:
        lines += ["", f"{head}{'Frånvarande' if swedish else 'Apologies'}:", ""]
        lines += [f"{p.written(rng)}, {p.org}" for p in absent]
    return lines + [""]


def agenda_lines(rng: random.Random, body: Body, year: int, markdown: bool, names: list[str]) -> list[str]:
    swedish = body.swedish
    topics = TOPICS_SV if swedish else TOPICS_EN
    lines = []
    for number in range(1, rng.randint(5, 15) + 1):
        title = rng.choice(topics).format(y=year)
        lines += [f"## {number}. {title}" if markdown else f"{number}. {title}", ""]
        lines += [paragraph(rng, swedish, names), ""]
        if rng.random() < 0.3:
            lines += [qa_block(rng, swedish), ""]
        for sub in range(1, rng.randint(0, 3) + 1):
            sub_title = rng.choice(topics).format(y=year)
            lines += [f"### {number}.{sub} {sub_title}" if markdown else f"{number}.{sub} {sub_title}", ""]
            lines += [paragraph(rng, swedish, names), ""]
    return lines


def ocr_damage(text: str, rng: random.Random) -> str:
    return "".join(rng.choice(OCR_SWAPS[c]) if c in OCR_SWAPS and rng.random() < 0.8 else c for c in text)


def write_meeting(rng: random.Random, body: Body, index: int, out: Path) -> Path:
    markdown = rng.random() < 0.4
    year, month, day = rng.randint(2000, 2026), rng.randint(1, 12), rng.randint(1, 28)
    dated = rng.random() > 0.08
    kind = ("Protokoll" if rng.random() < 0.5 else "Mötesanteckningar") if body.swedish else "Minutes"
    title = f"{kind} {body.name}" + (f" {date_text(rng, year, month, day, body.swedish)}" if dated else "")
    lines = [("# " if markdown else "") + title, ""]
    lines += attendance_lines(rng, body, markdown)
    names = [line.split(",")[0] for line in lines if "," in line]
    lines += agenda_lines(rng, body, year, markdown, names or ["Ordföranden"])
    text = "\n".join(lines)
    if rng.random() < 0.01:
        text = ocr_damage(text, rng)
    path = out / f"{index // 1000:03d}" / f"meeting-{index:06d}.{'md' if markdown else 'txt'}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def generate(meetings: int, out: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    people = make_people(rng, max(200, meetings // 2))
    bodies = make_bodies(rng, people, max(5, meetings // 100))
    return [write_meeting(rng, rng.choice(bodies), index, out) for index in range(meetings)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.meetings, args.out, args.seed)
    print(f"wrote {len(paths)} minutes files to {args.out}")


if __name__ == "__main__":
    main()
