"""System checks for settings the project relies on (``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks

from articles import cachesafe


def page_cache_needs_a_shared_cache(app_configs, **kwargs):
    """newsroom.W001: the page cache is on over a per-process cache (issue #8)."""
    if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or cachesafe.shared():
        return []
    return [
        checks.Warning(
            "Bộ nhớ đệm trang đang bật (NEWSROOM_PAGE_CACHE_SECONDS="
            f"{settings.NEWSROOM_PAGE_CACHE_SECONDS}) trên bộ nhớ đệm riêng của từng tiến "
            "trình (LocMemCache): bài vừa gỡ vẫn hiện ở các tiến trình khác tới hết thời "
            "hạn đệm.",
            hint="Đặt REDIS_URL (bộ nhớ đệm dùng chung) hoặc NEWSROOM_PAGE_CACHE_SECONDS=0.",
            id="newsroom.W001",
        )
    ]


# The laptop default in newsroom/settings.py and the placeholder in .env.example: long
# enough for Django's own security.W009, yet public in this repository.
PUBLIC_SECRET_KEYS = ("dev-only-not-secret-", "change-me-")


def secret_key_is_set(app_configs, **kwargs):
    """newsroom.E001: SECRET_KEY is still the repository's laptop default or placeholder."""
    if not settings.SECRET_KEY.startswith(PUBLIC_SECRET_KEYS):
        return []
    return [
        checks.Error(
            "DJANGO_SECRET_KEY chưa được đặt: khoá bí mật đang là giá trị mẫu công khai trong "
            "mã nguồn, ai cũng giả được phiên đăng nhập và liên kết xem trước.",
            hint='Đặt DJANGO_SECRET_KEY, ví dụ: python -c "import secrets; '
            'print(secrets.token_urlsafe(50))"',
            id="newsroom.E001",
        )
    ]
