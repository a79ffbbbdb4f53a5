"""``manage.py seed_bench --articles N``: many live articles, fast, for ``bench/pages.py``.

Rows go in with ``bulk_create`` (a few seconds for thousands), reusing a handful of
sections, photos and tags. The data stays valid: each article passes ``full_clean()``
(NFC, sanitised body) and gets what ``Article.save()`` derives (slug, folded search
columns, body photos), authors and tags. No history rows: benchmarks don't read them.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles import pagecache, richtext
from articles.demo import content, drawing
from articles.models import Article, Photo, Section, Tag, TaggedArticle
from articles.search_index import update_search_vectors
from articles.text import search_fold, vietnamese_slugify

PLACES = [
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Nội", "Huế", "Quảng Ninh", "Nghệ An", "Cà Mau",
    "Đồng Tháp", "Bình Định", "Khánh Hoà", "Lâm Đồng", "Thanh Hoá", "Sóc Trăng", "Ninh Bình",
]  # fmt: skip
SUBJECTS = [
    "mở rộng cảng biển", "chuẩn bị mùa mưa bão", "khai trương chợ nông sản",
    "xây thêm trường học", "phát triển khu công nghiệp xanh", "tổ chức lễ hội mùa thu",
    "đăng cai giải chạy ven biển", "trồng rừng ngập mặn", "nâng cấp đường ven sông",
    "thu hút du khách quốc tế", "đưa đặc sản lên sàn trực tuyến", "mở lớp học bơi cho trẻ em",
]  # fmt: skip
SENTENCES = [
    "Chính quyền địa phương cho biết kế hoạch được chuẩn bị từ đầu năm.",
    "Người dân đánh giá cao cách làm mới, nhưng mong thủ tục được rút gọn hơn.",
    "Nhiều doanh nghiệp đã đăng ký tham gia ngay trong tuần đầu tiên.",
    "Ngành chức năng sẽ theo dõi, đánh giá kết quả sau sáu tháng thực hiện.",
    "Kinh phí được huy động từ ngân sách và đóng góp của cộng đồng.",
    "Các chuyên gia khuyến nghị cần đồng bộ hạ tầng trước khi nhân rộng mô hình.",
    "Học sinh, sinh viên tình nguyện tham gia hỗ trợ trong suốt chương trình.",
    "Dự kiến công trình hoàn thành trước mùa mưa năm sau.",
]
TAGS = [
    "chuyển đổi xanh", "cảng biển", "du lịch", "giáo dục", "phòng chống thiên tai",
    "nông sản", "lễ hội", "thể thao", "giao thông", "môi trường", "đầu tư", "cộng đồng",
]  # fmt: skip
PHOTO_SCENES = ["port", "city", "fields", "river", "festival", "industrial"]
BATCH = 500


class Command(BaseCommand):
    help = "Tạo nhanh N bài viết đã xuất bản (dữ liệu thử tải cho bench/pages.py)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="Số bài viết cần tạo.")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên.")

    def handle(self, *args, articles, seed, **options):
        if articles < 1:
            raise CommandError("Số bài viết phải lớn hơn 0.")
        rng = random.Random(seed)
        with transaction.atomic():
            author = self.journalist()
            sections = self.sections()
            photos = self.photos(author)
            tags = [self.tag(name) for name in TAGS]
            start = Article.objects.count()
            now = timezone.now()
            made = 0
            while made < articles:
                size = min(BATCH, articles - made)
                batch = [
                    self.article(start + made + i, rng, now, sections, photos, author)
                    for i in range(size)
                ]
                Article.objects.bulk_create(batch)
                update_search_vectors(Article.objects.filter(pk__in=[a.pk for a in batch]))
                self.link(batch, rng, author, tags)
                made += size
        pagecache.bump()
        self.stdout.write(f"Đã tạo {made} bài viết thử tải.")

    def journalist(self):
        User = get_user_model()
        user = User.objects.filter(groups__name=content.JOURNALIST_GROUP).order_by("pk").first()
        if user is None:
            user = User(
                username="phongvien-bench", first_name="Thử", last_name="Trần", is_staff=True
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=content.JOURNALIST_GROUP))
        return user

    def sections(self):
        sections = list(Section.objects.filter(parent=None)[:6])
        if len(sections) >= 3:
            return sections
        for slug, (name, position, parent, description) in content.SECTIONS.items():
            if parent is None and not Section.objects.filter(slug=slug).exists():
                section = Section(name=name, slug=slug, position=position, description=description)
                section.full_clean()
                section.save()
        return list(Section.objects.filter(parent=None)[:6])

    def photos(self, author):
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

    def tag(self, name):
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag(name=name)
            tag.save()
        return tag

    def article(self, number, rng, now, sections, photos, author):
        place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
        chosen = rng.sample(photos, rng.randint(1, 2))
        paragraphs = [
            " ".join(rng.sample(SENTENCES, 3)) + f" (Bài thử tải số {number + 1}.)"
            for _ in range(rng.randint(4, 6))
        ]
        blocks = [f"<p>{escape(text)}</p>" for text in paragraphs]
        for position, photo in zip((1, 3), chosen, strict=False):
            blocks.insert(
                position, f'<figure class="news-photo" data-photo-id="{photo.pk}"></figure>'
            )
        article = Article(
            title=f"{place} {subject}, bài số {number + 1}",
            location=place,
            sapo=f"{place} {subject}: {rng.choice(SENTENCES).lower()}",
            body="".join(blocks),
            section=rng.choice(sections),
            lead_photo=chosen[0],
            status=Article.Status.PUBLISHED,
            # Spread over the last ~30 days, a little before now so every row is live.
            published_at=now - timedelta(minutes=5 + rng.randint(0, 30 * 24 * 60)),
        )
        article.created_by = author
        article.full_clean(exclude=["section", "lead_photo"])  # both are rows we just read
        # What Article.save() derives; bulk_create does not call save().
        article.normalize_text()
        article.slug = vietnamese_slugify(article.title) or "bai-viet"
        article.search_title = search_fold(article.title)
        article.search_text = search_fold(
            " ".join([article.location, article.sapo, richtext.plain_text(article.body)])
        )
        return article

    def link(self, batch, rng, author, tags):
        """Authors, body photos and tags of a saved batch, in three bulk inserts."""
        Authors = Article.authors.through
        Photos = Article.photos.through
        Authors.objects.bulk_create(Authors(article=a, user=author) for a in batch)
        Photos.objects.bulk_create(
            Photos(article=a, photo_id=pk) for a in batch for pk in richtext.photo_ids(a.body)
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=a, tag=tag)
            for a in batch
            for tag in rng.sample(tags, rng.randint(2, 4))
        )
