// Demo clarification cases (Art. 4), so a newcomer's case board is not empty, opened in the order of
// their dates (references follow creation): one the DIC is working
// with a notified agency that answered on time and one that is overdue, one an agency opened that
// the DIC has not taken up yet, and one closed without publication. Made through the cases' own use
// cases, each step at its own moment (a clock set back), so deadlines, timelines and figures are real.
import { toLocalDate, type Clock } from '../core/clock.js';
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import * as cases from '../modules/cases/service.js';
import * as content from '../modules/content/service.js';
import { actorFor } from './demo-content.js';

const DAY = 24 * 3600_000;

/** Loads the demo cases (skipped when any case exists). */
export async function seedDemoCases(ctx: Context, operatorSlug: string): Promise<void> {
  const as = async (login: string) => {
    const user = await accounts.findUserByLogin(ctx, login);
    return { actor: actorFor(user), agencyId: user.agencyId };
  };
  const dic = await as(operatorSlug);
  if ((await cases.listCases({ ...ctx, actor: dic.actor }, { limit: 1 })).total > 0) return;
  const tourism = await as('so-du-lich');
  const monuments = await as('trung-tam-bao-ton-di-tich-co-do-hue');
  const ward = await as('ubnd-phuong-phu-xuan');
  const topics = Object.fromEntries((await content.listTopics(ctx)).map((t) => [t.slug, t.id]));
  const now = ctx.clock.now().getTime();
  /** the context of `actor`, `daysAgo` days (and `hours` hours) before now */
  const at = (who: typeof dic, daysAgo: number, hours = 0): Context => {
    const clock: Clock = { now: () => new Date(now - daysAgo * DAY + hours * 3600_000) };
    return { ...ctx, actor: who.actor, clock };
  };

  // 1. Closed without publication: the post was taken down before it spread.
  const closed = await cases.openCase(at(dic, 40), {
    title: 'Tin sai: giá vé thuyền rồng sông Hương tăng gấp ba',
    falseText: 'Giá vé thuyền rồng trên sông Hương tăng gấp ba từ tháng này.',
    severity: 'low',
    rating: 'misleading',
    languages: ['vi'],
    topicIds: [topics['du-lich-di-san-le-hoi']].filter(Boolean),
    sightings: [{ url: 'https://www.facebook.com/groups/demo-du-lich-hue/posts/2002', platform: 'Facebook', language: 'vi' }],
  });
  await cases.transitionCase(at(dic, 38), closed.id, 'close-without-publication', { reason: 'Bài đăng đã bị gỡ sau một giờ, không còn lan truyền.' });
  // 2. Worked by the DIC: the Monuments Centre answered on time, the Department of Tourism is overdue.
  const festival = await cases.openCase(at(dic, 10), {
    title: 'Tin sai: Đại Nội Huế đóng cửa suốt mùa lễ hội',
    falseText: 'Đại Nội Huế sẽ đóng cửa hoàn toàn với du khách trong suốt mùa lễ hội để phục vụ quay phim, vé đã bán sẽ không được hoàn tiền.',
    severity: 'high',
    rating: 'false',
    claimant: 'Trang Facebook "Huế Review 24h" (giả mạo trang du lịch)',
    languages: ['vi', 'en'],
    topicIds: [topics['du-lich-di-san-le-hoi']].filter(Boolean),
    firstSeenAt: new Date(now - 11 * DAY).toISOString(),
    reach: 38000,
    sightings: [
      {
        url: 'https://www.facebook.com/huereview24h/posts/demo-1001',
        platform: 'Facebook',
        language: 'vi',
        seenAt: new Date(now - 11 * DAY).toISOString(),
        reach: 30000,
      },
      {
        url: 'https://www.tiktok.com/@travel.vn.demo/video/7400000000000000001',
        platform: 'TikTok',
        language: 'en',
        seenAt: new Date(now - 10 * DAY).toISOString(),
        reach: 8000,
      },
    ],
    dossier: {
      situation: 'Bài đăng xuất hiện tối thứ Sáu, được chia sẻ lại trong nhiều nhóm du lịch; một video TikTok tiếng Anh lặp lại nội dung.',
      impact: 'Khách đã đặt tour gọi điện hỏi; một số hãng lữ hành nước ngoài tạm dừng bán vé tham quan.',
      facts: 'Đại Nội mở cửa bình thường; chỉ khu vực điện Thái Hòa tạm đóng hai buổi tối cho chương trình nghệ thuật.',
    },
  });
  await cases.notifyAgencies(at(dic, 10, 2), festival.id, {
    agencyIds: [monuments.agencyId, tourism.agencyId],
    message: 'Đề nghị cung cấp thông tin về lịch mở cửa Đại Nội và các khu vực tạm đóng trong mùa lễ hội.',
  });
  await cases.recordMaterial(at(monuments, 6), festival.id, monuments.agencyId, {
    note: 'Lịch mở cửa Đại Nội trong mùa lễ hội: mở cửa từ 7h00 đến 22h00; điện Thái Hòa tạm đóng tối 12 và 13 để tổ chức chương trình nghệ thuật.',
    links: ['https://hueworldheritage.org.vn/'],
  });
  await cases.addResponse(at(monuments, 5), festival.id, {
    form: 'agency_portal_post',
    date: toLocalDate(new Date(now - 5 * DAY)),
    links: ['https://hueworldheritage.org.vn/'],
    languages: ['vi', 'en'],
    note: 'Thông báo lịch mở cửa đăng trên cổng thông tin của Trung tâm.',
  });
  await cases.addSituationUpdate(at(dic, 4), festival.id, { text: 'Trang giả mạo đã xoá bài gốc sau khi được báo cáo; video TikTok vẫn còn.' });

  // 3. Opened by a ward, not yet taken up by the DIC.
  await cases.openCase(at(ward, 1), {
    title: 'Tin sai: cấm người đi bộ trên cầu Trường Tiền từ tháng sau',
    falseText: 'Từ tháng sau cầu Trường Tiền cấm hoàn toàn người đi bộ và xe đạp để sửa chữa.',
    severity: 'medium',
    languages: ['vi'],
    sightings: [{ url: 'https://zalo.me/demo-nhom-cu-dan-phu-xuan', platform: 'Zalo', language: 'vi' }],
  });
}
