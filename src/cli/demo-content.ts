// Demo content written for this project: items of every kind and topic about Huế's heritage,
// festivals, investment and foreign affairs, in Vietnamese with translations, in every workflow
// state, from several agencies. It goes through the same use cases as people do, acting as the
// demo accounts of those agencies (the appraiser is the operator's account).
import { ROLE_SCOPES, type Actor, type Role } from '../core/actor.js';
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import { demoDocumentFile, demoPhotos, demoVideoFile } from './demo-media.js';

type Lang = 'vi' | 'en' | 'fr' | 'ja' | 'ko' | 'zh';
type T = { title: string; summary: string; body: string };
type Target = 'draft' | 'submitted' | 'returned' | 'approved-scheduled' | 'published' | 'unpublished';

interface DemoItem {
  agency: string;
  kind: content.Kind;
  topic: string;
  state: Target;
  visibility?: 'public' | 'shared' | 'internal';
  date: string;
  place: string;
  authors: string[];
  tags: string[];
  document?: Record<string, string>;
  /** album photos: caption and alt text per language */
  photos?: Array<{ caption: Record<string, string>; alt: Record<string, string> }>;
  /** clarifications: what is clarified */
  claim?: content.ItemMetadata['claim'];
  text: Partial<Record<Lang, T>> & { vi: T };
}

const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');

