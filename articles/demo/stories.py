"""The demo articles, written for this project in Vietnamese.

The places are real; the people, figures and events are invented.

Each story: ``title`` (the stable key), ``section`` (slug), ``location``, ``sapo``,
``authors`` (usernames), optional ``byline``, ``tags``, ``lead`` (photo key),
``body`` (blocks: a string is a paragraph; ``("photo", key)``, ``("h2", text)``,
``("ul", [items])``, ``("quote", text)``), ``related`` (titles, in order) and
``state``:

- ``("published", (-3, "08:20"))``: three days ago at 08:20, Asia/Ho_Chi_Minh;
  ``("published", ("ago", 35))``: 35 minutes before the command runs;
- ``("scheduled", (1, "06:30"))`` or ``("scheduled", ("in", 120))``: ahead of now;
- ``("submitted",)``, ``("returned", note)``, ``("draft",)``.
"""

THOI_SU = [
    {
        "title": "Đà Nẵng diễn tập ứng phó bão mạnh đổ bộ vào vùng ven biển",
        "section": "thoi-su",
        "location": "Đà Nẵng",
        "sapo": (
            "Hơn 1.200 người thuộc lực lượng cứu hộ, y tế và dân quân tham gia buổi diễn tập "
            "kéo dài sáu giờ, với tình huống giả định bão cấp 12 đổ bộ vào các phường ven biển."
        ),
        "authors": ["phongvien2"],
        "tags": ["phòng chống thiên tai", "bão", "Đà Nẵng", "diễn tập"],
        "lead": "dn-dien-tap",
        "state": ("published", (-1, "09:15")),
        "body": [
            "Buổi diễn tập bắt đầu từ 6 giờ sáng, khi còi báo động vang lên tại các khu dân cư "
            "sát biển. Theo kịch bản, một cơn bão mạnh cấp 12, giật cấp 14 đổ bộ đúng lúc triều "
            "cường, gây ngập sâu nhiều tuyến đường và cô lập hàng trăm hộ dân.",
            ("photo", "dn-dien-tap"),
            "Các tổ xung kích đến từng nhà hướng dẫn người già, trẻ nhỏ di chuyển tới điểm sơ "
            "tán tại trường học và nhà văn hoá. Xuồng máy của bộ đội biên phòng tiếp cận những "
            "con hẻm bị nước bao quanh, đưa “người bị nạn” lên bờ trong vòng 40 phút.",
            ("h2", "Thông tin đến từng tàu cá"),
            "Song song với hoạt động trên bờ, trung tâm điều phối tìm kiếm cứu nạn liên lạc với "
            "86 tàu cá đang hoạt động ngoài khơi, yêu cầu về nơi tránh trú gần nhất. Những tàu "
            "không kịp vào bờ được hướng dẫn ra khỏi vùng nguy hiểm theo toạ độ cập nhật mỗi giờ.",
            ("photo", "dn-tau-ca"),
            "Ông Trần Văn Phúc, Phó chỉ huy trưởng Ban chỉ huy phòng thủ dân sự thành phố, cho "
            "biết điểm mới năm nay là bản đồ số cập nhật vùng ngập theo thời gian thực, giúp lực "
            "lượng ứng cứu chọn tuyến đường an toàn.",
            (
                "quote",
                "Mỗi phút tiết kiệm được hôm nay có thể là một mạng người được cứu khi bão "
                "thật ập đến.",
            ),
            "Sau buổi diễn tập, các đơn vị rút kinh nghiệm về khâu thông tin liên lạc khi mất "
            "điện diện rộng. Thành phố dự kiến trang bị thêm 30 bộ đàm vệ tinh cho các phường "
            "ven biển trước mùa mưa bão.",
        ],
        "related": [
            "Quảng Bình hướng dẫn người dân vùng lũ chằng chống nhà cửa",
            "Cà Mau trồng thêm 200 ha rừng ngập mặn giữ đất ven biển",
        ],
    },
    {
        "title": "Hà Nội thí điểm làn đường riêng cho xe buýt trên trục phía Tây",
        "section": "thoi-su",
        "location": "Hà Nội",
        "sapo": (
            "Từ đầu tháng tới, xe buýt trên một đoạn dài 6 km sẽ chạy trong làn riêng, phân cách "
            "bằng vạch sơn và dải cao su, vào giờ cao điểm sáng và chiều."
        ),
        "authors": ["phongvien"],
        "tags": ["giao thông", "xe buýt", "Hà Nội"],
        "lead": "hn-pho",
        "state": ("published", (-2, "07:40")),
        "body": [
            "Theo phương án vừa được công bố, làn sát dải phân cách giữa sẽ dành riêng cho xe "
            "buýt từ 6 giờ 30 đến 9 giờ và từ 16 giờ 30 đến 19 giờ các ngày trong tuần. Ngoài "
            "khung giờ này, các phương tiện khác được đi vào làn như bình thường.",
            ("photo", "hn-pho"),
            "Đơn vị vận hành tính toán, khi có làn riêng, thời gian một chuyến buýt trên đoạn "
            "tuyến có thể rút từ 25 xuống khoảng 15 phút. Mười bốn tuyến buýt đi qua khu vực sẽ "
            "được điều chỉnh giãn cách để tăng tần suất.",
            "Trong ba tháng thí điểm, camera tại các nút giao sẽ ghi nhận phương tiện đi sai làn. "
            "Giai đoạn đầu, lực lượng chức năng chủ yếu nhắc nhở, hướng dẫn thay vì xử phạt.",
            ("h2", "Người dân chờ thêm điểm dừng có mái che"),
            "Chị Nguyễn Thị Mai, nhân viên văn phòng thường đi buýt từ Hà Đông, cho rằng làn "
            "riêng sẽ giúp giờ đến công sở ổn định hơn, nhưng các điểm dừng cần mái che và lối "
            "sang đường an toàn.",
            "Thành phố sẽ lấy ý kiến người dân qua ứng dụng giao thông trước khi quyết định mở "
            "rộng mô hình sang các trục hướng tâm khác.",
        ],
        "related": [],
    },
    {
        "title": "Cần Thơ thông xe cầu mới nối hai xã ven sông Hậu",
        "section": "thoi-su",
        "location": "Cần Thơ",
        "sapo": (
            "Cây cầu dài 420 m thay cho bến đò ngang hơn 30 năm tuổi, giúp người dân và học sinh "
            "hai bờ đi lại an toàn, nhất là vào mùa nước nổi."
        ),
        "authors": ["phongvien2"],
        "tags": ["giao thông nông thôn", "Cần Thơ", "sông Hậu"],
        "lead": "ct-cau",
        "state": ("published", ("ago", 35)),
        "body": [
            "Sáng nay, dòng người đi bộ và xe máy nối nhau qua cầu ngay sau lễ thông xe. Nhiều "
            "người lớn tuổi dừng lại giữa cầu nhìn xuống bến đò cũ, nơi họ từng chờ hàng chục "
            "phút mỗi lần sang sông.",
            ("photo", "ct-cau"),
            "Công trình có tổng vốn khoảng 180 tỷ đồng, mặt cầu rộng 9 m, đủ cho xe tải nhẹ lưu "
            "thông. Đơn vị thi công hoàn thành sớm hơn kế hoạch hai tháng nhờ tận dụng mùa khô "
            "để đổ bê tông trụ cầu.",
            "Bà Lê Thị Hạnh, 62 tuổi, chủ một sạp tạp hoá gần chân cầu, kể trước đây mỗi lần "
            "nhập hàng phải thuê ghe chở, nay xe ba gác có thể chở thẳng tới tận nhà.",
            (
                "quote",
                "Con cháu đi học không còn phải ngồi đò lúc trời mưa gió, tôi mừng nhất là "
                "chuyện đó.",
            ),
            ("photo", "ct-ben-do"),
            "Chính quyền địa phương cho biết bến đò cũ sẽ được giữ lại phục vụ du lịch đường "
            "sông, kết nối với chợ nổi và các vườn cây ăn trái ven hai bờ.",
        ],
        "related": ["Học sinh Cần Thơ học bơi miễn phí trong dịp hè"],
    },
    {
        "title": "Quảng Ninh mở thêm tuyến tàu khách ra đảo Cô Tô",
        "section": "thoi-su",
        "location": "Quảng Ninh",
        "sapo": (
            "Tuyến tàu cao tốc mới từ cảng Cái Rồng giúp rút thời gian ra đảo còn khoảng 90 "
            "phút, tăng thêm bốn chuyến mỗi ngày trong mùa du lịch."
        ),
        "authors": ["phongvien"],
        "tags": ["du lịch", "Quảng Ninh", "giao thông đường thuỷ"],
        "lead": "qn-cang",
        "state": ("published", (-4, "10:05")),
        "body": [
            "Chuyến tàu đầu tiên rời cảng lúc 7 giờ sáng với gần 200 hành khách, phần lớn là "
            "khách du lịch từ Hà Nội và Hải Phòng. Tàu có sức chở 250 người, trang bị đầy đủ áo "
            "phao và hệ thống định vị.",
            ("photo", "qn-cang"),
            "Trước đây, vào những cuối tuần cao điểm, nhiều du khách phải chờ tới chiều mới mua "
            "được vé. Với tuyến mới, tổng số chuyến mỗi ngày tăng lên 14, đáp ứng khoảng 3.000 "
            "lượt khách.",
            "Ban quản lý cảng yêu cầu các hãng tàu bán vé điện tử có ghi danh sách hành khách, "
            "đồng thời tạm dừng xuất bến khi gió từ cấp 6 trở lên.",
            "Người dân trên đảo cũng hưởng lợi khi hàng hoá, thực phẩm được chuyển ra thường "
            "xuyên hơn. Một số hộ đã đầu tư thêm phòng nghỉ và dịch vụ cho thuê xe đạp.",
        ],
        "related": ["Ninh Bình mở tuyến đò ngắm lúa chín ở Tam Cốc"],
    },
    {
        "title": "Huế chuẩn bị đón đoàn khách quốc tế dự hội nghị di sản",
        "section": "thoi-su",
        "location": "Huế",
        "sapo": (
            "Khoảng 400 đại biểu từ 30 quốc gia sẽ tham dự hội nghị về bảo tồn di sản đô thị "
            "tổ chức tại Huế vào cuối tuần này."
        ),
        "authors": ["phongvien2"],
        "tags": ["di sản", "Huế", "du lịch"],
        "lead": "hue-song-huong",
        "state": ("scheduled", ("in", 120)),
        "body": [
            "Công tác chuẩn bị đang bước vào giai đoạn cuối, với các tuyến phố quanh Đại Nội "
            "được chỉnh trang, bổ sung biển chỉ dẫn song ngữ và điểm dừng xe điện cho khách.",
            ("photo", "hue-song-huong"),
            "Theo ban tổ chức, ngoài các phiên thảo luận chuyên đề, đại biểu sẽ khảo sát thực tế "
            "tại một số nhà vườn, lăng tẩm và khu phố cổ Bao Vinh để tìm hiểu cách Huế gìn giữ "
            "không gian sống truyền thống.",
            "Ngành du lịch thành phố bố trí 50 hướng dẫn viên thông thạo tiếng Anh, tiếng Pháp và "
            "tiếng Nhật hỗ trợ đoàn. Các khách sạn trung tâm cho biết công suất phòng những ngày "
            "diễn ra hội nghị đã đạt trên 85%.",
            "Đây là dịp để Huế giới thiệu kinh nghiệm phối hợp giữa chính quyền và cộng đồng "
            "trong bảo tồn, cũng như kêu gọi hợp tác quốc tế cho các dự án trùng tu sắp tới.",
        ],
        "related": ["Tiểu thương chợ Đông Ba trở lại sau đợt cải tạo"],
    },
]

