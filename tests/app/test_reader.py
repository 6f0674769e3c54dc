"""The reader undoes hard line wraps (plain-text and scanned minutes) but keeps lists and exchanges."""

from __future__ import annotations

from tui.widgets.reader import logical_lines


def test_hard_wraps_are_joined_into_sentences() -> None:
    text = (
        "På SCB finns nu\narbetsmarknadsstatus som\när ny.\n"
        "BAS bygger på data från Skatteverket,\nArbetsförmedlingen."
    )
    assert logical_lines(text) == [
        "På SCB finns nu arbetsmarknadsstatus som är ny.",
        "BAS bygger på data från Skatteverket, Arbetsförmedlingen.",
    ]


def test_bullets_exchanges_tables_and_paragraphs_stay_apart() -> None:
    text = "- en punkt som\n  fortsätter\n- nästa punkt\nFråga: Vad gäller\nSvar: Inget\nNamn\tOrg\nA\tB\n\nNy paragraf"
    assert logical_lines(text) == [
        "- en punkt som fortsätter",
        "- nästa punkt",
        "Fråga: Vad gäller",
        "Svar: Inget",
        "Namn\tOrg",
        "A\tB",
        "",
        "Ny paragraf",
    ]
