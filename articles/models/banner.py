from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.phones import tel_uri, validate_vietnamese_phone

from .base import NFCModel


class HotlineBannerQuerySet(models.QuerySet):
    def active(self):
        """The banner shown in every page's header (at most one, by constraint)."""
        return self.filter(is_active=True)


class HotlineBanner(NFCModel):
    label = models.CharField(_("nhãn"), max_length=40, default="Hotline")
    phone = models.CharField(
        _("số điện thoại"),
        max_length=20,
        validators=[validate_vietnamese_phone],
        help_text=_("Viết như toà soạn vẫn viết, ví dụ 0983.970.780."),
    )
    is_active = models.BooleanField(
        _("đang hiển thị"),
        default=True,
        help_text=_("Chỉ một hotline được hiển thị; bật dòng này sẽ tắt dòng đang hiển thị."),
    )

    objects = HotlineBannerQuerySet.as_manager()

    class Meta:
        verbose_name = _("hotline")
        verbose_name_plural = _("hotline")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="one_active_banner",
                violation_error_message=_("Đã có một hotline đang hiển thị."),
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.phone}"

    @property
    def tel_uri(self):
        return tel_uri(self.phone)