KINH_TE = [
    {
        "title": "Cảng Lạch Huyện đón tàu container trọng tải lớn nhất từ đầu năm",
        "section": "kinh-te",
        "location": "Hải Phòng",
        "sapo": (
            "Con tàu dài gần 400 m cập bến trong đêm, mở ra kỳ vọng về tuyến vận tải đi thẳng "
            "từ Hải Phòng sang châu Âu và Bắc Mỹ mà không cần trung chuyển."
        ),
        "authors": ["phongvien"],
        "tags": ["cảng biển", "logistics", "Hải Phòng", "xuất khẩu"],
        "lead": "hp-cang-dem",
        "state": ("published", (-3, "08:20")),
        "body": [
            "Theo đại diện doanh nghiệp khai thác cảng, tàu có sức chở tương đương hơn 17.000 "
            "container tiêu chuẩn, vào cảng lúc 23 giờ khi nước lớn và được bốn tàu lai dắt hỗ "
            "trợ cập cầu.",
            ("photo", "hp-cang-dem"),
            "Trong khoảng 20 giờ làm hàng, cảng bố trí sáu cẩu bờ hoạt động liên tục, bốc dỡ hơn "
            "3.500 container. Phần lớn hàng xuất là đồ gỗ, dệt may và linh kiện điện tử của các "
            "doanh nghiệp miền Bắc.",
            ("h2", "Giảm chi phí cho doanh nghiệp xuất khẩu"),
            "Một doanh nghiệp logistics ở Hải Dương cho biết, khi có tuyến đi thẳng, thời gian "
            "giao hàng sang châu Âu có thể rút ngắn từ 5 đến 7 ngày, chi phí mỗi container giảm "
            "đáng kể so với trung chuyển qua cảng nước ngoài.",
            "Các chuyên gia cho rằng luồng hàng hải cần tiếp tục được nạo vét, mở rộng để đón tàu "
            "lớn thường xuyên. Đường kết nối từ cảng vào các khu công nghiệp cũng cần đồng bộ "
            "hơn.",
            ("photo", "hp-container"),
            "Từ đầu năm, sản lượng hàng hoá qua khu bến Lạch Huyện tăng khoảng 12% so với cùng "
            "kỳ năm trước, theo số liệu của cảng vụ.",
        ],
        "related": [
            "Khu công nghiệp ở Hải Phòng chạy đua với tiêu chí sinh thái",
            "Doanh nghiệp Bình Dương tìm đơn hàng mới ở thị trường Trung Đông",
        ],
    },
    {
        "title": "Doanh nghiệp Bình Dương tìm đơn hàng mới ở thị trường Trung Đông",
        "section": "kinh-te",
        "location": "Bình Dương",
        "sapo": (
            "Hơn 40 doanh nghiệp đồ gỗ, thực phẩm và bao bì tham gia đoàn giao thương, mang về "
            "những hợp đồng đầu tiên với nhà nhập khẩu ở các nước vùng Vịnh."
        ),
        "authors": ["phongvien2"],
        "tags": ["xuất khẩu", "đồ gỗ", "Bình Dương", "xúc tiến thương mại"],
        "lead": "bd-xuong",
        "state": ("published", (-5, "14:30")),
        "body": [
            "Sau ba ngày gặp gỡ, các doanh nghiệp ký được 18 thoả thuận mua bán, chủ yếu là đồ "
            "nội thất ngoài trời, hạt điều và cà phê chế biến. Nhiều đối tác yêu cầu giao mẫu "
            "thử ngay trong tháng tới.",
            ("photo", "bd-xuong"),
            "Ông Phạm Quốc Bảo, giám đốc một công ty đồ gỗ ở Thuận An, cho biết thị trường Trung "
            "Đông ưa chuộng sản phẩm cỡ lớn, màu sắc sang trọng, khác hẳn thị hiếu châu Âu mà "
            "doanh nghiệp quen làm.",
            "Để bán hàng vào khu vực này, nhiều doanh nghiệp phải bổ sung chứng nhận Halal cho "
            "thực phẩm và làm lại bao bì bằng tiếng Ả Rập. Hiệp hội doanh nghiệp tỉnh đang hỗ "
            "trợ hội viên làm thủ tục chứng nhận.",
            "Những nhóm hàng được đối tác quan tâm nhiều nhất:",
            (
                "ul",
                [
                    "Đồ gỗ ngoài trời và nội thất khách sạn",
                    "Hạt điều, cà phê rang xay",
                    "Bao bì giấy thân thiện với môi trường",
                ],
            ),
            "Trong năm nay, tỉnh dự kiến tổ chức thêm hai đoàn xúc tiến thương mại sang Ả Rập "
            "Xê Út và Các Tiểu vương quốc Ả Rập Thống nhất.",
        ],
        "related": ["Nghệ An thu hút dự án điện tử vào khu kinh tế Đông Nam"],
    },
    {
        "title": "Hợp tác xã Đồng Tháp đưa xoài sấy dẻo lên sàn thương mại điện tử",
        "section": "kinh-te",
        "location": "Đồng Tháp",
        "sapo": (
            "Từ chỗ chỉ bán xoài tươi cho thương lái, một hợp tác xã ở Cao Lãnh nay bán mỗi "
            "tháng hơn hai tấn xoài sấy qua các gian hàng trực tuyến."
        ),
        "authors": ["phongvien"],
        "tags": ["nông sản", "thương mại điện tử", "Đồng Tháp", "OCOP"],
        "lead": "dt-vuon-xoai",
        "state": ("published", (-6, "16:10")),
        "body": [
            "Xưởng sấy của hợp tác xã rộng chừng 300 m², đặt ngay giữa vườn. Mỗi sáng, xã viên "
            "tuyển những trái xoài đủ độ chín, gọt vỏ, cắt lát rồi đưa vào máy sấy nhiệt độ thấp "
            "để giữ màu vàng tự nhiên.",
            ("photo", "dt-vuon-xoai"),
            "Anh Võ Thanh Sang, giám đốc hợp tác xã, kể những đơn hàng trực tuyến đầu tiên chỉ "
            "vài chục gói. Sau khi được hướng dẫn chụp ảnh sản phẩm và bán hàng qua phát trực "
            "tiếp, doanh số tăng đều, có tháng gấp năm lần.",
            "Nhờ chế biến sâu, giá trị mỗi ký xoài tăng gấp ba so với bán tươi. Những trái xoài "
            "mẫu mã kém, trước đây phải bán rẻ, nay cũng được tận dụng để sấy.",
            ("h2", "Truy xuất nguồn gốc bằng mã QR"),
            "Mỗi gói xoài sấy đều in mã QR cho biết vườn trồng, ngày thu hoạch và ngày sấy. Theo "
            "anh Sang, khách hàng ở thành phố rất quan tâm thông tin này và sẵn sàng trả giá cao "
            "hơn cho sản phẩm minh bạch.",
            "Hợp tác xã đang làm hồ sơ đề nghị công nhận sản phẩm OCOP bốn sao và tìm đối tác "
            "xuất khẩu sang Hàn Quốc vào cuối năm.",
        ],
        "related": ["Giá rau xanh tại chợ đầu mối giảm sau đợt nắng ráo"],
    },
    {
        "title": "Nghệ An thu hút dự án điện tử vào khu kinh tế Đông Nam",
        "section": "kinh-te",
        "location": "Nghệ An",
        "sapo": (
            "Ba nhà máy sản xuất linh kiện điện tử vừa được cấp phép, dự kiến tạo việc làm cho "
            "khoảng 6.000 lao động địa phương trong hai năm tới."
        ),
        "authors": ["phongvien2"],
        "tags": ["đầu tư", "khu công nghiệp", "Nghệ An", "việc làm"],
        "lead": "na-kcn",
        "state": ("published", (-7, "09:00")),
        "body": [
            "Các dự án có tổng vốn đăng ký hơn 500 triệu USD, tập trung vào bảng mạch, cáp kết "
            "nối và thiết bị âm thanh. Hai trong số đó sẽ khởi công ngay trong quý này.",
            ("photo", "na-kcn"),
            "Đại diện ban quản lý khu kinh tế cho biết lợi thế của tỉnh là quỹ đất sạch sẵn có, "
            "gần cảng biển và tuyến cao tốc Bắc – Nam. Nguồn lao động trẻ dồi dào cũng là điều "
            "nhà đầu tư đánh giá cao.",
            "Để đáp ứng nhu cầu tuyển dụng, các trường cao đẳng nghề trong tỉnh đã mở thêm lớp "
            "điện tử công nghiệp theo đơn đặt hàng của doanh nghiệp, học viên được thực tập ngay "
            "tại nhà máy.",
            "Tuy vậy, nhà ở cho công nhân vẫn là bài toán chưa có lời giải. Tỉnh đang kêu gọi "
            "đầu tư khu nhà ở xã hội quy mô 2.000 căn sát khu kinh tế.",
        ],
        "related": [
            "Khu công nghiệp ở Hải Phòng chạy đua với tiêu chí sinh thái",
            "Cảng Lạch Huyện đón tàu container trọng tải lớn nhất từ đầu năm",
        ],
    },
    {
        "title": "Giá rau xanh tại chợ đầu mối giảm sau đợt nắng ráo",
        "section": "thi-truong",
        "location": "TP Hồ Chí Minh",
        "sapo": (
            "Nguồn cung từ Lâm Đồng và các tỉnh miền Tây dồi dào khiến giá nhiều loại rau ăn lá "
            "giảm 20–30% so với tuần trước."
        ),
        "authors": ["phongvien"],
        "tags": ["giá cả", "rau xanh", "chợ đầu mối"],
        "lead": "hcm-cho",
        "state": ("published", ("ago", 80)),
        "body": [
            "Từ 1 giờ sáng, chợ đầu mối Bình Điền đã tấp nập xe tải chở rau. Tiểu thương cho "
            "biết lượng hàng về mỗi đêm tăng khoảng một phần tư so với đầu tháng, trong khi sức "
            "mua chưa tăng tương ứng.",
            ("photo", "hcm-cho"),
            "Cải ngọt, rau muống và xà lách hiện có giá bán buôn từ 8.000 đến 12.000 đồng mỗi "
            "ký. Cà chua và dưa leo cũng giảm nhẹ nhờ thời tiết thuận lợi ở vùng trồng.",
            "Tại các chợ dân sinh, giá bán lẻ giảm chậm hơn. Chị Trần Thị Thu, tiểu thương chợ Bà "
            "Chiểu, giải thích chi phí vận chuyển và hao hụt vẫn cao nên chưa thể hạ giá ngay.",
            "Các doanh nghiệp phân phối dự báo giá rau sẽ ổn định đến cuối tháng, trừ khi có mưa "
            "lớn kéo dài tại các vùng sản xuất.",
        ],
        "related": [],
    },
    {
        "title": "Tiểu thương chợ Đông Ba trở lại sau đợt cải tạo",
        "section": "thi-truong",
        "location": "Huế",
        "sapo": (
            "Hơn 600 hộ kinh doanh đã chuyển về khu chợ mới với lối đi rộng, hệ thống phòng "
            "cháy hiện đại và khu ẩm thực riêng cho du khách."
        ),
        "authors": ["phongvien2"],
        "tags": ["chợ truyền thống", "Huế", "du lịch"],
        "lead": "hue-cho",
        "state": ("published", (-8, "15:45")),
        "body": [
            "Những ngày đầu, nhiều tiểu thương tranh thủ sắp xếp lại hàng hoá từ sáng sớm. Các "
            "sạp vải, nón lá, mè xửng được bố trí theo từng khu, có bảng số rõ ràng để khách dễ "
            "tìm.",
            ("photo", "hue-cho"),
            "Bà Hoàng Thị Nga, bán mè xửng ở chợ hơn 30 năm, cho biết lối đi rộng hơn giúp khách "
            "nước ngoài dạo chợ thoải mái. “Mấy ngày nay khách đông lại, tôi bán được gấp đôi so "
            "với hồi ở chợ tạm”, bà nói.",
            "Ban quản lý chợ đã lắp hơn 200 camera, hệ thống báo cháy tự động và tập huấn phòng "
            "cháy cho tất cả hộ kinh doanh trước ngày khai trương.",
            ("photo", "hue-am-thuc"),
            "Khu ẩm thực ở tầng trệt phục vụ bún bò, bánh bèo, chè Huế đến 22 giờ, được kỳ vọng "
            "trở thành điểm hẹn mới của du khách buổi tối.",
        ],
        "related": ["Giá rau xanh tại chợ đầu mối giảm sau đợt nắng ráo"],
    },
    {
        "title": "Phú Quốc công bố lịch bay quốc tế mới cho mùa cao điểm",
        "section": "kinh-te",
        "location": "Phú Quốc",
        "sapo": (
            "Sân bay Phú Quốc dự kiến đón thêm 12 đường bay quốc tế thường lệ và thuê chuyến, "
            "chủ yếu từ Hàn Quốc, Ấn Độ và Đông Âu."
        ),
        "authors": ["phongvien"],
        "tags": ["hàng không", "du lịch", "Phú Quốc"],
        "lead": "pq-bien",
        "state": ("scheduled", (1, "06:30")),
        "body": [
            "Theo kế hoạch khai thác vừa được phê duyệt, số chuyến bay quốc tế đến đảo trong mùa "
            "cao điểm sẽ tăng khoảng 40% so với năm ngoái. Nhiều hãng bay lần đầu có mặt tại "
            "Phú Quốc.",
            ("photo", "pq-bien"),
            "Các khách sạn, khu nghỉ dưỡng trên đảo đã bắt đầu tuyển thêm nhân sự thời vụ, nhất "
            "là hướng dẫn viên nói tiếng Hàn và tiếng Nga.",
            "Ngành du lịch địa phương lưu ý các cơ sở lưu trú niêm yết giá công khai, tránh tăng "
            "giá đột biến vào dịp lễ làm ảnh hưởng hình ảnh điểm đến.",
            "Sân bay cũng mở thêm quầy làm thủ tục và bố trí khu chờ riêng cho khách đoàn vào "
            "những khung giờ có nhiều chuyến bay hạ cánh liên tiếp.",
        ],
        "related": ["Quảng Ninh mở thêm tuyến tàu khách ra đảo Cô Tô"],
    },
    {
        "title": "Lạng Sơn thông quan nông sản bằng tờ khai điện tử tại cửa khẩu",
        "section": "kinh-te",
        "location": "Lạng Sơn",
        "sapo": (
            "Thời gian làm thủ tục cho một xe chở thanh long, mít, sầu riêng được rút từ vài giờ "
            "xuống còn khoảng 30 phút nhờ khai báo điện tử từ trước."
        ),
        "authors": ["phongvien2"],
        "tags": ["nông sản", "cửa khẩu", "Lạng Sơn"],
        "lead": "ls-cua-khau",
        "state": ("draft",),
        "body": [
            "Từ đầu tháng, doanh nghiệp xuất khẩu nông sản qua cửa khẩu có thể khai báo trước "
            "trên hệ thống điện tử, đính kèm giấy chứng nhận kiểm dịch và chứng nhận xuất xứ.",
            ("photo", "ls-cua-khau"),
            "Lái xe chỉ cần xuất trình mã tờ khai khi đến cổng kiểm soát. Cán bộ hải quan đối "
            "chiếu trên máy tính bảng và kiểm tra thực tế theo mức độ rủi ro của lô hàng.",
            "Anh Hoàng Văn Tùng, tài xế chở thanh long từ Bình Thuận, kể trước đây có lần phải "
            "xếp hàng qua đêm, hàng hỏng cả chục thùng. Lần này xe thông quan ngay trong buổi "
            "sáng.",
            "Ban quản lý cửa khẩu đang đề xuất nối hệ thống với bãi đỗ xe thông minh để tài xế "
            "biết trước thời điểm xe được vào làm thủ tục.",
        ],
        "related": [],
    },
]

