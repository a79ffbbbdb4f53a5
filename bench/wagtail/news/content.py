"""Generated Vietnamese news text for ``seed_news``: titles, intros, bodies and tags of
the size and shape of Newsroom's ``seed_bench`` (4–6 paragraphs of three sentences, 2–4
tags of 300, the popular ones far more used), so both sites render comparable pages."""

import random
import unicodedata
from itertools import accumulate, product

from django.utils.html import escape

PLACES = [
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Nội", "Huế", "Quảng Ninh", "Nghệ An", "Cà Mau",
    "Đồng Tháp", "Bình Định", "Khánh Hoà", "Lâm Đồng", "Thanh Hoá", "Sóc Trăng", "Ninh Bình",
    "Lào Cai", "Hà Giang", "Bắc Ninh", "Nam Định", "Quảng Nam", "Quảng Ngãi", "Phú Yên",
    "Gia Lai", "Đắk Lắk", "Bình Dương", "Đồng Nai", "An Giang", "Kiên Giang", "Bến Tre",
    "TP.HCM",
]  # fmt: skip
SUBJECTS = [
    "mở rộng bến cảng", "chuẩn bị cho mùa mưa lũ", "mở chợ nông sản cuối tuần",
    "xây thêm điểm trường", "quy hoạch khu công nghiệp xanh", "tổ chức hội chợ mùa thu",
    "đăng cai giải đua thuyền", "trồng thêm rừng phòng hộ", "làm mới đường ven sông",
    "đón đoàn du khách quốc tế", "bán đặc sản qua mạng", "dạy bơi miễn phí cho trẻ em",
    "khởi công trạm y tế", "chạy thử xe buýt điện", "cấp giấy tờ trực tuyến",
    "hỗ trợ tàu cá xa bờ", "khôi phục nghề gốm cổ", "tuyển sinh vào lớp 6",
]  # fmt: skip
SENTENCES = [
    "Lãnh đạo địa phương cho biết kế hoạch đã được bàn từ cuối năm trước.",
    "Nhiều người dân ủng hộ, song mong thủ tục đăng ký gọn nhẹ hơn.",
    "Hàng chục hợp tác xã đã đăng ký tham gia ngay trong những ngày đầu.",
    "Cơ quan chuyên môn sẽ tổng kết, rút kinh nghiệm sau một năm triển khai.",
    "Nguồn vốn đến từ ngân sách tỉnh cùng sự chung tay của doanh nghiệp.",
    "Giới chuyên môn lưu ý cần hoàn thiện hạ tầng trước khi làm đại trà.",
    "Đoàn viên thanh niên có mặt hỗ trợ bà con từ sáng sớm đến chiều tối.",
    "Theo dự kiến, hạng mục chính sẽ xong trước Tết Nguyên đán.",
    "Số liệu của ngành cho thấy sản lượng tăng khoảng 10% so với cùng kỳ.",
    "Một số hộ gia đình đề nghị công khai phương án hỗ trợ tái định cư.",
    "Đoàn kiểm tra đã xuống tận nơi và yêu cầu các bên phối hợp chặt chẽ.",
    "Chủ đầu tư cam kết ưu tiên tuyển lao động tại chỗ.",
]
TOPICS = [
    "chuyển đổi xanh", "cảng biển", "du lịch", "giáo dục", "phòng chống thiên tai",
    "nông sản", "lễ hội", "thể thao", "giao thông", "môi trường", "đầu tư", "cộng đồng",
    "y tế", "bất động sản", "xuất khẩu", "năng lượng tái tạo", "khởi nghiệp", "chuyển đổi số",
    "an toàn thực phẩm", "biến đổi khí hậu", "di sản", "làng nghề", "bóng đá", "thời tiết",
]  # fmt: skip
# Topics, then places, then "topic place": the order is the popularity rank (1/rank).
TAGS = (TOPICS + PLACES + [f"{t} {p}" for t, p in product(TOPICS, PLACES)])[:300]
TAG_WEIGHTS = list(accumulate(1 / rank for rank in range(1, len(TAGS) + 1)))


def ascii_slug(text: str) -> str:
    """``Đà Nẵng mở chợ`` → ``da-nang-mo-cho`` (đ kept as d, marks dropped)."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    words = "".join(c if c.isalnum() else " " for c in text if c.isascii())
    return "-".join(words.lower().split())


def article(rng: random.Random, number: int) -> dict:
    """Title, intro, body (HTML, as a RichTextField stores it) and tag positions."""
    place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
    title = f"{place} {subject}, bài số {number}"
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(4, 6))]
    paragraphs[-1] += f" (Bài đối chiếu số {number}.)"
    tags: set[int] = set()
    wanted = rng.randint(2, 4)
    while len(tags) < wanted:
        tags.add(rng.choices(range(len(TAGS)), cum_weights=TAG_WEIGHTS)[0])
    return {
        "title": title,
        "slug": ascii_slug(title),
        "intro": f"{place} {subject}: {rng.choice(SENTENCES).lower()}",
        "body": "".join(f"<p>{escape(text)}</p>" for text in paragraphs),
        "tags": sorted(tags),
    }
