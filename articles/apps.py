from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Toà soạn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import Tags, register
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from articles import checks, models, pagecache

        register(checks.page_cache_needs_a_shared_cache, Tags.caches, deploy=True)
        register(checks.secret_key_is_set, Tags.security, deploy=True)

        # Cache invalidation, not domain logic: every door that changes what a reader page
        # shows (admin, publishing, importers, the shell) moves the page cache on.
        for model in (
            models.Article,
            models.Photo,
            models.HotlineBanner,
            models.Section,
            models.Tag,
            models.TaggedArticle,
            models.RelatedArticle,
        ):
            post_save.connect(pagecache.bump, sender=model, dispatch_uid=f"pagecache-{model}")
            post_delete.connect(pagecache.bump, sender=model, dispatch_uid=f"pagecache-d-{model}")
        m2m_changed.connect(
            pagecache.bump, sender=models.Article.authors.through, dispatch_uid="pagecache-m2m"
        )