MOI_TRUONG = [
    {
        "title": "Khu công nghiệp ở Hải Phòng chạy đua với tiêu chí sinh thái",
        "section": "moi-truong",
        "location": "Hải Phòng",
        "sapo": (
            "Các nhà đầu tư hạ tầng gặp nhau bàn cách lắp điện mặt trời, tái dùng nước thải, với "
            "mong muốn một nửa số khu công nghiệp của thành phố đạt chuẩn sinh thái sau năm năm."
        ),
        "authors": ["phongvien"],
        "tags": ["chuyển đổi xanh", "khu công nghiệp", "Hải Phòng", "năng lượng tái tạo"],
        "lead": "hp-kcn-xanh",
        "state": ("published", ("ago", 20)),
        "body": [
            "Tại hội thảo, đại diện các nhà đầu tư hạ tầng chia sẻ kinh nghiệm lắp điện mặt trời "
            "mái nhà, tái sử dụng nước thải và trao đổi phụ phẩm giữa các nhà máy. Một số khu "
            "công nghiệp đã giảm được 15% lượng điện lấy từ lưới.",
            ("photo", "hp-kcn-xanh"),
            "Theo ông Đỗ Minh Khoa, Phó trưởng ban quản lý, các tập đoàn đa quốc gia ngày càng "
            "yêu cầu nhà cung cấp chứng minh lượng phát thải. Chuyển đổi xanh vì thế không còn là "
            "lựa chọn mà là điều kiện để giữ đơn hàng.",
            ("h2", "Ba nhóm giải pháp ưu tiên"),
            "Kế hoạch của thành phố tập trung vào ba nhóm giải pháp:",
            (
                "ul",
                [
                    "Năng lượng tái tạo và tiết kiệm điện trong nhà xưởng",
                    "Xử lý, tái sử dụng nước thải tập trung",
                    "Cộng sinh công nghiệp: chất thải của nhà máy này là nguyên liệu của nhà máy "
                    "khác",
                ],
            ),
            "Các doanh nghiệp kiến nghị có cơ chế mua bán điện trực tiếp và hướng dẫn cụ thể về "
            "đo đếm phát thải, để việc đầu tư không vướng thủ tục.",
            ("photo", "hp-container"),
            "Hải Phòng sẽ chọn hai khu công nghiệp làm thí điểm mô hình sinh thái và đánh giá kết "
            "quả sau hai năm, trước khi nhân rộng.",
        ],
        "related": [
            "Cảng Lạch Huyện đón tàu container trọng tải lớn nhất từ đầu năm",
            "Nghệ An thu hút dự án điện tử vào khu kinh tế Đông Nam",
            "Đà Lạt thu gom rác thải nhựa quanh các hồ trung tâm",
        ],
        # Added after publication through publishing.add_correction (issue #13).
        "corrections": [
            (
                "correction",
                "Bản trước ghi mục tiêu đạt chuẩn sinh thái sau ba năm; đúng là sau năm năm.",
            ),
        ],
    },
    {
        "title": "Cà Mau trồng thêm 200 ha rừng ngập mặn giữ đất ven biển",
        "section": "moi-truong",
        "location": "Cà Mau",
        "sapo": (
            "Những dải đước, mắm non được trồng phía sau hàng kè tạo bãi, với kỳ vọng sau vài năm "
            "sẽ thành lá chắn xanh chống sạt lở."
        ),
        "authors": ["phongvien2"],
        "tags": ["rừng ngập mặn", "sạt lở", "Cà Mau", "biến đổi khí hậu"],
        "lead": "cm-rung",
        "state": ("published", (-2, "16:30")),
        "body": [
            "Đợt trồng rừng có sự tham gia của hơn 500 đoàn viên, bộ đội và người dân ven biển. "
            "Mỗi cây giống được buộc vào cọc tre để không bị sóng cuốn trôi khi triều lên.",
            ("photo", "cm-rung"),
            "Theo ngành nông nghiệp tỉnh, nhiều đoạn bờ biển phía Tây bị sạt lở hàng chục mét mỗi "
            "năm. Kè mềm bằng cọc bê tông giúp giảm sóng, giữ phù sa để rừng non bám rễ.",
            "Ông Lâm Văn Út, người giữ rừng lâu năm ở một xã ven biển, cho biết tỷ lệ cây sống "
            "của những đợt trước đạt khoảng 80% nhờ chọn đúng mùa và chăm sóc thường xuyên.",
            (
                "quote",
                "Rừng còn thì đất còn, tôm cá cũng còn. Mất rừng là biển lấn vào tới sân nhà.",
            ),
            "Tỉnh đặt mục tiêu phục hồi thêm 1.000 ha rừng ngập mặn đến cuối thập kỷ, đồng thời "
            "giao khoán bảo vệ rừng cho các hộ dân sinh sống ven biển.",
        ],
        "related": ["Bến Tre chủ động trữ nước ngọt trước mùa xâm nhập mặn"],
    },
    {
        "title": "Bến Tre chủ động trữ nước ngọt trước mùa xâm nhập mặn",
        "section": "moi-truong",
        "location": "Bến Tre",
        "sapo": (
            "Hàng nghìn hộ dân được hỗ trợ bồn chứa, túi trữ nước, trong khi hệ thống cống ngăn "
            "mặn được vận hành sớm hơn mọi năm."
        ),
        "authors": ["phongvien"],
        "tags": ["xâm nhập mặn", "Bến Tre", "nước sạch", "nông nghiệp"],
        "lead": "bt-cong",
        "state": ("published", (-5, "07:00")),
        "body": [
            "Dự báo năm nay nước mặn có thể vào sâu 50–60 km tính từ các cửa sông chính. Chính "
            "quyền địa phương đã rà soát từng hộ có nguy cơ thiếu nước sinh hoạt để cấp phát "
            "dụng cụ trữ nước.",
            ("photo", "bt-cong"),
            "Nhà vườn trồng sầu riêng, chôm chôm được khuyến cáo đo độ mặn trước khi tưới, không "
            "lấy nước khi độ mặn vượt 0,5 phần nghìn. Nhiều hộ đã đào ao trữ nước ngọt từ cuối "
            "mùa mưa.",
            "Chị Nguyễn Thị Bích, nông dân trồng bưởi ở Châu Thành, cho biết gia đình đầu tư 30 "
            "triệu đồng lót bạt ao trữ nước, đủ tưới cho vườn trong ba tháng mùa khô.",
            ("photo", "bt-vuon"),
            "Công ty cấp nước tỉnh cũng tăng công suất các nhà máy ở vùng nước ngọt, kéo thêm "
            "đường ống về những xã ven biển thường xuyên thiếu nước.",
            "Ngành nông nghiệp sẽ cập nhật độ mặn hằng ngày qua tin nhắn và các nhóm mạng xã hội "
            "để người dân chủ động lấy nước.",
        ],
        "related": [
            "Cà Mau trồng thêm 200 ha rừng ngập mặn giữ đất ven biển",
            "Hợp tác xã Đồng Tháp đưa xoài sấy dẻo lên sàn thương mại điện tử",
        ],
    },
    {
        "title": "Đà Lạt thu gom rác thải nhựa quanh các hồ trung tâm",
        "section": "moi-truong",
        "location": "Đà Lạt",
        "sapo": (
            "Chiến dịch cuối tuần thu được hơn ba tấn rác, phần lớn là chai nhựa, túi ni lông và "
            "hộp xốp bị vứt quanh bờ hồ và rừng thông."
        ),
        "authors": ["phongvien2"],
        "tags": ["rác thải nhựa", "Đà Lạt", "tình nguyện"],
        "lead": "dl-ho",
        "state": ("published", (-9, "10:30")),
        "body": [
            "Từ sáng sớm, hàng trăm tình nguyện viên chia thành từng nhóm, mang găng tay và bao "
            "tải đi dọc bờ hồ. Một số nhóm dùng thuyền nhỏ vớt rác mắc vào đám lục bình sát mép "
            "nước.",
            ("photo", "dl-ho"),
            "Rác được phân loại ngay tại chỗ. Chai nhựa và lon nhôm được chuyển cho cơ sở tái "
            "chế, số tiền thu được dùng mua thùng rác phân loại đặt tại các điểm tham quan.",
            "Theo ban tổ chức, lượng rác thải nhựa tăng mạnh sau các kỳ nghỉ lễ, khi lượng khách "
            "đổ về thành phố cao gấp nhiều lần ngày thường.",
            "Thành phố đang nghiên cứu quy định hạn chế đồ nhựa dùng một lần tại các khu du lịch, "
            "khuyến khích quán cà phê giảm giá cho khách mang cốc riêng.",
        ],
        "related": ["Khu công nghiệp ở Hải Phòng chạy đua với tiêu chí sinh thái"],
    },
    {
        "title": "Quảng Nam phục hồi rạn san hô quanh Cù Lao Chàm",
        "section": "moi-truong",
        "location": "Quảng Nam",
        "sapo": (
            "Các nhà khoa học và ngư dân cùng trồng lại hàng nghìn nhánh san hô tại những khu vực "
            "bị suy thoái sau bão."
        ),
        "authors": ["phongvien"],
        "tags": ["san hô", "bảo tồn biển", "Quảng Nam"],
        "lead": "qn-san-ho",
        "state": ("submitted",),
        "body": [
            "Mỗi nhánh san hô được gắn lên giá thể bằng thép phủ xi măng, thả ở độ sâu 4–6 m. "
            "Thợ lặn theo dõi tốc độ sinh trưởng hằng tháng và thay những nhánh bị chết.",
            ("photo", "qn-san-ho"),
            "Ban quản lý khu bảo tồn biển cho biết sau ba năm, độ phủ san hô ở một số điểm đã "
            "tăng từ 15% lên gần 40%, cá rạn quay trở lại nhiều hơn.",
            "Nhiều ngư dân trước đây khai thác thuỷ sản trong vùng lõi nay chuyển sang làm dịch "
            "vụ lặn ngắm san hô, thu nhập ổn định hơn.",
            "Dự án đang thử nghiệm ươm san hô trong bể để chủ động nguồn giống, giảm việc lấy "
            "nhánh từ rạn tự nhiên.",
        ],
        "related": [],
    },
    {
        "title": "Thanh Hoá lắp trạm quan trắc không khí tự động ở khu công nghiệp",
        "section": "moi-truong",
        "location": "Thanh Hoá",
        "sapo": (
            "Sáu trạm quan trắc mới sẽ công bố chỉ số chất lượng không khí theo giờ, giúp người "
            "dân quanh khu công nghiệp theo dõi ngay trên điện thoại."
        ),
        "authors": ["phongvien2"],
        "tags": ["chất lượng không khí", "khu công nghiệp", "Thanh Hoá"],
        "lead": "th-kcn",
        "state": (
            "returned",
            "Bài cần thêm ý kiến của doanh nghiệp trong khu công nghiệp và số liệu phản ánh của "
            "người dân năm qua. Kiểm tra lại tên cơ quan quản lý các trạm.",
        ),
        "body": [
            "Các trạm đo bụi mịn PM2.5, PM10 và các khí SO2, NO2, CO, truyền dữ liệu về trung tâm "
            "điều hành của tỉnh năm phút một lần.",
            ("photo", "th-kcn"),
            "Người dân các xã giáp khu công nghiệp từng nhiều lần phản ánh mùi hôi và bụi vào ban "
            "đêm. Với dữ liệu liên tục, cơ quan chức năng có thể xác định thời điểm và nguồn gây "
            "ô nhiễm.",
            "Doanh nghiệp có ống khói cũng phải lắp thiết bị quan trắc khí thải tự động, kết nối "
            "với hệ thống của tỉnh theo quy định.",
            "Chỉ số chất lượng không khí sẽ hiển thị trên bảng điện tử đặt tại trung tâm các xã "
            "và trên cổng thông tin của tỉnh.",
        ],
        "related": [],
    },
]

