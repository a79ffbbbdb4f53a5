"""The journalist's article form, the tag autocomplete widget and the workflow form."""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import get_select2_language
from django.core.exceptions import ValidationError
from django.urls import reverse
from taggit.utils import parse_tags

from articles import autosave, publishing
from articles.models import Article, PendingEdit
from articles.models.tag import clean_tag_names
from articles.names import full_name
from articles.text import clean_line

from . import revisions
from .body_editor import ArticleBodyWidget

# Only the workflow buttons (articles.publishing) move these; a form never may.
WORKFLOW_ONLY = ("status", "published_at", "created_by", "slug", "search_title", "search_text")


def pending_initial(pending: PendingEdit) -> dict:
    """What the article form starts from when the article has a pending edit."""
    data = pending.data
    values = {name: data[name] for name in ("title", "location", "sapo", "body", "byline")}
    values.update(
        section=data["section_id"],
        lead_photo=data["lead_photo_id"],
        tags=data.get("tags", []),
        authors=data.get("authors", []),
    )
    return values


class TagAutocompleteWidget(forms.SelectMultiple):
    """Tag names picked with select2, suggested from ``articles.Tag``; new names allowed.

    Suggestions come from the admin's own autocomplete view (TagAdmin's ``search_fields``);
    the value posted is one name per option, handed to taggit as a comma-separated string.
    """

    template_name = "django/forms/widgets/select.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "tag-autocomplete", **(attrs or {})})

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        i18n = get_select2_language()
        i18n_js = [f"admin/js/vendor/select2/i18n/{i18n}.js"] if i18n else []
        return forms.Media(
            js=[
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *i18n_js,
                "admin/js/jquery.init.js",
                "articles/admin/tag-autocomplete.js",
            ],
            css={
                "screen": [
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                ]
            },
        )

    @staticmethod
    def names(value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            return parse_tags(value)
        return [getattr(tag, "name", str(tag)) for tag in value]

    def get_context(self, name, value, attrs):
        names = self.names(value)
        self.choices = [(n, n) for n in names]
        attrs = {
            **(attrs or {}),
            "data-url": reverse("admin:autocomplete"),
            "data-app-label": "articles",
            "data-model-name": "article",
            "data-field-name": "tags",
            "data-placeholder": "Gõ để tìm thẻ; Enter hoặc dấu phẩy để thêm thẻ mới",
        }
        return super().get_context(name, names, attrs)

    def value_from_datadict(self, data, files, name):
        names = (
            [n.strip() for n in data.getlist(name) if n.strip()]
            if hasattr(data, "getlist")
            else []
        )
        if not names:
            return ""
        # The trailing comma makes taggit split on commas only, so "chuyển đổi xanh" stays one tag.
        return ", ".join(f'"{n}"' if "," in n else n for n in names) + ","

    def format_value(self, value):
        return self.names(value)


class ArticleForm(forms.ModelForm):
    version = forms.IntegerField(label="Phiên bản", widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # In the order a journalist fills them in; what an autosave keeps, too.
        fields = list(autosave.FIELDS)
        widgets = {
            "tags": TagAutocompleteWidget,
            # django-prose-editor's, handing the photo node its URLs (body_editor.py).
            "body": ArticleBodyWidget,
            # Headlines run long; the admin's wide-field class shows them whole.
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }
        help_texts = {
            "title": "Tiêu đề bài, viết có dấu; đường dẫn tự tạo, không dấu.",
            "body": "Đoạn văn, tiêu đề nhỏ, danh sách, trích dẫn; nút Ảnh chèn ảnh từ thư viện.",
            "section": "Chuyên mục hiện trên trang đọc.",
            "tags": "Gõ để tìm thẻ có sẵn; Enter hoặc dấu phẩy để thêm thẻ mới.",
            "lead_photo": "Gõ chú thích hoặc tên tác giả ảnh để tìm trong thư viện.",
            "authors": "Người viết trong toà soạn; để trống là chính bạn.",
        }

    # What an autosave being restored puts in the form (ArticleAdmin.get_form), the version
    # it was typed against included: the version check then decides as for any save.
    restored_initial: dict | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            if "tags" in self.fields:
                # In the order they were typed (taggit's form value has no order).
                self.initial["tags"] = list(self.instance.tags.all())
        if self.restored_initial and not self.is_bound:
            self.initial.update(self.restored_initial)

    def clean_tags(self):
        names = clean_tag_names(self.cleaned_data.get("tags") or [])
        # taggit's parser sorts the names; they keep the order they were typed in (issue #10).
        typed = self.data.getlist(self.add_prefix("tags")) if hasattr(self.data, "getlist") else []
        position = {clean_line(name).casefold(): number for number, name in enumerate(typed)}
        return sorted(names, key=lambda name: position.get(name.casefold(), len(position)))

    def clean(self):
        cleaned = super().clean()
        sent = [name for name in WORKFLOW_ONLY if name in self.data]
        if sent:
            raise ValidationError(
                "Biểu mẫu này không đổi được trạng thái, giờ xuất bản hay người tạo bài; "
                "hãy dùng các nút Gửi duyệt, Xuất bản, Hẹn giờ, Gỡ bài.",
                code="workflow_only",
            )
        if self.instance.pk:
            self._check_version(cleaned.get("version"))
        return cleaned

    def _check_version(self, loaded):
        current = Article.objects.filter(pk=self.instance.pk).first()
        if current is None or loaded == current.version:
            return
        before = revisions.revision_at(current, loaded) if loaded is not None else None
        latest = current.history.select_related("history_user").order_by("-history_date").first()
        self.conflict = {
            "changes": revisions.diff(before, current) if before is not None else None,
            "by": latest.history_user if latest else None,
            "at": latest.history_date if latest else None,
            "loaded": loaded,
            "current": current.version,
        }
        pending = publishing.pending_of(current)
        if pending is not None and (latest is None or pending.updated_at > latest.history_date):
            # The last save was kept as the pending edit: that is what the other changed
            # (compared with what this form was loaded from, when that was a revision).
            shown = publishing.pending_article(current, pending)
            self.conflict.update(
                changes=revisions.diff(before if before is not None else current, shown),
                by=pending.edited_by,
                at=pending.updated_at,
                pending=True,
            )
        # Saving again after reading the difference is a deliberate choice, not a silent loss.
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(current.version)
        user = self.conflict["by"]
        who = full_name(user) if user else "người khác"
        raise ValidationError(
            f"Bài này vừa được {who} lưu sau khi bạn mở nên chưa lưu được nội dung của bạn. "
            "Nội dung bạn gõ vẫn còn nguyên bên dưới; xem phần người kia đã thay đổi, "
            "giữ lại những gì cần rồi bấm “Lưu lại” lần nữa.",
            code="conflict",
        )


class WorkflowForm(forms.Form):
    ACTIONS = [
        ("submit", "Gửi duyệt"),
        ("return", "Trả lại"),
        ("publish", "Xuất bản"),
        ("schedule", "Hẹn giờ"),
        ("reschedule", "Đổi giờ hẹn"),
        ("unpublish", "Gỡ bài"),
        ("discard_pending", "Bỏ thay đổi chưa xuất bản"),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    version = forms.IntegerField(label="Phiên bản", required=False, widget=forms.HiddenInput)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)
    at = forms.DateTimeField(
        label="Giờ xuất bản",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": "Ngày giờ không hợp lệ, ví dụ 08/03/2025 10:06."},
    )
