"""The words of ``seed_bench``'s archive: places, subjects, sentences, tags and names a
Vietnamese newsroom's would look like, drawn from by ``plan`` and ``cast``."""

from itertools import product

PLACES = [
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Nội", "Huế", "Quảng Ninh", "Nghệ An", "Cà Mau",
    "Đồng Tháp", "Bình Định", "Khánh Hoà", "Lâm Đồng", "Thanh Hoá", "Sóc Trăng", "Ninh Bình",
    "Lào Cai", "Hà Giang", "Bắc Ninh", "Nam Định", "Quảng Nam", "Quảng Ngãi", "Phú Yên",
    "Gia Lai", "Đắk Lắk", "Bình Dương", "Đồng Nai", "An Giang", "Kiên Giang", "Bến Tre",
    "TP.HCM",
]  # fmt: skip
SUBJECTS = [
    "mở rộng cảng biển", "chuẩn bị mùa mưa bão", "khai trương chợ nông sản",
    "xây thêm trường học", "phát triển khu công nghiệp xanh", "tổ chức lễ hội mùa thu",
    "đăng cai giải chạy ven biển", "trồng rừng ngập mặn", "nâng cấp đường ven sông",
    "thu hút du khách quốc tế", "đưa đặc sản lên sàn trực tuyến", "mở lớp học bơi cho trẻ em",
    "khởi công bệnh viện mới", "thí điểm xe buýt điện", "số hoá thủ tục hành chính",
    "hỗ trợ ngư dân bám biển", "phục dựng làng nghề truyền thống", "tuyển sinh lớp 10",
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
    "Theo số liệu của sở, sản lượng tăng gần 12% so với cùng kỳ năm ngoái.",
    "Một số hộ dân kiến nghị làm rõ phương án bồi thường, giải phóng mặt bằng.",
    "Đoàn công tác đã kiểm tra thực địa và yêu cầu đẩy nhanh tiến độ.",
    "Đại diện nhà đầu tư cam kết ưu tiên tuyển dụng lao động địa phương.",
]
TOPICS = [
    "chuyển đổi xanh", "cảng biển", "du lịch", "giáo dục", "phòng chống thiên tai",
    "nông sản", "lễ hội", "thể thao", "giao thông", "môi trường", "đầu tư", "cộng đồng",
    "y tế", "bất động sản", "xuất khẩu", "năng lượng tái tạo", "khởi nghiệp", "chuyển đổi số",
    "an toàn thực phẩm", "biến đổi khí hậu", "di sản", "làng nghề", "bóng đá", "thời tiết",
]  # fmt: skip
# Topics, then places, then "topic place": the order is the popularity rank (Zipf).
TAGS = (TOPICS + PLACES + [f"{t} {p}" for t, p in product(TOPICS, PLACES)])[:300]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN_NAMES = [
    ("Thu", "Hà"), ("Minh", "Đức"), ("Quốc", "Khánh"), ("Ngọc", "Hân"), ("Thanh", "Tùng"),
    ("Hải", "Yến"), ("Văn", "Long"), ("Phương", "Thảo"), ("Đức", "Anh"), ("Bảo", "Ngọc"),
]  # fmt: skip
PHOTO_SCENES = ["port", "city", "fields", "river", "festival", "industrial"]
