import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import actions as django_actions
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets, lookup_spawns_duplicates, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import autosave, presence, preview, publishing, richtext
from articles.models import Article, PendingEdit, Photo, RelatedArticle, Section
from articles.names import full_name
from articles.search import query_words, vector_query

from . import revisions
from .article_views import ArticleViewsMixin
from .autocomplete import PhotoAutocompleteSelect
from .changelist import ArticleChangeList
from .forms import ArticleForm, pending_initial
from .paginator import EstimatedCountPaginator

NOT_LINKABLE = (
    "Không chọn được bài này làm bài liên quan: chỉ chọn được bài của bạn hoặc bài đã lên trang."
)
NOT_USABLE_PHOTO = "Không có ảnh này trong thư viện ảnh bạn được xem."
SAVE_AND_SUBMIT = "_save_and_submit"  # the form's "Lưu và gửi duyệt" button
NO_LEAD_PHOTO = "Chưa chọn ảnh đại diện."
LEAD_PHOTO_NO_CREDIT = "— chưa ghi tác giả ảnh"
# Which photo readers' shares show (Article.share_photo); {caption} filled in.
SHARE_LEAD = "Ảnh khi bạn đọc chia sẻ bài: ảnh đại diện này."
SHARE_BODY = "Ảnh khi bạn đọc chia sẻ bài: ảnh đầu tiên trong thân bài, “{caption}”."
SHARE_NONE = (
    "Ảnh khi bạn đọc chia sẻ bài: không có ảnh (bài chưa có ảnh đại diện hay ảnh trong thân bài)."
)


def share_note(lead_photo, first_body_photo) -> str:
    if lead_photo is not None:
        return SHARE_LEAD
    if first_body_photo is not None:
        return SHARE_BODY.format(caption=first_body_photo.caption)
    return SHARE_NONE


SAVE_AND_PUBLISH = "_save_and_publish"  # an editor's "Lưu và xuất bản ngay" on a live article
RELATED_PREFIX = "related_links"
STAGED_MESSAGE = (
    "Đã lưu “{article}” thành thay đổi chưa xuất bản: bạn đọc vẫn thấy bản cũ cho tới khi "
    "biên tập viên bấm “Cập nhật bài”."
)
UNCHANGED_MESSAGE = (
    "“{article}” không khác bản bạn đọc đang thấy; không có thay đổi nào chờ xuất bản."
)


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


@admin.register(Article)
class ArticleAdmin(ArticleViewsMixin, admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "section", "authors_list", "state", "published_at", "updated_at"]
    list_select_related = ["section__parent"]  # a subsection's name shows its parent
    # Every filter reads an index at any archive size (bench/README.md, issue #9): state
    # and date through (status, published_at, id) and (published_at, id), section and
    # author through their foreign-key indexes. No date_hierarchy: its links are a
    # DISTINCT DATE_TRUNC over every filtered row; the date filter's choices cost no query,
    # and the ?published_at__year=…&published_at__month=… links still filter
    # (ArticleChangeList).
    list_filter = [
        StateFilter,
        ("section", SectionFilter),
        AuthorFilter,
        ("published_at", admin.DateFieldListFilter),
    ]
    # No "Hiện số lượng": the counts beside each choice are COUNT(*) FILTER over every
    # filtered row, one per choice (over 9 minutes at 1,000,000 articles, bench/README.md).
    show_facets = admin.ShowFacets.NEVER
    # Matching runs on the accent-folded copies (see get_search_results).
    search_fields = ["search_title"]
    search_help_text = "Tìm theo tiêu đề, sapo, nội dung; gõ có dấu hay không dấu đều được."
    # No COUNT(*) over the archive: the total is not shown, the filtered count is
    # bounded or estimated (issue #9).
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["lead_photo"]
    filter_horizontal = ["authors"]
    readonly_fields = ["lead_photo_thumbnail", "state", "body_text"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "location",
                    "sapo",
                    "body",
                    "lead_photo",
                    "lead_photo_thumbnail",
                    "section",
                    "tags",
                    "version",
                ]
            },
        ),
        ("Tác giả", {"fields": ["authors", "byline"]}),
        ("Trạng thái", {"fields": ["state"]}),
    ]
    inlines = [RelatedArticleInline]
    actions = ["publish_selected", "unpublish_selected", "delete_selected"]
    object_history_template = "admin/articles/article/revision_list.html"

    class Media:
        js = [
            "articles/admin/article-form.js",
            "articles/admin/photo-metadata.js",
            "articles/admin/lead-photo.js",
        ]

    # Display

    @admin.display(description="tác giả")
    def authors_list(self, obj):
        return ", ".join(full_name(a) for a in obj.authors.all())

    @admin.display(description="trạng thái", ordering="status")
    def state(self, obj):
        if getattr(obj, "has_pending_edit", False):
            return format_html(
                '{} <span class="pending-marker">· có thay đổi chưa xuất bản</span>',
                revisions.state_label(obj),
            )
        return revisions.state_label(obj)

    @admin.display(description="ảnh đại diện đã chọn")
    def lead_photo_thumbnail(self, obj):
        """The lead photo as list cards show it, and which photo readers' shares show;
        lead-photo.js changes both as soon as another lead photo is picked."""
        photo = obj.lead_photo if obj and obj.lead_photo_id else None
        fallback = obj.first_body_photo() if obj and obj.pk else None
        if photo is not None:
            crop = photo.card
            image = format_html(
                '<img class="lead-photo-image" src="{}" alt="{}" width="{}" height="{}">',
                crop.src,
                photo.alt,
                crop.width,
                crop.height,
            )
            caption = f"{photo.caption} {photo.credit_line or LEAD_PHOTO_NO_CREDIT}"
        else:
            image = mark_safe('<img class="lead-photo-image" alt="" hidden>')
            caption = NO_LEAD_PHOTO
        return format_html(
            '<div class="lead-photo-preview" data-card-url="{}" data-no-photo="{}" '
            'data-no-credit="{}">{}<p class="lead-photo-caption">{}</p>'
            '<p class="share-photo-note" role="status" data-lead="{}" data-body="{}" '
            'data-none="{}">{}</p></div>',
            reverse("admin:articles_photo_card", args=[0]),
            NO_LEAD_PHOTO,
            LEAD_PHOTO_NO_CREDIT,
            image,
            caption,
            SHARE_LEAD,
            SHARE_BODY,
            SHARE_NONE,
            share_note(photo, fallback),
        )

    @admin.display(description="nội dung")
    def body_text(self, obj):
        # The read-only page shows the body as readers will, figures with their caption
        # and credit (issue #10), never the stored markup or "[Ảnh #46]".
        if obj is None:
            return ""
        photos = Photo.objects.in_bulk(richtext.photo_ids(obj.body))
        rendered = richtext.render_body(obj.body, photos, eager=0)  # sanitised
        return format_html('<div class="readonly-body">{}</div>', rendered)

    def autocomplete_label(self, obj):
        """``Tiêu đề — Thời sự · 08/03/2025 · Đã xuất bản``: enough to pick the right one."""
        when = revisions.format_datetime(obj.published_at)[:10] or "chưa có ngày xuất bản"
        return f"{obj.title} — {obj.section} · {when} · {revisions.state_label(obj)}"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lead_photo":  # thumbnails, captions and credits in the dropdown
            kwargs["widget"] = PhotoAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None or self.has_change_permission(request, obj):
            return self.fieldsets
        swap = {"body": "body_text"}
        return [
            (
                name,
                {
                    **options,
                    "fields": [swap.get(f, f) for f in options["fields"] if f != "version"],
                },
            )
            for name, options in self.fieldsets
        ]

    # Who sees what

    def get_queryset(self, request):
        qs = super().get_queryset(request).prefetch_related("authors")
        match = request.resolver_match
        if match and match.url_name == "articles_article_changelist":
            # The list marks articles with a pending edit: an index probe per row shown.
            qs = qs.annotate(
                has_pending_edit=Exists(PendingEdit.objects.filter(article=OuterRef("pk")))
            )
        return qs.visible_to(request.user)

    def get_autocomplete_queryset(self, request):
        # Picking related articles (the inline checks the same rule on save): what the user
        # may link, more than the list shows them; the section is in the label.
        return Article.objects.linkable_by(request.user).select_related("section__parent")

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_object(self, request, object_id, from_field=None):
        # Any article: the views then ask has_view/has_change_permission for this one (the
        # rule of visible_to/editable_by, models/access.py), so another author's article is
        # refused with 403 instead of "not found".
        field = Article._meta.get_field(from_field) if from_field else Article._meta.pk
        try:
            return Article.objects.get(**{field.name: field.to_python(object_id)})
        except (Article.DoesNotExist, ValidationError, ValueError):
            return None

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or publishing.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or publishing.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or publishing.can_delete(request.user, obj))

    def has_publish_permission(self, request):
        return publishing.can_publish(request.user)

    def lookup_allowed(self, lookup, value, request=None):
        # A hand-made lookup across a many-to-many (?tags__name=…, ?authors=…) would make the
        # list SELECT DISTINCT over whole rows, body included; the author filter is the way.
        if lookup != AuthorFilter.parameter_name and lookup_spawns_duplicates(self.opts, lookup):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        # Whole words, folded as the reader search folds them (``hai`` is not ``khai``):
        # PostgreSQL through the GIN-indexed stored vector, no ``LIKE '%…%'`` scans.
        words = query_words(search_term)
        if not words:
            return queryset, False
        if connection.vendor == "postgresql":
            return queryset.filter(search_vector=vector_query(words)), False
        for word in words:
            whole = rf"\b{re.escape(word)}\b"
            queryset = queryset.filter(Q(search_title__regex=whole) | Q(search_text__regex=whole))
        return queryset, False

    def get_form(self, request, obj=None, change=False, **kwargs):
        # ``version`` is the form's own hidden field (the model's is not editable).
        fields = kwargs.get("fields") or flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [f for f in fields if f != "version"]
        form = super().get_form(request, obj, change, **kwargs)
        # The form continues the pending edit, if any (what was saved, not what readers see);
        # an autosave being restored goes over it.
        pending = pending_for(request, obj)
        restored = {
            **(pending_initial(pending) if pending is not None else {}),
            **(getattr(request, "autosave_initial", None) or {}),
        }
        if restored:
            form = type(form.__name__, (form,), {"restored_initial": restored})
        field = form.base_fields.get("authors")
        if field is not None:
            # The newsroom's people by full name, family name first; not the superuser (an
            # author already credited stays choosable).
            people = get_user_model().objects.filter(is_staff=True, is_superuser=False)
            if obj is not None and obj.pk:
                people |= get_user_model().objects.filter(pk__in=obj.authors.values("pk"))
            if pending is not None:
                people |= get_user_model().objects.filter(pk__in=pending.data.get("authors", []))
            field.queryset = people.distinct().order_by("last_name", "first_name", "username")
            field.label_from_instance = full_name
        field = form.base_fields.get("lead_photo")
        if field is not None:
            # The library is shared: anyone who may see it may use any photo. The photo
            # already chosen stays choosable for whoever edits the article next.
            choices = publishing.usable_photos(request.user)
            if obj is not None and obj.lead_photo_id:
                choices |= Photo.objects.filter(pk=obj.lead_photo_id)
            if pending is not None and pending.data.get("lead_photo_id"):
                choices |= Photo.objects.filter(pk=pending.data["lead_photo_id"])
            field.queryset = choices
            field.error_messages["invalid_choice"] = NOT_USABLE_PHOTO
        return form

    def get_changeform_initial_data(self, request):
        initial = {"authors": [request.user.pk], **super().get_changeform_initial_data(request)}
        kept = autosave.new_article_autosave(request.user, request.GET.get("autosave"))
        if kept is not None:  # a new article typed before and never saved ("Bản nháp của tôi")
            initial.update(autosave.initial(kept))
        return initial

    # Saving: thin calls into articles.publishing

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, RelatedArticleInline) and picks_as_list(request, obj):
            kwargs["queryset"] = RelatedArticle.objects.none()
            pending = pending_for(request, obj)
            if request.method == "GET" and pending is not None:
                kwargs["initial"] = [
                    {"to_article": pk, "position": position}
                    for pk, position in pending.data.get("related", [])
                ]
        return kwargs

    def save_model(self, request, obj, form, change):
        if not change:
            publishing.create(obj, by=request.user)
            return
        publish_now = SAVE_AND_PUBLISH in request.POST
        if publishing.stages_edits(obj) and not publish_now:
            # Kept as the pending edit, with its tags, authors and picks (save_related).
            obj._staged = True
            return
        publishing.save_edit(
            obj, by=request.user, version=form.cleaned_data["version"], publish_now=publish_now
        )

    def save_related(self, request, form, formsets, change):
        article = form.instance
        related = [f for f in formsets if f.prefix == RELATED_PREFIX]
        if getattr(article, "_staged", False):
            article._pending = publishing.stage_edit(
                article,
                by=request.user,
                version=form.cleaned_data["version"],
                tags=form.cleaned_data.get("tags") or [],
                authors=[user.pk for user in form.cleaned_data.get("authors") or []],
                related=picks_of(related[0]) if related else [],
            )
            autosave.forget(request.user, article, request.POST.get("_autosave"))
            for formset in formsets:  # nothing saved: the change log lists no rows
                formset.new_objects = formset.changed_objects = formset.deleted_objects = []
            return
        if related and change and picks_as_list(request, article):
            # The form held the pending edit's picks as a list: saved as a whole.
            form.save_m2m()
            publishing.set_related(article, picks_of(related[0]))
            related[0].new_objects = related[0].changed_objects = []  # for the change log
            related[0].deleted_objects = []
            for formset in formsets:
                if formset.prefix != RELATED_PREFIX:
                    self.save_formset(request, form, formset, change=change)
        else:
            super().save_related(request, form, formsets, change)
        if not change and not article.authors.exists():
            article.authors.add(request.user)
        # Saved: what autosave kept of this form has nothing more to give.
        autosave.forget(request.user, article, request.POST.get("_autosave"))
        if SAVE_AND_SUBMIT in request.POST:
            # "Lưu và gửi duyệt": the edits just saved, then the submission, in one request.
            try:
                publishing.submit(article, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                messages.error(request, f"Đã lưu nhưng chưa gửi duyệt được: {text}")
            else:
                messages.success(request, f"Đã lưu và gửi duyệt “{article}”.")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        for _attempt in range(3):
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            except publishing.EditConflict:
                # Another save won between our form check and our UPDATE; the transaction
                # rolled back. Run again: the form's version check now reports the conflict
                # (or, the article having gone live on its schedule, the save is staged).
                request.__dict__.pop("_pending_edits", None)
                continue
        raise PermissionDenied("Bài đang được lưu liên tục bởi người khác; hãy thử lại.")

    def add_view(self, request, form_url="", extra_context=None):
        extra = {"can_save_and_submit": True, **self._autosave_config(request)}
        kept = autosave.new_article_autosave(request.user, request.GET.get("autosave"))
        if kept is not None:
            extra["autosave_id"] = kept.pk
        return super().add_view(request, form_url, {**(extra_context or {}), **extra})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None and self.has_view_permission(request, article):
            extra_context = {**(extra_context or {}), **self._side_context(request, article)}
            if self.has_change_permission(request, article):
                extra_context.update(self._autosave_config(request, article))
                # The buttons _side_context just listed: one asking, not two.
                extra_context["can_save_and_submit"] = (
                    "submit" in extra_context["workflow_actions"]
                )
                extra_context["edits_wait"] = publishing.stages_edits(article)
                extra_context["can_save_and_publish"] = extra_context[
                    "edits_wait"
                ] and publishing.can_publish(request.user)
                if request.method == "GET":
                    extra_context.update(self._autosave_offer(request, article))
            if "khoi_phuc" in request.GET:
                form_url = request.path  # the save is a plain save, not another restore
        return super().change_view(request, object_id, form_url, extra_context)

    def _autosave_config(self, request, article=None):
        return {
            "autosave_url": reverse("admin:articles_article_autosave"),
            "autosave_article": article.pk if article is not None else "",
        }

    def _autosave_offer(self, request, article):
        """Restoring (``?khoi_phuc``) fills the form from the autosave; otherwise an autosave
        that differs from the saved article is offered, with what it would change."""
        if "khoi_phuc" in request.GET:
            kept = autosave.of(request.user, article)
            if kept is None:
                return {}
            request.autosave_initial = autosave.initial(kept)
            return {"autosave_restored": kept}
        offer = autosave.offer(request.user, article, pending_for(request, article))
        if offer is None:
            return {}
        kept, changes = offer
        return {"autosave_offer": kept, "autosave_changes": changes}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["conflict"] = getattr(context["adminform"].form, "conflict", None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        if getattr(obj, "_staged", False):
            # Django's "changed successfully" would read as if readers saw it.
            template = STAGED_MESSAGE if obj._pending is not None else UNCHANGED_MESSAGE
            request._success_message = template.format(article=obj)
        elif SAVE_AND_PUBLISH in request.POST:
            request._success_message = f"Đã lưu và xuất bản ngay “{obj}”: bạn đọc thấy bản mới."
        return super().response_change(request, obj)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        replacement = getattr(request, "_success_message", None)
        if replacement and level == messages.SUCCESS:
            message = replacement
        super().message_user(request, message, level, *args, **kwargs)

    def view_on_site(self, obj):
        """A live article's public page; otherwise its preview, which a reader's URL 404s."""
        return obj.get_absolute_url() if obj.is_live else preview.preview_url(obj)

    def _side_context(self, request, article):
        pending = pending_for(request, article)
        state_text = revisions.state_label(article)
        if pending is not None:
            state_text += " · có thay đổi chưa xuất bản"
        return {
            "trail": article.state_changes.select_related("by"),
            "workflow_actions": publishing.available_actions(request.user, article),
            "workflow_url": reverse("admin:articles_article_workflow", args=[article.pk]),
            "pending_edit": pending,
            "pending_url": reverse("admin:articles_article_publish_pending", args=[article.pk]),
            "preview_url": request.build_absolute_uri(preview.preview_url(article)),
            "preview_days": preview.MAX_AGE.days,
            "state_text": state_text,
            "article_version": article.version,
            # Marked as open only when the form is editable; a heartbeat keeps it so.
            "also_editing": (
                presence.beat(article.pk, request.user)
                if request.method == "GET" and self.has_change_permission(request, article)
                else presence.others(article.pk, request.user)
            ),
            "presence_url": reverse("admin:articles_article_presence", args=[article.pk]),
            "presence_beat": presence.BEAT_SECONDS,
            "schedule_suggestion": revisions.next_full_hour(),
        }

    def changelist_view(self, request, extra_context=None):
        extra = {"can_see_calendar": publishing.can_publish(request.user)}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    # Actions

    def _each(self, request, queryset, call, done):
        count = 0
        for article in queryset:
            try:
                call(article, by=request.user)
            except ValidationError as error:
                messages.error(request, f"“{article}”: {' '.join(error.messages)}")
            else:
                count += 1
        if count:
            messages.success(request, done.format(count=count))

    @admin.action(description="Xuất bản ngay các bài đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._each(request, queryset, publishing.publish, "Đã xuất bản {count} bài.")

    @admin.action(description="Gỡ các bài đã chọn", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._each(request, queryset, publishing.unpublish, "Đã gỡ {count} bài.")

    @admin.action(
        description=django_actions.delete_selected.short_description, permissions=["delete"]
    )
    def delete_selected(self, request, queryset):
        """Django's "delete selected" (its confirmation page, then ``delete_queryset``), only
        when the user may delete every article selected: otherwise none, and a message."""
        if request.POST.get("select_across") == "1":
            asked = queryset
        else:  # the ids posted, also those the list would not show this user
            posted = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            asked = [int(pk) for pk in posted if pk.isdigit()]
        try:
            publishing.check_delete_many(asked, by=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        return django_actions.delete_selected(self, request, queryset)

    def delete_model(self, request, obj):
        publishing.delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        publishing.delete_many(queryset, by=request.user)