XA_HOI = [
    {
        "title": "Quảng Bình hướng dẫn người dân vùng lũ chằng chống nhà cửa",
        "section": "xa-hoi",
        "location": "Quảng Bình",
        "sapo": (
            "Trước mùa mưa bão, các xã vùng trũng tổ chức tập huấn, kiểm tra nhà phao và lập danh "
            "sách những hộ cần sơ tán sớm khi nước lên."
        ),
        "authors": ["phongvien"],
        "tags": ["phòng chống thiên tai", "lũ lụt", "Quảng Bình"],
        "lead": "qb-lu",
        "state": ("published", (-3, "17:20")),
        "body": [
            "Tại nhà văn hoá thôn, cán bộ biên phòng và hội chữ thập đỏ hướng dẫn người dân cách "
            "gia cố mái tôn bằng bao cát, dây thép và neo chân cột xuống đất.",
            ("photo", "qb-lu"),
            "Nhiều gia đình đã có nhà phao, loại sàn nổi dâng theo mực nước, dùng để cất giữ "
            "lương thực, đồ đạc và làm chỗ trú tạm cho người già, trẻ nhỏ.",
            "Chính quyền xã lập danh sách các hộ có người già sống một mình, người khuyết tật và "
            "phụ nữ mang thai để ưu tiên sơ tán trước.",
            ("h2", "Chuẩn bị theo phương châm “bốn tại chỗ”"),
            (
                "ul",
                [
                    "Chỉ huy tại chỗ: trưởng thôn điều phối mọi hoạt động",
                    "Lực lượng tại chỗ: mỗi thôn một đội xung kích 20 người",
                    "Phương tiện, vật tư tại chỗ: thuyền, áo phao, máy phát điện",
                    "Hậu cần tại chỗ: gạo, nước uống, thuốc men đủ dùng một tuần",
                ],
            ),
            "Theo dự báo, mưa năm nay có thể đến muộn nhưng tập trung, nguy cơ xảy ra lũ lớn "
            "trong thời gian ngắn là rất cao.",
        ],
        "related": ["Đà Nẵng diễn tập ứng phó bão mạnh đổ bộ vào vùng ven biển"],
    },
    {
        "title": "Bếp cơm 0 đồng cạnh bệnh viện tỉnh nấu 500 suất mỗi ngày",
        "section": "xa-hoi",
        "location": "Vĩnh Long",
        "sapo": (
            "Được duy trì nhờ những nhóm thiện nguyện và tiểu thương quanh chợ, bếp cơm đã đỏ lửa "
            "đều đặn suốt tám năm cho người nhà bệnh nhân nghèo."
        ),
        "authors": ["phongvien2"],
        "byline": "Cộng tác viên Thanh Tâm",
        "tags": ["thiện nguyện", "bệnh viện", "Vĩnh Long"],
        "lead": "vl-bep",
        "state": ("published", (-6, "11:15")),
        "body": [
            "Mới 4 giờ sáng, gian bếp nhỏ đã sáng đèn. Các tình nguyện viên, phần đông là phụ nữ "
            "lớn tuổi, nhặt rau, vo gạo, kho cá để kịp phát cơm lúc 10 giờ.",
            ("photo", "vl-bep"),
            "Bà Huỳnh Thị Lệ, người khởi xướng bếp ăn, kể ban đầu chỉ nấu vài chục suất bằng tiền "
            "dành dụm. Dần dần, tiểu thương chợ gần đó góp rau, cá, gạo, có người góp công chở "
            "hàng.",
            "Ngoài cơm trưa, bếp còn phát cháo buổi tối cho bệnh nhân khoa nhi và khoa ung bướu. "
            "Những ngày lễ, thực đơn có thêm chè và trái cây.",
            ("quote", "Người ta đã khổ vì bệnh, mình giúp được bữa cơm thì họ bớt lo một chút."),
            "Hội chữ thập đỏ tỉnh đang giúp bếp hoàn thiện thủ tục an toàn thực phẩm và kết nối "
            "thêm nhà hảo tâm để duy trì lâu dài.",
        ],
        "related": [],
    },
    {
        "title": "Khu phố ở Biên Hoà lập tổ tự quản giữ đường sạch, phố an",
        "section": "xa-hoi",
        "location": "Đồng Nai",
        "sapo": (
            "Ba mươi hộ dân thay nhau quét dọn, trồng cây và nhắc nhở nhau giữ trật tự, biến con "
            "hẻm từng ngập rác thành nơi vui chơi của trẻ nhỏ."
        ),
        "authors": ["phongvien"],
        "tags": ["đô thị", "cộng đồng", "Đồng Nai"],
        "lead": "dn-hem",
        "state": ("published", (-8, "08:45")),
        "body": [
            "Hai năm trước, cuối con hẻm là bãi rác tự phát, mùa mưa bốc mùi. Sau nhiều lần họp "
            "tổ dân phố, các hộ thống nhất góp tiền làm bồn hoa và lắp đèn chiếu sáng.",
            ("photo", "dn-hem"),
            "Mỗi sáng chủ nhật, các gia đình thay phiên quét dọn, tưới cây. Nhóm nhắn tin chung "
            "của khu phố được dùng để báo khi có rác bị vứt trộm hoặc người lạ khả nghi.",
            "Ông Đặng Văn Hùng, tổ trưởng tổ tự quản, cho biết từ khi có đèn và camera, chuyện "
            "mất trộm xe máy ban đêm gần như không còn.",
            "Mô hình đang được phường nhân rộng ra mười khu phố khác, kèm hỗ trợ cây xanh và "
            "thùng rác phân loại.",
        ],
        "related": ["Đà Lạt thu gom rác thải nhựa quanh các hồ trung tâm"],
    },
    {
        "title": "Trường vùng cao ở Hà Giang có thêm khu nội trú cho học sinh",
        "section": "giao-duc",
        "location": "Hà Giang",
        "sapo": (
            "Khu nội trú mới với 24 phòng ở, bếp ăn và nhà tắm nước nóng giúp hơn 200 học sinh "
            "không còn phải đi bộ hàng chục cây số mỗi tuần."
        ),
        "authors": ["phongvien2"],
        "tags": ["giáo dục vùng cao", "Hà Giang", "nội trú"],
        "lead": "hg-truong",
        "state": ("published", (-1, "15:00")),
        "body": [
            "Trước đây, nhiều học sinh người Mông ở các bản xa phải dựng lán tạm gần trường, tự "
            "nấu ăn. Mùa đông, nhiệt độ có lúc xuống dưới 5 độ C, các em học trong cảnh thiếu áo "
            "ấm.",
            ("photo", "hg-truong"),
            "Công trình do các nhà hảo tâm và ngân sách tỉnh cùng đầu tư, hoàn thành sau tám "
            "tháng thi công trên địa hình dốc, vật liệu phải chở bằng xe máy.",
            "Thầy Sùng Mí Páo, hiệu trưởng nhà trường, cho biết từ khi có khu nội trú, học sinh "
            "đi học đều hơn hẳn, buổi tối các em tự học dưới sự kèm cặp của giáo viên.",
            ("photo", "hg-nui"),
            "Nhà trường mong được hỗ trợ thêm thư viện và phòng máy tính, để học sinh vùng cao "
            "tiếp cận công nghệ như các bạn ở thành phố.",
        ],
        "related": ["Học sinh Cần Thơ học bơi miễn phí trong dịp hè"],
    },
    {
        "title": "Học sinh Cần Thơ học bơi miễn phí trong dịp hè",
        "section": "giao-duc",
        "location": "Cần Thơ",
        "sapo": (
            "Hơn 3.000 học sinh tiểu học được dạy bơi an toàn tại hồ bơi trường học và bể bơi di "
            "động, trong chương trình phòng chống đuối nước."
        ),
        "authors": ["phongvien"],
        "tags": ["phòng chống đuối nước", "học bơi", "Cần Thơ", "học sinh"],
        "lead": "ct-hoc-boi",
        "state": ("published", (-4, "16:40")),
        "body": [
            "Mỗi khoá học kéo dài mười buổi, do huấn luyện viên và giáo viên thể dục đã qua tập "
            "huấn đứng lớp. Các em được học cách nổi, cách thở, bơi ếch cơ bản và cách xử lý khi "
            "thấy người đuối nước.",
            ("photo", "ct-hoc-boi"),
            "Ở vùng sông nước, đuối nước là mối nguy thường trực với trẻ em, nhất là trong dịp hè "
            "khi các em ít được người lớn trông chừng.",
            "Chị Lâm Thị Mỹ, phụ huynh ở Ninh Kiều, nói con chị trước đây rất sợ nước, sau khoá "
            "học đã tự tin bơi được 25 m.",
            "Ngành giáo dục thành phố đặt mục tiêu đến năm học tới, 70% học sinh tiểu học biết "
            "bơi an toàn. Bể bơi di động sẽ được chuyển tới các xã chưa có hồ bơi.",
        ],
        "related": [
            "Cần Thơ thông xe cầu mới nối hai xã ven sông Hậu",
            "Trường vùng cao ở Hà Giang có thêm khu nội trú cho học sinh",
        ],
    },
    {
        "title": "Nam Định mở lớp tiếng Anh buổi tối cho công nhân",
        "section": "giao-duc",
        "location": "Nam Định",
        "sapo": (
            "Lớp học miễn phí do công đoàn khu công nghiệp phối hợp với một trường đại học tổ "
            "chức, giúp người lao động tự tin hơn khi làm việc với chuyên gia nước ngoài."
        ),
        "authors": ["phongvien2"],
        "tags": ["công nhân", "học tiếng Anh", "Nam Định"],
        "lead": "nd-lop",
        "state": ("submitted",),
        "body": [
            "Ba buổi tối mỗi tuần, phòng học tại nhà văn hoá công nhân chật kín người. Nhiều "
            "công nhân vừa tan ca, vẫn mặc đồng phục, tranh thủ ăn bánh mì trước giờ vào lớp.",
            ("photo", "nd-lop"),
            "Giáo trình được biên soạn riêng, tập trung vào từ vựng trong nhà máy, giao tiếp với "
            "tổ trưởng và đọc hiểu quy trình an toàn lao động.",
            "Chị Vũ Thị Hằng, công nhân may, cho biết sau hai tháng học, chị đã có thể trao đổi "
            "những câu đơn giản với chuyên gia kỹ thuật mà không cần phiên dịch.",
            "Công đoàn dự kiến mở thêm lớp tiếng Hàn và tin học văn phòng vào quý tới, ưu tiên "
            "công nhân có thâm niên trên hai năm.",
        ],
        "related": [],
    },
]

