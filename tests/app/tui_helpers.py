"""Helpers for the TUI tests: a small archive shaped like the bundled samples (built without the
parser), and ways to drive the app and read its screen.

The archive:

Four meetings: two of the MONA reference group (one OCR-damaged, where 'Hällsten' lost its
accent and 'Dahllöf' became 'Dahll6f'), a ROS MoK meeting with six participants on link, and an
undated user council meeting whose item text carries markup and a real terminal escape.
"""

from __future__ import annotations

from pathlib import Path

from importers.archive import Archive
from importers.model import Item, Meeting, Participant

HOSTILE_TEXT = "Literal [bold]not bold[/bold], a stray [/ and [link=x]link[/link], $var and \x1b[2J done."

MARKUP_MEETING_TITLE = "Möte i användarråd [bold]befolkning[/bold]"


def _mona_2026() -> Meeting:
    return Meeting(
        title="MONA Referensgrupps- möte 2026-05-25",
        date="2026-05-25",
        date_source="title",
        body="MONA referensgrupp",
        participants=[
            Participant("Susanne Dahllöf", role="ordförande", affiliation="SCB"),
            Participant("Jenny Lindberg", role="enhetschef", affiliation="SCB"),
            Participant("Torun Österberg", affiliation="Göteborgs universitet"),
            Participant("Martin Hällsten", affiliation="Stockholms universitet"),
            Participant("Jonas Holm", status="absent", affiliation="SCB"),
        ],
        items=[
            Item("1", "På gång på SCB", "Jenny berättade om uppdraget.\n\n- Första punkten\n- Andra punkten"),
            Item(
                "2",
                "Frågor från referensgruppen",
                "Fråga: Kan man skapa syntetiska data i MONA?\nSvar: Användaren ansvarar för att data är syntetiska.",
                children=[
                    Item("2.1", "Syntetiska data", "Registream kan ta fram syntetiska data."),
                    Item("2.2", "AI-verktyg", "Hårdvara saknas i MONA för tillfället."),
                ],
            ),
            Item("3", "Övriga frågor", ""),
        ],
    )


def _mona_ocr() -> Meeting:
    return Meeting(
        title="MONA referensgrupp",
        inferred_year=2022,
        body="MONA referensgrupp",
        ocr_damaged=True,
        participants=[
            Participant("Susanne Dahll6f", role="ordförande", affiliation="MONA-supporten, SCB"),
            Participant("Martin Hallsten", affiliation="Stockholms universitet"),
            Participant("Torun Osterberg", affiliation="Goteborgs universitet"),
            Participant("Karl Wennberg", status="absent", affiliation="Handelshögskolan i Stockholm"),
        ],
        items=[
            Item("1", "Inledning", "Susanne halsade alla valkomna."),
            Item("2", "Pagang pa SCB", "BAS bygger pa administrativa data."),
        ],
    )


def _ros_mok() -> Meeting:
    on_site = [("Petra Sundlöf", "Socialstyrelsen"), ("Mia Kling", "SCB"), ("Pär Millstam", "Arbetsmiljöverket")]
    on_link = [
        ("Linn Christiansen", "Skogsstyrelsen"),
        ("Maria Bach Harren", "Riksgälden"),
        ("Torbjörn Lindquist", "Konjunkturinstitutet"),
        ("Erika Svanström", "Tillväxtverket"),
        ("Jonas Janegren", "Tillväxtverket"),
        ("Peter Abrahamsson", "Försäkringskassan"),
    ]
    return Meeting(
        title="Möte i ROS arbetsgruppen för metod- och kvalitetsfrågor (MoK), 2026-02-04",
        date="2026-02-04",
        date_source="title",
        body="ROS MoK",
        participants=[Participant(n, affiliation=a) for n, a in on_site]
        + [Participant(n, affiliation=a, remote=True) for n, a in on_link],
        items=[
            Item(
                None,
                "Gruppdiskussion AI",
                "Grupperna skickade in sammanställningar.",
                children=[
                    Item(
                        None,
                        "AI-frågor där SAM bör samarbeta",
                        "Områden:\n\n- Ett gemensamt ramverk för syntetisk data (kvalitet, användning, risker).",
                    )
                ],
            ),
            Item(None, "Summering", "Mötet avslutas."),
        ],
    )


def _user_council() -> Meeting:
    return Meeting(
        title=MARKUP_MEETING_TITLE,
        body="Användarråd $befolkning",
        participants=[
            Participant("Anders Ljungberg", role="ordförande", affiliation="UHR"),
            Participant("Bengt Eriksson", affiliation="Boverket", remote=True),
        ],
        items=[
            Item("1", "Mötet öppnas [link=x]", HOSTILE_TEXT),
            Item("2", "Godkännande av dagordning", "Dagordningen godkändes."),
        ],
    )


SAMPLE_MEETINGS = {
    "2026-05-25_mona-referensgrupp.txt": _mona_2026,
    "mona-referensgrupp_ocr.txt": _mona_ocr,
    "2026-02-04_ros-mok.md": _ros_mok,
    "anvandarrad-befolkning.txt": _user_council,
}


def build_sample_archive(path: Path) -> Path:
    with Archive(path) as archive:
        for source, make in SAMPLE_MEETINGS.items():
            archive.store_meeting(make(), source, f"hash-{source}")
    return path


# --- driving the app ------------------------------------------------------------------------------

SIZES = [(80, 24), (160, 48)]


async def settle(pilot) -> None:
    """Let thread workers finish and their results reach the screen (a few rounds: a result can start
    more work, like a meeting load after the list's first page)."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


def screen_text(app) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def type_text(pilot, text: str, key_by_key: bool = False) -> None:
    """Type into the focused input. Pasting it whole is quicker (each Pilot key press waits for the
    app to go idle); `key_by_key` types like a person, a search per key."""
    if key_by_key:
        await pilot.press(*[{" ": "space"}.get(c, c) for c in text])
    else:
        pilot.app.focused.insert_text_at_cursor(text)
    await settle(pilot)


def widget_text(app, selector: str) -> str:
    """What one widget shows (its region of the screen), with wrapped lines joined by spaces."""
    region = app.screen.query_one(selector).content_region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return " ".join(" ".join(strip.crop(region.x, region.right).text.split()) for strip in strips).strip()
