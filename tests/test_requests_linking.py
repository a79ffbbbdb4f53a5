"""Crafted change-form POSTs (issue #8, "Requests"): related articles and the lead photo are
limited to what the user may link or see."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, RelatedArticle
from tests.article_forms import form_data
from tests.factories import PhotoFactory, UserFactory, own_article

pytestmark = pytest.mark.django_db


# Who may link what


def related_row(to, *, link=None, position=1, delete=False):
    row = {"id": link.pk if link else "", "to_article": to.pk, "position": position}
    if delete:
        row["DELETE"] = "on"
    return row


def post_change(client, article, data):
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


@pytest.fixture
def drafts(journalist, other_journalist):
    return {
        "mine": own_article(journalist, title="Bài nháp của tôi"),
        "my other": own_article(journalist, title="Bài nháp khác của tôi"),
        "theirs": own_article(other_journalist, title="Bản nháp của đồng nghiệp"),
        "theirs live": own_article(other_journalist, title="Bài đã lên", live=True),
        "theirs scheduled": own_article(
            other_journalist,
            title="Bài hẹn giờ",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + timedelta(days=1),
        ),
    }


def test_linking_rule_in_the_service(journalist, other_journalist, editor, drafts):
    linkable = set(Article.objects.linkable_by(journalist).values_list("title", flat=True))
    assert linkable == {"Bài nháp của tôi", "Bài nháp khác của tôi", "Bài đã lên"}
    assert not publishing.can_link(journalist, drafts["theirs"])
    assert not publishing.can_link(journalist, drafts["theirs scheduled"])
    assert publishing.can_link(journalist, drafts["theirs live"])
    assert publishing.can_link(other_journalist, drafts["theirs"])
    assert publishing.can_link(editor, drafts["theirs"])
    journalist.is_active = False
    assert not publishing.can_link(journalist, drafts["theirs live"])


@pytest.mark.parametrize("forbidden", ["theirs", "theirs scheduled"])
def test_a_journalist_cannot_link_another_journalists_unpublished_article(
    client, journalist, drafts, forbidden
):
    """The autocomplete hides it; a crafted POST of its id is a form error, not a link."""
    mine = drafts["mine"]
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, [related_row(drafts[forbidden])]))
    assert response.status_code == 200
    assert "Không chọn được bài này làm bài liên quan" in response.content.decode()
    assert not RelatedArticle.objects.exists()
    mine.refresh_from_db()
    assert mine.version == 1


@pytest.mark.parametrize("allowed", ["my other", "theirs live"])
def test_a_journalist_links_own_and_live_articles(client, journalist, drafts, allowed):
    mine = drafts["mine"]
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, [related_row(drafts[allowed])]))
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts[allowed]]


def test_an_editor_links_any_article(client, editor, drafts):
    mine = drafts["mine"]
    client.force_login(editor)
    response = post_change(client, mine, form_data(mine, [related_row(drafts["theirs"])]))
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts["theirs"]]


def test_a_link_an_editor_made_stays_when_the_author_saves(client, journalist, drafts):
    mine = drafts["mine"]
    link = RelatedArticle.objects.create(from_article=mine, to_article=drafts["theirs"])
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[mine.pk])).content.decode()
    assert f'<option value="{drafts["theirs"].pk}" selected>' in page
    data = form_data(mine, [related_row(drafts["theirs"], link=link)], initial=1, title="Mới")
    response = post_change(client, mine, data)
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts["theirs"]]


def test_a_link_the_author_could_not_make_is_not_moved_to_another_row(client, journalist, drafts):
    """Rows changed to an article the author may not link are checked by the service."""
    mine = drafts["mine"]
    kept = RelatedArticle.objects.create(from_article=mine, to_article=drafts["theirs"])
    other = RelatedArticle.objects.create(
        from_article=mine, to_article=drafts["my other"], position=2
    )
    client.force_login(journalist)
    rows = [
        related_row(drafts["theirs"], link=kept, delete=True),
        related_row(drafts["theirs"], link=other, position=2),
    ]
    response = post_change(client, mine, form_data(mine, rows, initial=2))
    assert response.status_code == 200
    assert "Không chọn được bài này làm bài liên quan" in response.content.decode()
    assert set(RelatedArticle.objects.values_list("pk", "to_article")) == {
        (kept.pk, drafts["theirs"].pk),
        (other.pk, drafts["my other"].pk),
    }


# The lead photo: the library is shared, so "may see" is the permission to see it


@pytest.fixture
def writer_without_photos(db):
    """A staff member who writes articles but has no permission on the photo library."""
    user = UserFactory(is_staff=True, username="khongxemanh")
    for codename in ["add_article", "change_article", "view_article", "view_section"]:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_usable_photos_rule(journalist, writer_without_photos):
    photo = PhotoFactory()
    assert list(publishing.usable_photos(journalist)) == [photo]
    assert not publishing.usable_photos(writer_without_photos).exists()


def test_a_journalist_may_use_any_photo_of_the_shared_library(client, journalist):
    photo = PhotoFactory(uploaded_by=UserFactory(is_staff=True))
    mine = own_article(journalist)
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, lead_photo=photo.pk))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.lead_photo == photo


@pytest.mark.parametrize("who", ["journalist", "writer_without_photos"])
def test_a_photo_the_user_may_not_see_is_a_form_error(client, request, who):
    """A user without the library's permission, or an id that is not in the library."""
    user = request.getfixturevalue(who)
    photo = PhotoFactory()
    photo_id = photo.pk if who == "writer_without_photos" else photo.pk + 1000
    mine = own_article(user)
    client.force_login(user)
    response = post_change(client, mine, form_data(mine, lead_photo=photo_id))
    assert response.status_code == 200
    assert "Không có ảnh này trong thư viện ảnh bạn được xem." in response.content.decode()
    mine.refresh_from_db()
    assert mine.lead_photo is None and mine.version == 1


def test_a_lead_photo_already_chosen_stays_for_a_user_without_photos(
    client, writer_without_photos
):
    photo = PhotoFactory()
    mine = own_article(writer_without_photos, lead_photo=photo)
    client.force_login(writer_without_photos)
    response = post_change(client, mine, form_data(mine, title="Tiêu đề mới"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.title, mine.lead_photo) == ("Tiêu đề mới", photo)
