"""The admin login form, and the username django-axes records for a failed login."""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator

# django-axes' AccessAttempt.username (and its logs') column.
AXES_USERNAME_MAX_LENGTH = 255


class AdminLoginForm(AdminAuthenticationForm):
    """Django's admin login, with the username's length checked before anyone looks it up.

    ``AuthenticationForm`` sets ``max_length`` on the username field after the field is
    built, so only the HTML attribute limits it and a crafted 300-character username went
    on to django-axes and the database.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(
            MaxLengthValidator(
                field.max_length,
                message="Tên đăng nhập dài nhất %(limit_value)d ký tự (bạn gõ %(show_value)d).",
            )
        )


def axes_username(request, credentials=None):
    """The username axes records (found as axes finds it), storable whatever the door:
    cut to the column's length, without NUL, which PostgreSQL refuses in text."""
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        data = getattr(request, "data", request.POST)
        username = data.get(settings.AXES_USERNAME_FORM_FIELD)
    if not isinstance(username, str):
        return username
    return username.replace("\x00", "")[:AXES_USERNAME_MAX_LENGTH]
