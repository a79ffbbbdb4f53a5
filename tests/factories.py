import importlib
from datetime import timedelta

import factory
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from articles.models import Article, HotlineBanner, Photo, Section


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Lan"
    last_name = "Nguyễn"
    password = factory.django.Password("mat-khau-thu-nghiem")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.django.ImageField(width=1600, height=900, color="teal", format="JPEG")
    caption = factory.Sequence(lambda n: f"Cảng biển Hải Phòng, góc chụp số {n}")
    credit = "Hoàng Tùng"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Hải Phòng đẩy mạnh chuyển đổi xanh, bài số {n}")
    location = "Hải Phòng"
    sapo = "Ban Quản lý Khu kinh tế tổ chức hội thảo về chuyển đổi xanh các khu công nghiệp."
    body = "<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>"
    section = factory.SubFactory(SectionFactory)

    class Params:
        live = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )


class HotlineBannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HotlineBanner

    label = "Hotline"
    phone = "0983.970.780"


def ensure_newsroom_groups():
    """The groups of migration 0002, made again if a transactional test flushed them.

    Live-server (browser) tests run in flushed tables, and ``serialized_rollback`` cannot
    restore them there: Playwright's greenlets give the test a fresh connection without
    Django's serialized copy. Tests that run after them must not depend on the migration's
    rows still being there.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    migration = importlib.import_module("articles.migrations.0002_groups")
    for name, perms in [
        (migration.JOURNALIST, migration.JOURNALIST_PERMS),
        (migration.EDITOR, migration.EDITOR_PERMS),
    ]:
        group, created = Group.objects.get_or_create(name=name)
        if created or not group.permissions.exists():
            for perm in perms:
                app_label, codename = perm.split(".")
                group.permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
    return Group.objects.filter(name__in=[migration.JOURNALIST, migration.EDITOR])


def hidden_articles(section, *, prefix="Bài ẩn"):
    """One article in each state a reader must never see: draft, submitted, returned and
    scheduled (published, ``published_at`` still ahead)."""
    Status = Article.Status
    states = [
        ("NHAPXX", Status.DRAFT, None),
        ("CHODUYET", Status.SUBMITTED, None),
        ("TRALAI", Status.RETURNED, None),
        ("HENGIO", Status.PUBLISHED, timezone.now() + timedelta(hours=1)),
    ]
    return [
        ArticleFactory(section=section, status=status, published_at=at, title=f"{prefix} {marker}")
        for marker, status, at in states
    ]


def staff_member(group_name, **kwargs):
    """A staff user in one of the newsroom's groups (the groups made again if flushed)."""
    ensure_newsroom_groups()
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def own_article(user, **kwargs):
    """An article ``user`` created and is credited on."""
    article = ArticleFactory(created_by=user, **kwargs)
    article.authors.add(user)
    return article


def banner_query() -> int:
    """The hotline banner's query on a reader page after the first: none on a shared cache,
    which keeps it (articles/context_processors.py), one on a per-process cache. Pages
    without the reader header (the admin, XML) never read it."""
    from articles import cachesafe

    return 0 if cachesafe.shared() else 1


def menu_query() -> int:
    """The header's section menu: kept with the banner, so read when it is (issue #13)."""
    return banner_query()
