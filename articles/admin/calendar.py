"""The editors' calendar: scheduled and published articles by day, in the newsroom's time."""

from calendar import Calendar, monthrange
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from articles.dates import WEEKDAYS, format_date, format_datetime, gmt_offset, weekday_name
from articles.models import Article

# The days the calendar shows: far from date.min and date.max, whose weeks, months and
# UTC conversions overflow (?ngay=0001-01-01 and 9999-12-31 were 500s).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
# Weeks from Monday to Sunday, as the standard library lays out a month.
WEEKS = Calendar(firstweekday=0)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_day(value: str | None) -> date:
    """``?ngay=YYYY-MM-DD``, kept between FIRST_DAY and LAST_DAY; today when unreadable."""
    try:
        day = date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()
    return min(max(day, FIRST_DAY), LAST_DAY)


def _next_month(first: date) -> date:
    return first.replace(day=monthrange(first.year, first.month)[1]) + timedelta(days=1)


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
        grid = WEEKS.monthdatescalendar(first.year, first.month)
        prev_anchor = (first - timedelta(days=1)).replace(day=1)
        next_anchor = _next_month(first)
        period = f"Tháng {first.month:02d}/{first.year}"
    else:
        mode = "week"
        month = WEEKS.monthdatescalendar(anchor.year, anchor.month)
        grid = [next(week for week in month if anchor in week)]
        prev_anchor, next_anchor = grid[0][0] - timedelta(days=7), grid[0][-1] + timedelta(days=1)
        period = f"Tuần {grid[0][0]:%d/%m} – {format_date(grid[0][-1])}"
    start, end = grid[0][0], grid[-1][-1] + timedelta(days=1)

    by_day: dict[date, list] = {}
    # The period shown and today's queue; not every day in between (a month of 1990
    # would otherwise read the whole archive).
    for article in _entries((start, end), (today, today + timedelta(days=1))):
        by_day.setdefault(timezone.localdate(article.published_at), []).append(
            _entry(article, now)
        )
    weeks = [
        [
            {
                "date": day,
                "label": f"{weekday_name(day)} {day:%d/%m}",
                "is_today": day == today,
                "in_month": mode == "week" or day.month == anchor.month,
                "entries": by_day.get(day, []),
            }
            for day in week
        ]
        for week in grid
    ]
    return {
        "mode": mode,
        "period": period,
        "weeks": weeks,
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