VAN_HOA = [
    {
        "title": "Hội An thả đèn hoa đăng đêm rằm, phố cổ đông khách",
        "section": "van-hoa",
        "location": "Hội An",
        "sapo": (
            "Đêm rằm, phố cổ tắt đèn điện, chỉ thắp đèn lồng, hàng nghìn du khách thả hoa đăng "
            "trên sông Hoài cầu bình an."
        ),
        "authors": ["phongvien"],
        "tags": ["lễ hội", "Hội An", "phố cổ", "du lịch"],
        "lead": "ha-den-long",
        "state": ("published", (-2, "20:30")),
        "body": [
            "Từ 18 giờ, các tuyến phố trong khu phố cổ cấm xe, những dãy đèn lồng đủ màu được "
            "thắp sáng trước hiên nhà. Tiếng đàn bầu, tiếng hô hát bài chòi vang lên ở các góc "
            "phố.",
            ("photo", "ha-den-long"),
            "Trên bờ sông Hoài, người bán hoa đăng đặt từng chiếc đèn giấy nhỏ vào tay du khách. "
            "Nhiều người nhắm mắt cầu chúc cho gia đình trước khi thả đèn xuống dòng nước.",
            "Để giảm rác thải, thành phố khuyến khích dùng hoa đăng làm từ giấy và bột mì, tự "
            "phân huỷ trong nước. Tổ vệ sinh môi trường vớt đèn ngay trong đêm.",
            ("photo", "ha-song"),
            "Theo ban quản lý phố cổ, lượng khách đêm rằm tăng khoảng 30% so với ngày thường, "
            "phần lớn là khách quốc tế lưu trú từ hai đêm trở lên.",
        ],
        "related": [
            "Lễ hội đua ghe ngo thu hút hàng vạn người ở Sóc Trăng",
            "Ninh Bình mở tuyến đò ngắm lúa chín ở Tam Cốc",
        ],
    },
    {
        "title": "Lễ hội đua ghe ngo thu hút hàng vạn người ở Sóc Trăng",
        "section": "van-hoa",
        "location": "Sóc Trăng",
        "sapo": (
            "Hơn 50 đội ghe ngo của đồng bào Khmer tranh tài trên sông Maspero, trong không khí "
            "rộn ràng của lễ hội Ok Om Bok."
        ),
        "authors": ["phongvien2"],
        "tags": ["lễ hội", "đồng bào Khmer", "Sóc Trăng", "đua ghe"],
        "lead": "st-ghe",
        "state": ("published", (-7, "18:00")),
        "body": [
            "Mỗi chiếc ghe dài khoảng 25 m, chở hơn 50 tay chèo mặc áo cùng màu. Tiếng trống, "
            "tiếng kèn thúc nhịp vang khắp hai bờ sông, nơi người xem đứng kín từ sáng sớm.",
            ("photo", "st-ghe"),
            "Để chuẩn bị cho lễ hội, các đội luyện tập suốt hai tháng. Nhiều tay chèo là nông "
            "dân, tranh thủ tập sau giờ làm đồng.",
            "Ông Thạch Sa Rết, trưởng một đội ghe của chùa trong huyện, nói đua ghe không chỉ là "
            "thể thao mà là niềm tự hào của cả phum sóc.",
            (
                "quote",
                "Thắng hay thua bà con vẫn vui. Quan trọng là các chùa, các ấp gặp nhau, "
                "giữ được nét đẹp của ông bà.",
            ),
            ("photo", "st-le-hoi"),
            "Bên cạnh đua ghe, lễ hội còn có thả đèn nước, hội chợ nông sản và biểu diễn nghệ "
            "thuật truyền thống Khmer kéo dài đến khuya.",
        ],
        "related": ["Hội An thả đèn hoa đăng đêm rằm, phố cổ đông khách"],
    },
    {
        "title": "Nghệ nhân Bát Tràng mở lớp dạy làm gốm cho trẻ em",
        "section": "van-hoa",
        "location": "Hà Nội",
        "sapo": (
            "Lớp học cuối tuần tại một xưởng gốm gia đình giúp trẻ thành phố tự tay nặn, vẽ và "
            "nung sản phẩm đầu tiên của mình."
        ),
        "authors": ["phongvien"],
        "byline": "Cộng tác viên Mai Anh",
        "tags": ["làng nghề", "gốm sứ", "Hà Nội", "trẻ em"],
        "lead": "bt-gom",
        "state": ("published", (-5, "09:30")),
        "body": [
            "Trong xưởng gốm nhỏ, mỗi em được phát một khối đất sét và ngồi trước bàn xoay. Nghệ "
            "nhân Lê Văn Thành kiên nhẫn chỉ cách đặt tay, giữ tâm đất để chiếc cốc không bị méo.",
            ("photo", "bt-gom"),
            "Sau phần nặn, các em vẽ hoa văn bằng men màu. Sản phẩm được nung trong lò điện, một "
            "tuần sau gia đình đến nhận hoặc nhận qua đường bưu điện.",
            "Ông Thành cho biết mở lớp không chỉ để có thêm thu nhập, mà mong trẻ hiểu giá trị "
            "của nghề thủ công, biết quý những món đồ làm bằng tay.",
            "Mỗi khoá học có khoảng 15 em, học phí đã gồm đất, men và chi phí nung. Nhiều phụ "
            "huynh đăng ký cho con học liền mấy buổi.",
        ],
        "related": ["Hội An thả đèn hoa đăng đêm rằm, phố cổ đông khách"],
    },
    {
        "title": "Ninh Bình mở tuyến đò ngắm lúa chín ở Tam Cốc",
        "section": "van-hoa",
        "location": "Ninh Bình",
        "sapo": (
            "Mùa lúa chín trên sông Ngô Đồng kéo dài khoảng ba tuần, khi những thửa ruộng giữa "
            "núi đá vôi chuyển sang màu vàng óng."
        ),
        "authors": ["phongvien2"],
        "tags": ["du lịch", "Ninh Bình", "mùa lúa chín"],
        "lead": "nb-lua",
        "state": ("published", (-10, "07:15")),
        "body": [
            "Mỗi chiếc đò chở hai khách, do người dân địa phương chèo bằng chân, đi qua ba hang "
            "động xuyên núi. Hai bên bờ, lúa trĩu bông, thấp thoáng mái nhà và những đàn cò "
            "trắng.",
            ("photo", "nb-lua"),
            "Ban quản lý khu du lịch quy định mỗi đò không chở quá số người cho phép, du khách "
            "phải mặc áo phao và không vứt rác xuống sông.",
            "Nhiều người chụp ảnh dậy từ sớm, leo lên các điểm cao để chụp toàn cảnh cánh đồng "
            "trong sương. Các nhà nghỉ quanh khu vực kín phòng vào cuối tuần.",
            ("photo", "nb-nui"),
            "Để giữ cảnh quan, các hộ dân cam kết cấy lúa đúng thời vụ và được hỗ trợ một phần "
            "chi phí từ nguồn thu vé tham quan.",
        ],
        "related": ["Quảng Ninh mở thêm tuyến tàu khách ra đảo Cô Tô"],
    },
    {
        "title": "Làng tranh Đông Hồ tìm người nối nghiệp",
        "section": "van-hoa",
        "location": "Bắc Ninh",
        "sapo": (
            "Chỉ còn vài gia đình giữ nghề in tranh dân gian bằng ván khắc gỗ, các nghệ nhân đang "
            "tìm cách truyền nghề cho lớp trẻ."
        ),
        "authors": ["phongvien"],
        "tags": ["làng nghề", "tranh dân gian", "Bắc Ninh"],
        "lead": "bn-tranh",
        "state": ("draft",),
        "body": [
            "Trong căn nhà nhỏ, những tấm ván khắc hàng trăm năm tuổi được cất cẩn thận trên "
            "giá. Mỗi màu trên tranh cần một bản khắc riêng, in lần lượt lên giấy dó quét điệp.",
            ("photo", "bn-tranh"),
            "Nghệ nhân Nguyễn Hữu Tâm cho biết tranh bán chủ yếu cho khách du lịch và các trường "
            "học, thu nhập chưa đủ để người trẻ gắn bó.",
            "Gần đây, một số bạn trẻ tìm đến học nghề, đưa hoạ tiết tranh Đông Hồ vào bao bì, "
            "lịch và sổ tay, mở thêm hướng đi cho làng tranh.",
            "Tỉnh đang xây dựng đề án bảo tồn, trong đó có việc số hoá các bản khắc cổ và mở "
            "không gian trải nghiệm cho du khách.",
        ],
        "related": [],
    },
]

