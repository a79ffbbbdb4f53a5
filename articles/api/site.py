"""The ``NinjaAPI`` behind ``/api/v1/``, its error answers and its browsable page.

Every error is JSON ``{"detail": "…"}`` in Vietnamese: a parameter ninja refuses is a 400
(ninja's default is a 422 listing pydantic's English errors), a missing article a 404, too
many requests a 429 with ``Retry-After``. The docs page is ninja's Swagger UI from its own
static files (``ninja`` is in ``INSTALLED_APPS``; without it ninja would load them from a
CDN): no inline script, so the reader CSP holds, and no validator badge fetched from
outside.
"""

from functools import wraps

from django.http import Http404, JsonResponse
from django.urls import URLPattern
from ninja import NinjaAPI, Swagger
from ninja.errors import Throttled, ValidationError
from ninja.renderers import JSONRenderer

from articles.api.endpoints import router
from articles.api.params import HINTS
from articles.api.throttle import AnonymousRate

DESCRIPTION = (
    "API chỉ đọc của Newsroom: chuyên mục, bài viết (lọc theo chuyên mục, thẻ, tác giả; "
    "mới nhất trước, phân trang bằng con trỏ), một bài với nội dung theo khối, thẻ, tìm kiếm. "
    'Chỉ bài đã xuất bản. Giới hạn số yêu cầu theo địa chỉ; lỗi trả JSON {"detail": …}.'
)


class Renderer(JSONRenderer):
    """UTF-8 as it is: "Hải Phòng", not "H\\u1ea3i Ph\\u00f2ng" (half the bytes, readable)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Newsroom — API đọc",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": True}),
    throttle=[AnonymousRate()],
    renderer=Renderer(),
)
api.add_router("", router, tags=["đọc"])


def _message(errors: list) -> str:
    """The first refused parameter, named, with what it should be."""
    for error in errors:
        name = str((error.get("loc") or ["?"])[-1])
        hint = HINTS.get(name)
        return f"Tham số {name} không hợp lệ" + (f": cần {hint}." if hint else ".")
    return "Yêu cầu không hợp lệ."


@api.exception_handler(ValidationError)
def invalid_parameter(request, exc):
    return api.create_response(request, {"detail": _message(exc.errors)}, status=400)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    wait = f" sau {round(exc.wait)} giây" if exc.wait else " sau ít phút"
    message = f"Quá nhiều yêu cầu từ địa chỉ này: hãy thử lại{wait}."
    return api.create_response(request, {"detail": message}, status=429)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Không có trang này."}, status=404)


def unknown_address(request, rest=""):
    """Any other address under ``/api/``: a JSON 404, not the reader's HTML page."""
    return JsonResponse(
        {"detail": "Không có địa chỉ này trong API."},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )


def _as_reader_urls(view):
    """HEAD answered as GET (monitors and link checkers send it; reader URLs answer it too),
    an empty parameter taken as absent (what a form sends for an empty field), so that
    ``?section=`` and no ``section`` are one answer and one page cache entry; and any web
    page may read the answers (``Access-Control-Allow-Origin: *``: they are public, and a
    browser sends no cookie with such a request)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        blank = [key for key, values in request.GET.lists() if not any(values)]
        if blank:
            request.GET = request.GET.copy()
            for key in blank:
                del request.GET[key]
        method = request.method
        request.method = "GET" if method == "HEAD" else method
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = method
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def urls():
    """``api.urls`` with each view wrapped by ``_as_reader_urls``, for ``path("api/v1/", …)``."""
    patterns, app_name, namespace = api.urls
    wrapped = [
        URLPattern(p.pattern, _as_reader_urls(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return wrapped, app_name, namespace
