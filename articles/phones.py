"""Vietnamese phone numbers as newsrooms write them: ``0983.970.780``, ``1900 1234``."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-()]")
# Mobile numbers: 0 + 9 digits; landlines: 02 + 9 digits (area code and number); +84 or 84
# may stand for the leading 0.
_SUBSCRIBER = re.compile(r"^(?:\+?84|0)(2\d{9}|[3-9]\d{8})$")
# Nationwide hotlines: 1800/1900 + 4 or 6 digits, dialled as written.
_SERVICE = re.compile(r"^(1[89]00(?:\d{4}|\d{6}))$")


def tel_uri(number: str) -> str:
    """The ``tel:`` URI of a Vietnamese number: ``0983.970.780`` → ``tel:+84983970780``."""
    digits = _SEPARATORS.sub("", number or "")
    if match := _SUBSCRIBER.match(digits):
        return f"tel:+84{match[1]}"
    if match := _SERVICE.match(digits):
        return f"tel:{match[1]}"
    raise ValueError(f"not a Vietnamese phone number: {number!r}")


def validate_vietnamese_phone(number: str) -> None:
    try:
        tel_uri(number)
    except ValueError:
        raise ValidationError(
            _(
                "Số điện thoại không hợp lệ: hãy nhập số Việt Nam gồm 10 chữ số bắt đầu bằng 0 "
                "(ví dụ 0983.970.780) hoặc tổng đài 1800/1900."
            ),
            code="invalid_phone",
        ) from None
