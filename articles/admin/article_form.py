"""The article's add and change pages: the form (continuing a pending edit or an
autosave), saving through ``publishing`` (a live article's edit staged), and what the page
shows beside the form (workflow buttons, trail, presence, autosave offer)."""

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from articles import autosave, presence, preview, publishing
from articles.models import Photo, RelatedArticle
from articles.names import full_name

from . import revisions
from .article_inlines import (
    RELATED_PREFIX,
    RelatedArticleInline,
    pending_for,
    picks_as_list,
    picks_of,
)
from .forms import pending_initial

NOT_USABLE_PHOTO = "Không có ảnh này trong thư viện ảnh bạn được xem."
SAVE_AND_SUBMIT = "_save_and_submit"  # the form's "Lưu và gửi duyệt" button
SAVE_AND_PUBLISH = "_save_and_publish"  # an editor's "Lưu và xuất bản ngay" on a live article
STAGED_MESSAGE = (
    "Đã lưu “{article}” thành thay đổi chưa xuất bản: bạn đọc vẫn thấy bản cũ cho tới khi "
    "biên tập viên bấm “Cập nhật bài”."
)
UNCHANGED_MESSAGE = (
    "“{article}” không khác bản bạn đọc đang thấy; không có thay đổi nào chờ xuất bản."
)


class ArticleFormMixin:
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