export const DEMO_ITEMS: DemoItem[] = [
  {
    agency: 'trung-tam-bao-ton-di-tich-co-do-hue',
    kind: 'news',
    topic: 'du-lich-di-san-le-hoi',
    state: 'published',
    date: '2026-04-30',
    place: 'Đại Nội, thành phố Huế',
    authors: ['Lê Thị Hoa'],
    tags: ['Đại Nội', 'du lịch đêm', 'di sản'],
    text: {
      vi: {
        title: 'Đại Nội Huế mở cửa đón khách tham quan về đêm',
        summary: 'Từ dịp 30/4, du khách có thể tham quan Đại Nội đến 22 giờ với hệ thống chiếu sáng nghệ thuật và chương trình nhã nhạc cung đình.',
        body: p(
          'Trung tâm Bảo tồn Di tích Cố đô Huế mở cửa khu vực Hoàng thành vào buổi tối, từ 19 giờ đến 22 giờ hằng ngày.',
          'Du khách được trải nghiệm không gian Điện Thái Hòa, Thế Miếu, Duyệt Thị Đường dưới ánh đèn nghệ thuật, xem biểu diễn Nhã nhạc cung đình Huế – di sản văn hóa phi vật thể của nhân loại.',
        ),
      },
      en: {
        title: 'Hue Imperial City opens to visitors at night',
        summary: 'From 30 April visitors can tour the Imperial City until 10 p.m., with artistic lighting and royal court music.',
        body: p(
          'The Hue Monuments Conservation Centre opens the Imperial Enclosure every evening from 7 to 10 p.m.',
          'Visitors can see Thai Hoa Palace, The Mieu Temple and Duyet Thi Duong Theatre under artistic lighting and enjoy Nha nhac, the royal court music recognised by UNESCO as intangible heritage of humanity.',
        ),
      },
      fr: {
        title: 'La Cité impériale de Hué ouvre ses portes la nuit',
        summary: 'Depuis le 30 avril, les visiteurs peuvent découvrir la Cité impériale jusqu’à 22 heures.',
        body: p(
          'Le Centre de conservation des monuments de Hué ouvre l’enceinte impériale chaque soir de 19 h à 22 h, avec un éclairage artistique et des représentations de musique de cour.',
        ),
      },
    },
  },
  {
    agency: 'ubnd-thanh-pho-hue',
    kind: 'profile_page',
    topic: 'tong-quan',
    state: 'published',
    date: '2026-01-15',
    place: 'Thành phố Huế',
    authors: ['Văn phòng UBND thành phố'],
    tags: ['giới thiệu', 'lịch sử', 'địa lý'],
    text: {
      vi: {
        title: 'Tổng quan về thành phố Huế',
        summary:
          'Huế là thành phố trực thuộc Trung ương từ năm 2025, nằm ở miền Trung Việt Nam, kinh đô của triều Nguyễn (1802–1945) với quần thể di tích được UNESCO công nhận.',
        body: p(
          'Thành phố Huế nằm trên dải đất miền Trung, phía bắc giáp Quảng Trị, phía nam giáp Đà Nẵng, phía tây giáp Lào, phía đông là biển Đông với hơn 120 km bờ biển và đầm phá Tam Giang – Cầu Hai.',
          'Từ năm 1802 đến năm 1945, Huế là kinh đô của nước Việt Nam thống nhất dưới triều Nguyễn. Quần thể di tích Cố đô Huế là di sản văn hóa thế giới đầu tiên của Việt Nam (1993); Nhã nhạc cung đình, Mộc bản, Châu bản triều Nguyễn và thơ văn trên kiến trúc cung đình cũng được UNESCO ghi danh.',
          'Ngày 1/1/2025, Huế trở thành thành phố trực thuộc Trung ương; từ tháng 7/2025, chính quyền địa phương tổ chức theo hai cấp: thành phố và phường, xã.',
        ),
      },
      en: {
        title: 'Hue at a glance',
        summary:
          'Hue has been a centrally governed city since 2025. It lies in central Viet Nam and was the capital of the Nguyen dynasty (1802–1945); its complex of monuments is a UNESCO World Heritage site.',
        body: p(
          'Hue lies in central Viet Nam, between Quang Tri to the north and Da Nang to the south, bordering Laos to the west, with more than 120 km of coastline and the Tam Giang – Cau Hai lagoon.',
          'From 1802 to 1945 Hue was the capital of a unified Viet Nam under the Nguyen dynasty. The Complex of Hue Monuments was Viet Nam’s first World Heritage site (1993).',
          'On 1 January 2025 Hue became a centrally governed city; since July 2025 local government has two levels: the city, and its wards and communes.',
        ),
      },
      fr: {
        title: 'Hué en bref',
        summary: 'Hué, ville relevant directement du pouvoir central depuis 2025, fut la capitale de la dynastie des Nguyên (1802–1945).',
        body: p('L’ensemble de monuments de Hué est inscrit au patrimoine mondial de l’UNESCO depuis 1993.'),
      },
      ja: {
        title: 'フエ市の概要',
        summary: 'フエは2025年から中央直轄市となり、阮朝（1802–1945年）の都でした。',
        body: p('フエの建造物群は1993年にベトナム初のユネスコ世界遺産に登録されました。'),
      },
      ko: {
        title: '후에시 개요',
        summary: '후에는 2025년부터 중앙직할시이며 응우옌 왕조(1802–1945)의 수도였습니다.',
        body: p('후에 기념물 복합지구는 1993년 베트남 최초의 유네스코 세계유산으로 등재되었습니다.'),
      },
      zh: {
        title: '顺化市概况',
        summary: '顺化自2025年起为中央直辖市，曾是阮朝（1802–1945年）的都城。',
        body: p('顺化历史建筑群于1993年成为越南第一处联合国教科文组织世界遗产。'),
      },
    },
  },
  {
    agency: 'so-tai-chinh',
    kind: 'profile_page',
    topic: 'tiem-nang-dau-tu',
    state: 'published',
    date: '2026-03-10',
    place: 'Thành phố Huế',
    authors: ['Phòng Xúc tiến đầu tư'],
    tags: ['giới thiệu', 'đầu tư', 'hạ tầng'],
    text: {
      vi: {
        title: 'Huế: tiềm năng và lợi thế đầu tư',
        summary:
          'Vị trí trên hành lang kinh tế Đông – Tây, cảng nước sâu Chân Mây, sân bay quốc tế Phú Bài, nguồn nhân lực từ Đại học Huế và thương hiệu di sản.',
        body: p(
          'Huế có cảng nước sâu Chân Mây, sân bay quốc tế Phú Bài và tuyến đường sắt Bắc – Nam đi qua.',
          'Các lĩnh vực ưu tiên: du lịch chất lượng cao, công nghệ thông tin, công nghiệp sạch, y tế và giáo dục chuyên sâu.',
        ),
      },
      en: {
        title: 'Hue: investment potential and advantages',
        summary:
          'A location on the East–West Economic Corridor, the Chan May deep-water port, Phu Bai international airport, graduates of Hue University and a heritage brand.',
        body: p(
          'Hue has the Chan May deep-water port, Phu Bai international airport and the North–South railway.',
          'Priority sectors: high-end tourism, information technology, clean industry, specialised health care and education.',
        ),
      },
    },
  },
  {
    agency: 'so-van-hoa-the-thao',
    kind: 'photo_album',
    topic: 'du-lich-di-san-le-hoi',
    state: 'published',
    date: '2026-06-08',
    place: 'Sông Hương, thành phố Huế',
    authors: ['Trần Minh Đức'],
    tags: ['Festival Huế', 'ảnh', 'áo dài'],
    photos: [
      {
        caption: { vi: 'Đêm hoàng cung trước Ngọ Môn.', en: 'Royal night in front of the Noon Gate.' },
        alt: { vi: 'Bầu trời hoàng hôn màu cam trên đồi xanh và dòng sông.', en: 'An orange sunset sky over green hills and a river.' },
      },
      {
        caption: { vi: 'Thả đèn hoa đăng trên sông Hương.', en: 'Floating lanterns on the Perfume River.' },
        alt: { vi: 'Mặt sông lấp lánh dưới bầu trời xanh nhạt.', en: 'A glittering river under a pale blue sky.' },
      },
      {
        caption: { vi: 'Lễ hội áo dài bên cầu Trường Tiền.', en: 'The ao dai festival by Truong Tien Bridge.' },
        alt: { vi: 'Đồi núi tím nhạt và mặt trời lúc chiều tà.', en: 'Lilac hills and the sun at dusk.' },
      },
    ],
    text: {
      vi: {
        title: 'Sắc màu Festival Huế 2026',
        summary: 'Bộ ảnh về lễ hội áo dài, đêm hoàng cung và thả đèn hoa đăng trên sông Hương trong tuần lễ Festival.',
        body: p(
          'Festival Huế 2026 diễn ra trong tuần lễ đầu tháng 6 với chủ đề “Di sản văn hóa với hội nhập và phát triển”.',
          'Những hình ảnh được ghi lại tại Ngọ Môn, cầu Trường Tiền và bến Tòa Khâm.',
        ),
      },
      en: {
        title: 'Colours of Hue Festival 2026',
        summary: 'Photos of the ao dai festival, the royal night and lanterns floating on the Perfume River during Festival week.',
        body: p(
          'Hue Festival 2026 took place in the first week of June under the theme “Cultural heritage for integration and development”.',
          'The pictures were taken at the Noon Gate, Truong Tien Bridge and Toa Kham pier.',
        ),
      },
    },
  },
  {
    agency: 'ubnd-thanh-pho-hue',
    kind: 'document',
    topic: 'chinh-sach-phap-luat',
    state: 'published',
    date: '2026-02-20',
    place: 'Thành phố Huế',
    authors: ['Văn phòng UBND thành phố'],
    tags: ['kế hoạch', 'thông tin đối ngoại'],
    document: {
      number: '45/KH-UBND',
      issuingBody: 'Ủy ban nhân dân thành phố Huế',
      issueDate: '2026-02-20',
      effectiveDate: '2026-02-20',
      signer: 'Phó Chủ tịch UBND thành phố',
      documentType: 'plan',
    },
    text: {
      vi: {
        title: 'Kế hoạch thông tin đối ngoại thành phố Huế năm 2026',
        summary: 'Kế hoạch triển khai công tác thông tin đối ngoại năm 2026: quảng bá hình ảnh, cập nhật cơ sở dữ liệu, làm rõ thông tin sai lệch.',
        body: p(
          'Mục đích: nâng cao hiệu quả thông tin đối ngoại, quảng bá hình ảnh thành phố Huế đến bạn bè quốc tế.',
          'Nhiệm vụ: các cơ quan, đơn vị, địa phương cập nhật thông tin lên Cơ sở dữ liệu thông tin đối ngoại định kỳ; phối hợp cung cấp thông tin giải thích, làm rõ trong thời hạn 07 ngày khi được đề nghị.',
        ),
      },
      en: {
        title: 'Hue City foreign information plan for 2026',
        summary: 'The 2026 plan for foreign information work: promoting the city’s image, keeping the database up to date, clarifying false information.',
        body: p(
          'Purpose: to make foreign information work more effective and promote Hue to international friends.',
          'Tasks: agencies update the foreign-information database periodically and provide clarifying material within 7 days when asked.',
        ),
      },
    },
  },
  {
    agency: 'so-ngoai-vu',
    kind: 'news',
    topic: 'doi-ngoai-hop-tac-quoc-te',
    state: 'published',
    date: '2026-09-12',
    place: 'Trung tâm Hành chính công thành phố Huế',
    authors: ['Phạm Quốc Bảo'],
    tags: ['hợp tác quốc tế', 'Nhật Bản', 'đầu tư'],
    text: {
      vi: {
        title: 'Đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư tại Huế',
        summary: 'Đoàn gồm đại diện 15 doanh nghiệp Nhật Bản làm việc với lãnh đạo thành phố về hạ tầng, du lịch và công nghệ thông tin.',
        body: p(
          'Tại buổi làm việc, các doanh nghiệp quan tâm đến Khu kinh tế Chân Mây – Lăng Cô, các dự án du lịch nghỉ dưỡng ven biển và phát triển phần mềm.',
          'Thành phố cam kết hỗ trợ thủ tục đầu tư và kết nối với các trường đại học để cung ứng nguồn nhân lực.',
        ),
      },
      en: {
        title: 'Japanese business delegation explores investment opportunities in Hue',
        summary: 'Representatives of 15 Japanese companies met city leaders about infrastructure, tourism and information technology.',
        body: p(
          'The companies showed interest in the Chan May – Lang Co Economic Zone, coastal resort projects and software development.',
          'The city pledged support with investment procedures and links with universities for skilled staff.',
        ),
      },
      ja: {
        title: '日本企業代表団がフエでの投資機会を視察',
        summary: '日本企業15社の代表がインフラ、観光、ITについて市指導部と会談しました。',
        body: p('チャンマイ・ランコー経済区や沿岸リゾート開発に関心が示されました。'),
      },
    },
  },
  {
    agency: 'so-van-hoa-the-thao',
    kind: 'clarification',
    topic: 'du-lich-di-san-le-hoi',
    state: 'published',
    date: '2026-07-03',
    place: 'Thành phố Huế',
    authors: ['Phòng Thông tin – Báo chí'],
    tags: ['làm rõ', 'tin sai'],
    claim: {
      statement: { vi: 'Huế cấm du khách nước ngoài vào Kinh thành từ tháng 7/2026.', en: 'Hue bans foreign visitors from the Citadel from July 2026.' },
      rating: 'false',
      claimant: 'Một số trang mạng xã hội',
      firstSeen: '2026-06-29',
      appearances: [{ url: 'https://social.example/posts/kinh-thanh-cam-khach', platform: 'Facebook' }],
    },
    text: {
      vi: {
        title: 'Làm rõ thông tin sai lệch về việc “cấm du khách nước ngoài vào Kinh thành”',
        summary: 'Một số trang mạng lan truyền tin Huế cấm du khách nước ngoài vào Kinh thành. Thông tin này không đúng sự thật.',
        body: p(
          'Kinh thành Huế và khu vực Đại Nội vẫn mở cửa đón du khách trong và ngoài nước bình thường.',
          'Việc tạm dừng tham quan một số điểm trong thời gian trùng tu được thông báo công khai và có lối tham quan thay thế.',
        ),
      },
      en: {
        title: 'Clarification: no ban on foreign visitors to the Citadel',
        summary: 'Some websites claimed that Hue bans foreign visitors from the Citadel. This is false.',
        body: p(
          'The Hue Citadel and the Imperial City remain open to domestic and international visitors as usual.',
          'Temporary closures of some points during restoration are announced publicly, with alternative routes.',
        ),
      },
    },
  },
  {
    agency: 'dai-hoc-hue',
    kind: 'news',
    topic: 'giao-duc-khoa-hoc-cong-nghe',
    state: 'published',
    date: '2026-08-25',
    place: 'Đại học Huế, 03 Lê Lợi',
    authors: ['Nguyễn Thị Mai'],
    tags: ['giáo dục', 'sinh viên quốc tế', 'tiếng Việt'],
    text: {
      vi: {
        title: 'Sinh viên quốc tế đến Huế học tiếng Việt và văn hóa Việt Nam',
        summary: 'Khóa học mùa hè thu hút sinh viên từ Hàn Quốc, Nhật Bản, Lào và Thái Lan.',
        body: p(
          'Ngoài giờ học trên lớp, sinh viên tham gia trải nghiệm làm nón lá, nấu ẩm thực Huế và tham quan các lăng tẩm.',
          'Đại học Huế hiện có quan hệ hợp tác với hơn 200 trường đại học và tổ chức quốc tế.',
        ),
      },
      en: {
        title: 'International students come to Hue to learn Vietnamese language and culture',
        summary: 'The summer course attracted students from Korea, Japan, Laos and Thailand.',
        body: p(
          'Besides classes, students made conical hats, cooked Hue dishes and visited the royal tombs.',
          'Hue University cooperates with more than 200 universities and international organisations.',
        ),
      },
      ko: {
        title: '외국인 유학생들, 후에에서 베트남어와 문화를 배우다',
        summary: '여름 과정에 한국, 일본, 라오스, 태국 학생들이 참여했습니다.',
        body: p('학생들은 논라 만들기와 후에 음식 만들기를 체험했습니다.'),
      },
    },
  },
  {
    agency: 'ubnd-phuong-kim-long',
    kind: 'news',
    topic: 'du-lich-di-san-le-hoi',
    state: 'published',
    date: '2026-05-18',
    place: 'Phường Kim Long, thành phố Huế',
    authors: ['Hoàng Văn Tâm'],
    tags: ['nhà vườn', 'du lịch cộng đồng'],
    text: {
      vi: {
        title: 'Phường Kim Long ra mắt tuyến du lịch nhà vườn ven sông Hương',
        summary: 'Tuyến tham quan kết nối 12 nhà vườn truyền thống, chùa Thiên Mụ và làng hương Thủy Xuân.',
        body: p('Du khách đi xe đạp hoặc thuyền rồng, dừng chân thưởng trà, nghe kể chuyện về nếp sống nhà vườn xứ Huế.'),
      },
      en: {
        title: 'Kim Long ward launches a garden-house trail along the Perfume River',
        summary: 'The route links 12 traditional garden houses, Thien Mu Pagoda and the Thuy Xuan incense village.',
        body: p('Visitors travel by bicycle or dragon boat, stopping for tea and stories of Hue garden-house life.'),
      },
    },
  },
  {
    agency: 'so-tai-chinh',
    kind: 'news',
    topic: 'tiem-nang-dau-tu',
    state: 'published',
    date: '2026-10-05',
    place: 'Thành phố Huế',
    authors: ['Đặng Thu Trang'],
    tags: ['xúc tiến đầu tư', 'hạ tầng số'],
    text: {
      vi: {
        title: 'Hội nghị xúc tiến đầu tư vào hạ tầng số và đô thị thông minh',
        summary: 'Thành phố giới thiệu danh mục dự án kêu gọi đầu tư về trung tâm dữ liệu, khu công nghệ thông tin tập trung và giao thông thông minh.',
        body: p('Nhà đầu tư được giới thiệu các cơ chế ưu đãi về đất đai, thuế và thủ tục hành chính một cửa.'),
      },
      en: {
        title: 'Investment promotion conference on digital infrastructure and smart city',
        summary: 'The city presented projects open to investors: data centres, an IT park and smart transport.',
        body: p('Investors were briefed on incentives for land, taxes and one-stop administrative procedures.'),
      },
      ja: {
        title: 'デジタルインフラとスマートシティへの投資促進会議',
        summary: 'データセンターやIT団地などの投資案件が紹介されました。',
        body: p('土地・税制の優遇措置が説明されました。'),
      },
      ko: {
        title: '디지털 인프라 및 스마트시티 투자 유치 회의',
        summary: '데이터센터, IT 단지, 스마트 교통 사업이 소개되었습니다.',
        body: p('토지 및 세제 혜택이 안내되었습니다.'),
      },
    },
  },
  {
    agency: 'so-van-hoa-the-thao',
    kind: 'photo_album',
    topic: 'du-lich-di-san-le-hoi',
    state: 'published',
    visibility: 'shared',
    date: '2026-03-28',
    place: 'Đàn Nam Giao, thành phố Huế',
    authors: ['Trần Minh Đức'],
    tags: ['Tế Nam Giao', 'ảnh báo chí'],
    photos: [
      {
        caption: { vi: 'Đoàn rước từ Hoàng thành đến đàn Nam Giao.', en: 'The procession from the Imperial City to the Nam Giao altar.' },
        alt: { vi: 'Đồi cây xanh và dòng sông dưới nắng sớm.', en: 'Green wooded hills and a river in the early sun.' },
      },
      {
        caption: { vi: 'Nghi thức tế lễ trên đàn Viên Khâu.', en: 'The ritual on the round Vien Khau terrace.' },
        alt: { vi: 'Bầu trời cam và mặt trời vàng trên đồi.', en: 'An orange sky and a yellow sun above the hills.' },
      },
    ],
    text: {
      vi: {
        title: 'Bộ ảnh báo chí: Tái hiện lễ tế Nam Giao',
        summary: 'Ảnh độ phân giải cao dành cho cơ quan báo chí sử dụng khi đưa tin, ghi rõ nguồn.',
        body: p('Lễ tế Nam Giao được tái hiện theo nghi thức triều Nguyễn với hơn 1.000 người tham gia.'),
      },
      en: {
        title: 'Press photos: re-enactment of the Nam Giao ceremony',
        summary: 'High-resolution photos for press use, with attribution.',
        body: p('The Nam Giao ceremony was re-enacted following Nguyen-dynasty ritual, with more than 1,000 participants.'),
      },
    },
  },
  {
    agency: 'so-van-hoa-the-thao',
    kind: 'news',
    topic: 'doi-ngoai-hop-tac-quoc-te',
    state: 'published',
    visibility: 'internal',
    date: '2026-09-01',
    place: 'Thành phố Huế',
    authors: ['Phòng Thông tin – Báo chí'],
    tags: ['phát ngôn', 'nội bộ'],
    text: {
      vi: {
        title: 'Danh sách đầu mối phát ngôn và cung cấp thông tin cho báo chí năm 2026',
        summary: 'Danh sách người phát ngôn của các sở, ngành, địa phương (sử dụng nội bộ).',
        body: p('Các cơ quan cập nhật khi có thay đổi người phát ngôn và gửi về đơn vị vận hành.'),
      },
    },
  },
  {
    agency: 'trung-tam-bao-ton-di-tich-co-do-hue',
    kind: 'video',
    topic: 'du-lich-di-san-le-hoi',
    state: 'submitted',
    date: '2026-10-20',
    place: 'Làng Tây Hồ, phường Phú Hồ',
    authors: ['Lê Thị Hoa', 'Võ Đình Khoa'],
    tags: ['nón lá', 'làng nghề', 'phóng sự'],
    text: {
      vi: {
        title: 'Phóng sự: Nghề làm nón bài thơ ở làng Tây Hồ',
        summary: 'Người làm nón bài thơ gìn giữ nghề truyền thống, đưa sản phẩm đến du khách quốc tế.',
        body: p('Mỗi chiếc nón bài thơ qua hơn 10 công đoạn, từ chọn lá, phơi sương, chằm nón đến lồng hình và thơ giữa hai lớp lá.'),
      },
      en: {
        title: 'Report: making poem conical hats in Tay Ho village',
        summary: 'Hat makers keep the tradition alive and bring their craft to international visitors.',
        body: p('Each poem hat takes more than ten steps, from choosing leaves to placing pictures and verses between two layers.'),
      },
    },
  },
  {
    agency: 'so-du-lich',
    kind: 'publication',
    topic: 'tiem-nang-dau-tu',
    state: 'approved-scheduled',
    date: '2026-11-20',
    place: 'Thành phố Huế',
    authors: ['Sở Du lịch'],
    tags: ['cẩm nang', 'đầu tư', 'du lịch'],
    text: {
      vi: {
        title: 'Cẩm nang đầu tư du lịch thành phố Huế 2027',
        summary: 'Ấn phẩm giới thiệu quỹ đất, dự án và chính sách ưu đãi đầu tư vào du lịch.',
        body: p('Cẩm nang gồm 5 phần: tổng quan, hạ tầng, danh mục dự án, chính sách, thủ tục và địa chỉ liên hệ.'),
      },
      en: {
        title: 'Hue tourism investment guide 2027',
        summary: 'A publication on land, projects and incentives for investment in tourism.',
        body: p('The guide has five parts: overview, infrastructure, project list, policies, procedures and contacts.'),
      },
    },
  },
  {
    agency: 'so-tai-chinh',
    kind: 'news',
    topic: 'kinh-te-xa-hoi',
    state: 'returned',
    date: '2026-10-10',
    place: 'Thành phố Huế',
    authors: ['Đặng Thu Trang'],
    tags: ['kinh tế', 'tăng trưởng'],
    text: {
      vi: {
        title: 'Kinh tế thành phố Huế 9 tháng năm 2026 tăng trưởng khá',
        summary: 'Tổng sản phẩm trên địa bàn tăng, thu ngân sách đạt kế hoạch.',
        body: p('Các ngành dịch vụ, du lịch đóng góp lớn vào tăng trưởng.'),
      },
    },
  },
  {
    agency: 'so-ngoai-vu',
    kind: 'news',
    topic: 'nguoi-viet-nam-o-nuoc-ngoai',
    state: 'draft',
    date: '2026-11-15',
    place: 'Thành phố Huế',
    authors: ['Phạm Quốc Bảo'],
    tags: ['kiều bào', 'Xuân quê hương'],
    text: {
      vi: {
        title: 'Chương trình Xuân quê hương 2027 dành cho kiều bào',
        summary: 'Thành phố chuẩn bị chương trình đón kiều bào về quê đón Tết.',
        body: p('Chương trình gồm gặp mặt, thăm di tích và giao lưu văn hóa.'),
      },
    },
  },
  {
    agency: 'so-du-lich',
    kind: 'news',
    topic: 'du-lich-di-san-le-hoi',
    state: 'unpublished',
    date: '2026-02-01',
    place: 'Bến Tòa Khâm, sông Hương',
    authors: ['Sở Du lịch'],
    tags: ['thông báo', 'thuyền rồng'],
    text: {
      vi: {
        title: 'Tạm dừng hoạt động thuyền du lịch trên sông Hương do mưa lũ',
        summary: 'Thông báo tạm dừng trong thời gian có cảnh báo lũ (đã hết hiệu lực).',
        body: p('Hoạt động thuyền du lịch đã trở lại bình thường sau khi hết cảnh báo.'),
      },
    },
  },
];

