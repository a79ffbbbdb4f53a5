"""Who and what the archive's articles are made of, found or made once per run (in one
transaction): 20 bench journalists, the demo's sections, six photos drawn once and reused,
300 tags."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from articles.demo import content, drawing
from articles.demo.sections import ensure_sections
from articles.models import Article, Photo, Section, Tag

from .words import GIVEN_NAMES, PHOTO_SCENES, PLACES, SURNAMES, TAGS

JOURNALISTS = 20


@dataclass
class Cast:
    authors: list
    sections: dict[str, Section]
    photos: list[Photo]
    tags: list[Tag]
    start: int  # articles already there: this run's numbers follow theirs


def prepare() -> Cast:
    with transaction.atomic():
        authors = journalists()
        sections = ensure_sections()
        photos = ensure_photos(authors[0])
        tags = [tag(name) for name in TAGS]
        start = Article.objects.count()
    return Cast(authors, sections, photos, tags, start)


def journalists():
    User = get_user_model()
    group = Group.objects.get(name=content.JOURNALIST_GROUP)
    users = []
    for number in range(JOURNALISTS):
        username = f"phongvien-bench-{number + 1:02}"
        user = User.objects.filter(username=username).first()
        if user is None:
            middle, given = GIVEN_NAMES[number % len(GIVEN_NAMES)]
            surname = SURNAMES[(number * 3) % len(SURNAMES)]
            user = User(
                username=username,
                first_name=given,
                last_name=f"{surname} {middle}",
                email=f"{username}@toasoan.example",
                is_staff=True,
            )
            user.set_unusable_password()
            user.full_clean()
            user.save()
            user.groups.add(group)
        users.append(user)
    return users


def ensure_photos(author):
    photos = list(Photo.objects.exclude(credit="").order_by("pk")[:6])
    for number in range(len(photos), 6):
        photo = Photo(
            image=ContentFile(
                drawing.draw(PHOTO_SCENES[number], seed=100 + number, label=PLACES[number]),
                name=f"bench-{number}.jpg",
            ),
            caption=f"Ảnh minh hoạ thử tải số {number + 1}, {PLACES[number]}.",
            credit="Hoàng Tùng",
        )
        photo.uploaded_by = author
        photo.full_clean()
        photo.save()
        photos.append(photo)
    return photos


def tag(name):
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        tag = Tag(name=name)
        tag.save()
    return tag
