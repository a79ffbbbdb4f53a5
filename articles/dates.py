"""Vietnamese dates and times, as the newsroom writes them, in the project's time zone.

Every date a person reads (the reader's dateline, admin messages, the editors' calendar)
is written here, in ``settings.TIME_ZONE`` (``django.utils.timezone.localtime``): no
module names a zone of its own, and the ``(GMT+7)`` of the dateline is the zone's offset
at that moment, so another ``TIME_ZONE`` moves every date with it.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

# Our own names, Monday first like datetime.weekday(). Django's ``vi`` locale writes
# ``Thứ 7`` and ``Chủ nhật``; the newsroom writes ``Thứ Bảy`` and ``Chủ Nhật``.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
# Publishing saves the row itself, a moment after ``published_at``: a change shown to
# readers as an update is one saved later than this after publication.
UPDATE_AFTER = timedelta(minutes=1)


def weekday_name(day: date) -> str:
    """``Thứ Bảy`` for a Saturday (a ``date`` or a local ``datetime``)."""
    return WEEKDAYS[day.weekday()]


def gmt_offset(value: datetime | None = None) -> str:
    """``GMT+7``: the project's zone's offset at ``value`` (now when omitted)."""
    minutes = round(timezone.localtime(value).utcoffset().total_seconds() / 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{'-' if minutes < 0 else '+'}{hours}" + (f":{rest:02d}" if rest else "")


def dateline(value: datetime | None) -> str:
    """``Thứ Bảy 08/03/2025, 10:06 (GMT+7)``; empty for no date."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{weekday_name(local)} {local:%d/%m/%Y, %H:%M} ({gmt_offset(value)})"


def iso_local(value: datetime | None) -> str:
    """``2025-03-08T10:06:00+07:00``: for ``<time datetime>``, JSON-LD and sitemaps."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def format_date(value: date | datetime | None) -> str:
    """``08/03/2025``: a day, or the local day of a moment; empty for no date."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return f"{value:%d/%m/%Y}"


def format_datetime(value: datetime | None) -> str:
    """``08/03/2025 10:06``: admin messages, the calendar, the history; empty for no date."""
    return f"{timezone.localtime(value):%d/%m/%Y %H:%M}" if value else ""


def format_time_date(value: datetime) -> str:
    """``10:06 08/03/2025``: "saved at …" notes, which lead with the time."""
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"


def time_date_zone(value: datetime | None) -> str:
    """``14:20 09/03/2025 (GMT+7)``: the article's "Cập nhật lúc …"; empty for no date."""
    if not value:
        return ""
    return f"{format_time_date(value)} ({gmt_offset(value)})"


def updated_after_publication(
    published_at: datetime | None, updated_at: datetime | None, created_at: datetime | None
) -> datetime | None:
    """``updated_at`` when the article was changed after it went live, else None.

    Changed more than ``UPDATE_AFTER`` after both its publication and its row's creation:
    publishing now saves the row a moment after its ``published_at``; a scheduled
    article's row was last saved *before* its time, so it goes live with nothing to show;
    an article imported with an earlier ``published_at`` was not changed by the import.
    """
    if published_at is None or updated_at is None:
        return None
    since = max(published_at, created_at or published_at)
    return updated_at if updated_at - since > UPDATE_AFTER else None