THE_THAO = [
    {
        "title": "Giải chạy ven biển Quy Nhơn thu hút 5.000 vận động viên",
        "section": "the-thao",
        "location": "Quy Nhơn",
        "sapo": (
            "Các cự ly 5 km, 10 km, 21 km và 42 km men theo đường ven biển, xuất phát từ quảng "
            "trường trung tâm lúc 4 giờ 30 sáng."
        ),
        "authors": ["phongvien"],
        "tags": ["chạy bộ", "marathon", "Quy Nhơn", "du lịch thể thao"],
        "lead": "qnh-chay",
        "state": ("published", (-1, "11:00")),
        "body": [
            "Trời còn tối, dòng người mặc áo chạy đã đổ về quảng trường. Nhiều gia đình đưa cả "
            "trẻ nhỏ tham gia cự ly 5 km, vừa chạy vừa ngắm bình minh trên biển.",
            ("photo", "qnh-chay"),
            "Ban tổ chức bố trí 20 trạm tiếp nước, 12 điểm y tế và xe cứu thương túc trực dọc "
            "đường chạy. Hàng trăm tình nguyện viên là sinh viên các trường đại học trong thành "
            "phố.",
            "Ở cự ly marathon, Nguyễn Văn Lâm về nhất nội dung nam với thời gian 2 giờ 38 phút, "
            "còn nội dung nữ thuộc về Trần Thị Kim Yến.",
            "Giải chạy góp phần quảng bá du lịch thể thao. Theo ngành du lịch tỉnh, công suất "
            "phòng khách sạn dịp cuối tuần diễn ra giải đạt gần 90%.",
        ],
        "related": ["Nha Trang đăng cai giải bóng chuyền bãi biển toàn quốc"],
    },
    {
        "title": "Câu lạc bộ nữ Hà Nội thắng trận mở màn giải vô địch quốc gia",
        "section": "the-thao",
        "location": "Hà Nội",
        "sapo": (
            "Với hai bàn thắng trong hiệp hai, đội chủ nhà đánh bại đối thủ đến từ phía Nam "
            "trước hơn 3.000 khán giả."
        ),
        "authors": ["phongvien2"],
        "tags": ["bóng đá nữ", "Hà Nội", "giải vô địch quốc gia"],
        "lead": "hn-bong-da",
        "state": ("published", ("ago", 150)),
        "body": [
            "Hiệp một diễn ra chặt chẽ khi hai đội chủ yếu tranh chấp ở giữa sân. Đội khách có "
            "cơ hội đáng chú ý nhất ở phút 38, nhưng cú sút xa đi chệch cột dọc.",
            ("photo", "hn-bong-da"),
            "Sang hiệp hai, huấn luyện viên đội chủ nhà tung tiền đạo trẻ vào sân và thay đổi cục "
            "diện trận đấu. Cô mở tỷ số ở phút 61 sau pha đột phá bên cánh trái.",
            "Mười phút cuối, đội chủ nhà ghi thêm bàn thứ hai từ một tình huống phạt góc, khép "
            "lại trận đấu với tỷ số 2–0.",
            "Sau trận, ban huấn luyện cho biết toàn đội sẽ tập trung hồi phục thể lực, chuẩn bị "
            "cho trận sân khách sau năm ngày nữa.",
        ],
        "related": [],
    },
    {
        "title": "Nha Trang đăng cai giải bóng chuyền bãi biển toàn quốc",
        "section": "the-thao",
        "location": "Khánh Hoà",
        "sapo": (
            "Hai mươi bốn đội nam, nữ tranh tài trong năm ngày trên sân cát dựng ngay bãi biển "
            "trung tâm thành phố."
        ),
        "authors": ["phongvien"],
        "tags": ["bóng chuyền bãi biển", "Nha Trang", "Khánh Hoà"],
        "lead": "nt-bong-chuyen",
        "state": ("published", (-6, "19:30")),
        "body": [
            "Sân thi đấu có khán đài tạm 1.500 chỗ, mở cửa miễn phí cho người dân và du khách. "
            "Các trận đấu bắt đầu từ 15 giờ để tránh nắng gắt.",
            ("photo", "nt-bong-chuyen"),
            "Đây là giải tính điểm xếp hạng, giúp ban huấn luyện đội tuyển quốc gia chọn vận "
            "động viên cho các giải khu vực sắp tới.",
            "Nhiều đội mang đến những gương mặt dưới 20 tuổi. Ban tổ chức đánh giá trình độ năm "
            "nay đồng đều hơn, nhiều trận phải phân định ở séc thứ ba.",
            "Bên lề giải, các vận động viên giao lưu và hướng dẫn thiếu nhi địa phương làm quen "
            "với môn bóng chuyền bãi biển.",
        ],
        "related": ["Giải chạy ven biển Quy Nhơn thu hút 5.000 vận động viên"],
    },
    {
        "title": "Đua thuyền rồng trên sông Hàn dịp cuối tuần",
        "section": "the-thao",
        "location": "Đà Nẵng",
        "sapo": (
            "Mười hai đội thuyền rồng đến từ các phường ven sông sẽ tranh tài trên đoạn sông dài "
            "800 m, mở đầu chuỗi sự kiện thể thao mùa hè."
        ),
        "authors": ["phongvien2"],
        "tags": ["thuyền rồng", "Đà Nẵng", "thể thao dưới nước"],
        "lead": "dn-thuyen-rong",
        "state": ("scheduled", (2, "08:00")),
        "body": [
            "Mỗi thuyền dài 18 m, gồm 20 tay chèo, một người đánh trống và một người lái. Các đội "
            "đã tập luyện hơn một tháng trên sông vào mỗi buổi chiều.",
            ("photo", "dn-thuyen-rong"),
            "Ban tổ chức bố trí ca nô cứu hộ và yêu cầu tất cả tay chèo mặc áo phao. Khu vực khán "
            "giả được phân làn dọc hai bờ sông để bảo đảm an toàn.",
            "Song song với giải đua, nhiều hoạt động như chèo ván đứng, bơi tự do và trò chơi dân "
            "gian sẽ diễn ra ở công viên ven sông.",
            "Các cầu bắc qua sông Hàn sẽ hạn chế phương tiện trong thời gian diễn ra giải, người "
            "dân được khuyến cáo đi đường vòng.",
        ],
        "related": ["Giải chạy ven biển Quy Nhơn thu hút 5.000 vận động viên"],
    },
    {
        "title": "Cờ vua học đường ở Hải Dương hút nghìn học sinh",
        "section": "the-thao",
        "location": "Hải Dương",
        "sapo": (
            "Giải cờ vua dành cho học sinh tiểu học và trung học cơ sở năm nay có số vận động "
            "viên đăng ký cao nhất từ trước đến nay."
        ),
        "authors": ["phongvien"],
        "tags": ["cờ vua", "học sinh", "Hải Dương"],
        "lead": "hd-co-vua",
        "state": (
            "returned",
            "Tiêu đề nói “nghìn học sinh” nhưng bài chỉ nêu 500 bàn cờ: xác minh số vận động viên "
            "đăng ký. Thêm tên chính thức của giải và ý kiến ban tổ chức.",
        ),
        "body": [
            "Nhà thi đấu của tỉnh được kê hơn 500 bàn cờ cho các ván đấu diễn ra đồng thời. Phụ "
            "huynh đứng kín khu vực bên ngoài, theo dõi qua màn hình lớn.",
            ("photo", "hd-co-vua"),
            "Nhiều trường đã đưa cờ vua vào giờ ngoại khoá, giúp học sinh rèn tư duy và tính kiên "
            "nhẫn.",
            "Em Phạm Minh Khôi, học sinh lớp 5, giành chức vô địch nhóm tuổi sau bảy ván toàn "
            "thắng. Em cho biết tập cờ mỗi tối khoảng một giờ cùng bố.",
            "Ban tổ chức chọn 30 kỳ thủ xuất sắc nhất để tập huấn, chuẩn bị cho giải trẻ toàn "
            "quốc vào cuối năm.",
        ],
        "related": [],
    },
    {
        "title": "Võ cổ truyền Bình Định vào giờ thể dục của trường tiểu học",
        "section": "the-thao",
        "location": "Bình Định",
        "sapo": (
            "Các bài quyền cơ bản được đưa vào giờ thể dục, giúp học sinh rèn sức khoẻ và hiểu "
            "thêm về truyền thống võ thuật quê hương."
        ),
        "authors": ["phongvien2"],
        "tags": ["võ cổ truyền", "Bình Định", "học sinh"],
        "lead": "bdi-vo",
        "state": ("draft",),
        "body": [
            "Mỗi sáng thứ Hai và thứ Năm, sân trường vang tiếng hô đều của hàng trăm học sinh tập "
            "bài quyền. Các động tác được võ sư biên soạn lại cho phù hợp với lứa tuổi.",
            ("photo", "bdi-vo"),
            "Giáo viên thể dục được võ sư địa phương tập huấn trong ba tháng trước khi trực tiếp "
            "hướng dẫn học sinh.",
            "Phụ huynh nhận xét các em tự tin, khoẻ mạnh hơn, biết cách tự vệ và có nề nếp hơn "
            "trong sinh hoạt.",
            "Ngành giáo dục tỉnh dự kiến nhân rộng mô hình ra tất cả trường tiểu học trong năm "
            "học tới.",
        ],
        "related": [],
    },
]

ARTICLES = THOI_SU + KINH_TE + MOI_TRUONG + XA_HOI + VAN_HOA + THE_THAO
