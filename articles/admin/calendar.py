"""The editors' calendar: scheduled and published articles by day, in the newsroom's time."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from articles.dates import WEEKDAYS, format_date, format_datetime, gmt_offset, weekday_name
from articles.models import Article

# The days the calendar shows: far from date.min and date.max, whose weeks, months and
# UTC conversions overflow (?ngay=0001-01-01 and 9999-12-31 were 500s).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_day(value: str | None) -> date:
    """``?ngay=YYYY-MM-DD``, kept between FIRST_DAY and LAST_DAY; today when unreadable."""
    try:
        day = date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()
    return min(max(day, FIRST_DAY), LAST_DAY)


def _shift_month(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def _entries(*periods: tuple[date, date]) -> list[Article]:
    """Published and scheduled articles in the ``[start, end)`` periods, by time."""
    during = Q()
    for start, end in periods:
        during |= Q(published_at__gte=_start_of(start), published_at__lt=_start_of(end))
    return list(
        Article.objects.filter(during, status=Article.Status.PUBLISHED)
        .select_related("section")
        .order_by("published_at", "pk")
    )


def build(anchor: date, mode: str) -> dict:
    """Days from Monday to Sunday of the week, or the weeks covering the month, of ``anchor``."""
    today = timezone.localdate()
    now = timezone.now()
    if mode == "month":
        first = anchor.replace(day=1)
        start = first - timedelta(days=first.weekday())
        next_first = _shift_month(first, 1)
        end = next_first + timedelta(days=(7 - next_first.weekday()) % 7)
        prev_anchor, next_anchor = _shift_month(first, -1), next_first
        period = f"Tháng {first.month:02d}/{first.year}"
    else:
        mode = "week"
        start = anchor - timedelta(days=anchor.weekday())
        end = start + timedelta(days=7)
        prev_anchor, next_anchor = start - timedelta(days=7), end
        last = end - timedelta(days=1)
        period = f"Tuần {start:%d/%m} – {last:%d/%m/%Y}"

    by_day: dict[date, list] = {}
    # The period shown and today's queue; not every day in between (a month of 1990
    # would otherwise read the whole archive).
    for article in _entries((start, end), (today, today + timedelta(days=1))):
        by_day.setdefault(timezone.localdate(article.published_at), []).append(
            _entry(article, now)
        )
    days = []
    day = start
    while day < end:
        days.append(
            {
                "date": day,
                "label": f"{weekday_name(day)} {day:%d/%m}",
                "is_today": day == today,
                "in_month": mode == "week" or day.month == anchor.month,
                "entries": by_day.get(day, []),
            }
        )
        day += timedelta(days=1)
    return {
        "mode": mode,
        "period": period,
        "weeks": [days[i : i + 7] for i in range(0, len(days), 7)],
        "weekdays": WEEKDAYS,
        "today": today,
        "today_label": f"{weekday_name(today)} {format_date(today)}",
        "zone": gmt_offset(now),
        "today_queue": by_day.get(today, []),
        "prev": prev_anchor.isoformat(),
        "next": next_anchor.isoformat(),
        "anchor": anchor.isoformat(),
    }


def _entry(article: Article, now: datetime) -> dict:
    local = timezone.localtime(article.published_at)
    scheduled = article.published_at > now
    return {
        "article": article,
        "time": f"{local:%H:%M}",
        "is_scheduled": scheduled,
        "state": f"Hẹn giờ: {format_datetime(article.published_at)}"
        if scheduled
        else "Đã xuất bản",
        "input_value": format_datetime(article.published_at),  # whatever the browser
    }