/** The demo account as the actor of a use case (as if signed in). */
export function actorFor(user: { id: string; agencyId: string; role: string; username: string }): Actor {
  const role = user.role as Role;
  return { kind: 'user', userId: user.id, agencyId: user.agencyId, role, label: user.username, via: 'session', scopes: ROLE_SCOPES[role] };
}

/** The PDF builder writes Latin-1 text only: Vietnamese without its accents, for the demo file. */
const asciiOf = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, ' ')
    .slice(0, 90);

const CHECKS = { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true };

/** Loads the demo items (skipped when any item exists). Returns how many language versions were made. */
export async function seedDemoContent(ctx: Context, operatorSlug: string): Promise<number> {
  const existing = await content.listWorkingVersions(ctx, { limit: 1 });
  if (existing.items.length) return 0;
  await content.ensureDefaultTopics(ctx);
  const topics = Object.fromEntries((await content.listTopics(ctx)).map((t) => [t.slug, t.id]));
  const appraiserUser = await accounts.findUserByLogin(ctx, operatorSlug);
  const appraiser: Context = { ...ctx, actor: actorFor(appraiserUser) };
  let versions = 0;
  for (const d of DEMO_ITEMS) {
    const authorUser = await accounts.findUserByLogin(ctx, d.agency);
    // The operator's account is an appraiser, who may also write.
    const author: Context = { ...ctx, actor: actorFor(authorUser) };
    const fileFacts = {
      authors: d.authors,
      copyrightHolder: authorUser.displayName,
      licence: d.visibility === 'internal' ? 'all-rights-reserved' : 'CC-BY-4.0',
      visibility: d.visibility ?? 'public',
      place: d.place,
      dateTaken: d.date,
    };
    const seed = DEMO_ITEMS.indexOf(d);
    const mediaRefs = d.photos
      ? await demoPhotos(author, seed, d.photos, fileFacts)
      : d.kind === 'video'
        ? [{ mediaId: await demoVideoFile(author, 'phong-su.mp4', { ...fileFacts, title: { vi: d.text.vi.title, en: d.text.en?.title ?? d.text.vi.title } }) }]
        : undefined;
    const fileId = d.document
      ? await demoDocumentFile(
          author,
          [
            asciiOf(d.text.vi.title),
            asciiOf(d.document.number ?? ''),
            ...d.text.vi.body
              .split('</p>')
              .map((x) => asciiOf(x.replace(/<[^>]+>/g, '')))
              .filter(Boolean),
          ],
          `${(d.document.number ?? 'van-ban').replace(/\//g, '-')}.pdf`,
          { ...fileFacts, title: { vi: d.text.vi.title } },
        )
      : undefined;
    const source = await content.createItem(author, {
      kind: d.kind,
      text: d.text.vi,
      metadata: {
        activityDate: d.date,
        authors: d.authors,
        topicIds: [topics[d.topic]],
        tags: d.tags,
        place: d.place,
        source: { type: 'own' },
        copyrightHolder: authorUser.displayName,
        licence: d.visibility === 'internal' ? 'all-rights-reserved' : 'CC-BY-4.0',
        visibility: d.visibility ?? 'public',
        ...(d.document ? { document: { ...d.document, fileId } } : {}),
        ...(mediaRefs ? { media: mediaRefs } : {}),
        ...(d.claim ? { claim: d.claim } : {}),
      },
    });
    versions++;
    const translations: string[] = [];
    for (const [lang, text] of Object.entries(d.text) as Array<[Lang, T]>) {
      if (lang === 'vi') continue;
      translations.push((await content.addTranslation(author, source.itemId, { language: lang, text })).id);
      versions++;
    }
    const all = [source.id, ...translations];
    if (d.state === 'draft') continue;
    for (const id of all) await content.submitForAppraisal(author, id, { declaration: { noStateSecrets: true } });
    if (d.state === 'submitted') continue;
    if (d.state === 'returned') {
      await content.returnToAuthor(appraiser, source.id, { comment: 'Đề nghị bổ sung số liệu cụ thể và nguồn số liệu (Cục Thống kê).' });
      continue;
    }
    if (d.state === 'approved-scheduled') {
      const at = new Date(ctx.clock.now().getTime() + 7 * 24 * 3600_000);
      for (const id of all) await content.approve(appraiser, id, { checklist: CHECKS, publishAt: at });
      continue;
    }
    for (const id of all) await content.approve(appraiser, id, { checklist: CHECKS });
    if (d.state === 'unpublished') await content.unpublish(appraiser, source.id);
  }
  return versions;
}
