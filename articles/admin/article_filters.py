"""The article list's filters, each bounded by an index at any archive size (issue #9)."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model

from articles.models import Article, Section
from articles.names import full_name


class StateFilter(admin.SimpleListFilter):
    title = "trạng thái"
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Bản nháp"),
            ("submitted", "Chờ duyệt"),
            ("returned", "Trả lại"),
            ("scheduled", "Hẹn giờ"),
            ("live", "Đã xuất bản"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.live()
        if value in ("draft", "submitted", "returned"):
            return queryset.filter(status=value)
        return queryset


class SectionFilter(admin.RelatedFieldListFilter):
    """Django's section filter, with each subsection's parent read in the same query (a
    subsection is named "Xã hội › Người Việt bốn phương")."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        sections = Section.objects.select_related("parent").order_by(
            *(ordering or Section._meta.ordering)
        )
        return [(section.pk, str(section)) for section in sections]


class AuthorFilter(admin.SimpleListFilter):
    """By author, bounded at any archive size (issue #9).

    The choices are the people the form's authors field offers (staff users: a small table,
    not a ``DISTINCT`` over every article's authors), and the articles are ``pk IN`` the
    author's rows of the authors table (its user index; the planner walks the list's order
    and probes the article index instead when the author wrote many): no join, so the list
    needs no ``SELECT DISTINCT`` over whole rows. The parameter keeps the name Django's
    field filter gave it, so earlier links still work.
    """

    title = "tác giả"
    parameter_name = "authors__id__exact"

    def lookups(self, request, model_admin):
        limit = Article._meta.get_field("authors").get_limit_choices_to()
        people = get_user_model().objects.filter(**limit)
        people = people.order_by("last_name", "first_name", "username")
        return [(str(p.pk), full_name(p)) for p in people]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(value)
        rows = Article.authors.through.objects.filter(user_id=int(value))
        return queryset.filter(pk__in=rows.values("article_id"))
