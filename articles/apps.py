from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Toà soạn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import Tags, register

        from articles import checks, invalidation, related
        from articles.models import history

        register(checks.page_cache_needs_a_shared_cache, Tags.caches, deploy=True)
        register(checks.secret_key_is_set, Tags.security, deploy=True)
        # Every door that changes what a reader page shows moves the page cache on.
        invalidation.connect()
        # "Xem thêm" is stored when an article, its tags or its picks change.
        related.connect()
        # A revision keeps the article's tags, authors and picks too.
        history.connect()
