"""The meetings pane: date, body and title per line, newest first, paged from the archive."""

from __future__ import annotations

from rich.text import Text

from importers.archive import Archive, MeetingRow

from .labels import literal, meeting_when
from .row_list import RowList, RowSource

DATE_WIDTH = 10
OCR_REPAIRED = "OCR-repaired"  # the meeting's å/ä/ö were restored from OCR damage (text as read is kept)


def archive_source(archive: Archive) -> RowSource[MeetingRow]:
    """All meetings of the archive; only the count is read now, rows page in as they are shown."""
    return RowSource(archive.meeting_count(), lambda offset, limit: archive.meetings(limit, offset))


class MeetingList(RowList[MeetingRow]):
    """Meetings, one per line; `Enter` opens the highlighted one."""

    def format_row(self, row: MeetingRow, width: int) -> Text:
        when = meeting_when(row.date, row.inferred_year)
        line = Text(f"{when:<{DATE_WIDTH}} ", style="dim" if not row.date else "")
        body_width = max(8, min(24, (width - DATE_WIDTH - 1) // 3))
        body = literal(row.body or "—", style="bold")
        body.truncate(body_width, overflow="ellipsis", pad=True)
        line.append_text(body)
        line.append(" ")
        line.append_text(literal(row.label))
        if row.ocr_repaired:
            line.append(f" {OCR_REPAIRED}", style="dim italic")
        return line
