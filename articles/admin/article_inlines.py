"""The article form's hand-picked related articles ("Xem thêm"): the inline, its formset,
and how a pending edit's picks are shown and read back."""

from django import forms
from django.contrib import admin

from articles import publishing
from articles.models import Article, RelatedArticle

NOT_LINKABLE = (
    "Không chọn được bài này làm bài liên quan: chỉ chọn được bài của bạn hoặc bài đã lên trang."
)
RELATED_PREFIX = "related_links"


def pending_for(request, article):
    """The article's pending edit, read once per request (the form, the picks, the page)."""
    if article is None or article.pk is None:
        return None
    found = request.__dict__.setdefault("_pending_edits", {})
    if article.pk not in found:
        found[article.pk] = publishing.pending_of(article)
    return found[article.pk]


def picks_as_list(request, article) -> bool:
    """The picks form is the pending edit's list (new rows, nothing of the links readers see):
    when the form is opened on a pending edit, and when such a form is posted (no existing
    rows in it, while the article has links). Saved as a whole list
    (``publishing.set_related``), not row by row over the links it does not show."""
    if request.method == "POST":
        return request.POST.get(f"{RELATED_PREFIX}-INITIAL_FORMS") == "0" and (
            article is not None and article.pk is not None and article.related_links.exists()
        )
    return pending_for(request, article) is not None


def picks_of(formset) -> list[tuple[int, int]]:
    """``(article id, position)`` of each pick the posted form keeps."""
    picks = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        deleted = formset.can_delete and formset._should_delete_form(form)
        if data.get("to_article") and not deleted:
            picks.append((data["to_article"].pk, data.get("position") or 0))
    return picks


class RelatedLinksFormSet(forms.BaseInlineFormSet):
    """Each new or changed link is checked against ``publishing.can_link`` again."""

    user = None  # set by RelatedArticleInline.get_formset
    kept = frozenset()  # ids already picked (linked, or in the pending edit): they stay

    def clean(self):
        super().clean()
        for form in self.forms:
            target = getattr(form, "cleaned_data", {}).get("to_article")
            if target is None or self._should_delete_form(form):
                continue
            if self.instance.pk is not None and target.pk == self.instance.pk:
                form.add_error("to_article", "Bài viết không thể liên quan đến chính nó.")
            elif (
                "to_article" in form.changed_data
                # A pick the form lists as a new row (the pending edit's list) stays if it
                # is already picked; an existing row changed to it is checked: a link
                # moved to another author's draft is a new link.
                and not (form.instance.pk is None and target.pk in self.kept)
                and not publishing.can_link(self.user, target)
            ):
                form.add_error("to_article", NOT_LINKABLE)


class RelatedArticleInline(admin.TabularInline):
    model = RelatedArticle
    formset = RelatedLinksFormSet
    fk_name = "from_article"
    autocomplete_fields = ["to_article"]
    fields = ["to_article", "position"]
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        field = formset.form.base_fields.get("to_article")
        if field is not None:
            # What the user may link, and links already there (an editor may have added
            # one the author could not pick: it stays, and saving the form keeps it).
            choices = Article.objects.linkable_by(request.user)
            if obj is not None and obj.pk:
                kept = set(obj.related_links.values_list("to_article", flat=True))
                pending = pending_for(request, obj)
                if pending is not None:
                    kept.update(pk for pk, _position in pending.data.get("related", []))
                formset.kept = frozenset(kept)
                choices |= Article.objects.filter(pk__in=kept)
            field.queryset = choices
            field.error_messages["invalid_choice"] = NOT_LINKABLE
        return formset

    def get_extra(self, request, obj=None, **kwargs):
        pending = pending_for(request, obj)
        if request.method == "GET" and pending is not None:
            return len(pending.data.get("related", []))  # the pending picks, as new rows
        return super().get_extra(request, obj, **kwargs)

    # Picking related articles is part of editing the article: the article's rules apply
    # (the through model has no permissions of its own in the newsroom's groups).
    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.has_perm("articles.view_article") and (
            obj is None or publishing.can_view(user, obj)
        )

    def has_change_permission(self, request, obj=None):
        user = request.user
        if obj is None:
            return user.has_perm("articles.change_article") or user.has_perm(
                "articles.add_article"
            )
        return publishing.can_edit(user, obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission
