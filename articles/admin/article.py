"""The article admin: who sees which articles, the list (filters, search, no full count)
and the fieldsets. The change form, the displays, the actions and the extra pages are its
mixins (``article_form``, ``article_display``, ``article_actions``, ``article_views``,
``article_desk_views``, ``correction_views``)."""

from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef

from articles import publishing
from articles.models import Article, PendingEdit
from articles.search import articles_matching

from .article_actions import ArticleActionsMixin
from .article_desk_views import ArticleDeskViewsMixin
from .article_display import ArticleDisplayMixin
from .article_filters import AuthorFilter, SectionFilter, StateFilter
from .article_form import ArticleFormMixin
from .article_inlines import RelatedArticleInline
from .article_reads import ArticleReadsMixin
from .article_views import ArticleViewsMixin
from .autocomplete import PhotoAutocompleteSelect
from .changelist import ArticleChangeList
from .correction_views import CorrectionViewsMixin
from .forms import ArticleForm
from .paginator import EstimatedCountPaginator
from .revision_views import RevisionViewsMixin


@admin.register(Article)
class ArticleAdmin(
    CorrectionViewsMixin,
    ArticleFormMixin,
    ArticleDisplayMixin,
    ArticleActionsMixin,
    ArticleViewsMixin,
    ArticleDeskViewsMixin,
    RevisionViewsMixin,
    ArticleReadsMixin,
    admin.ModelAdmin,
):
    form = ArticleForm
    list_display = [
        "title",
        "section",
        "authors_list",
        "state",
        "published_at",
        "updated_at",
        "reads_column",
    ]
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
    readonly_fields = ["lead_photo_thumbnail", "state", "body_text", "reads_summary"]
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
        ("Trạng thái", {"fields": ["state", "reads_summary"]}),
    ]
    inlines = [RelatedArticleInline]
    actions = ["publish_selected", "unpublish_selected", "delete_selected"]
    object_history_template = "admin/articles/article/revision_list.html"

    class Media:
        js = [
            "articles/admin/article-form.js",
            "articles/admin/photo-metadata.js",
            "articles/admin/lead-photo.js",
            "articles/admin/widget-names.js",
        ]

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
        # Whole words, as readers search (``hai`` is not ``khai``), through the vector.
        return articles_matching(queryset, search_term), False

    def changelist_view(self, request, extra_context=None):
        extra = {"can_see_calendar": publishing.can_publish(request.user)}
        return super().changelist_view(request, {**(extra_context or {}), **extra})
