// Synthetic published items for benchmarks (`ttdn seed --items N`, bench/, tests at scale):
// Vietnamese-like text from a fixed vocabulary, deterministic, spread over five years. The text is
// made here; the content area writes it (`publishSyntheticBatch`, system actors only).
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';

const WORDS = (
  'thành phố Huế sông Hương Đại Nội Kinh thành lăng tẩm chùa Thiên Mụ cầu Trường Tiền Ngọ Môn du lịch di sản văn hóa lễ hội Festival ' +
  'đối ngoại hợp tác quốc tế đầu tư kinh tế xã hội giáo dục y tế giao thông nông nghiệp môi trường thể thao khoa học công nghệ chuyển đổi số ' +
  'người dân du khách doanh nghiệp chính quyền phường xã sở ban ngành hội nghị hội thảo triển lãm kế hoạch chương trình dự án phát triển bền vững ' +
  'bảo tồn trùng tu nhã nhạc cung đình ẩm thực áo dài nón lá làng nghề đầm phá Tam Giang biển Thuận An Chân Mây Lăng Cô Bạch Mã A Lưới ' +
  'năm tháng ngày tăng trưởng thu hút khách quốc tế Nhật Bản Hàn Quốc Pháp Lào Thái Lan Hoa Kỳ Đức ký kết ghi nhớ thỏa thuận tổ chức ' +
  'thông tin truyền thông báo chí phát ngôn làm rõ sai lệch hình ảnh quảng bá cơ sở dữ liệu cập nhật công bố thẩm định chia sẻ khai thác ' +
  'mùa xuân mùa hè mùa thu mùa đông mưa lũ nắng nóng đêm nghệ thuật biểu diễn âm nhạc hội họa nhiếp ảnh phim tài liệu sách ấn phẩm'
).split(' ');
// Names and acronyms are what make a query rare once accents are gone (notes/search-calibration.md).
const RARE_SEEDS = ['Kuma', 'Kana', 'Gyeo', 'Blo', 'Luang', 'Siem', 'Osa', 'Nago', 'Busa', 'Lyo', 'Tou', 'Chiang', 'Vien', 'Pakse'];
const RARE = ['Kumamoto', 'Kanazawa', 'Gyeongju', 'Blois', 'JICA', 'KOICA', ...RARE_SEEDS.flatMap((s) => Array.from({ length: 150 }, (_, i) => `${s}${i}`))];

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function sentence(r: () => number, n: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r() < 0.003 ? RARE[Math.floor(r() * RARE.length)] : WORDS[Math.floor(Math.pow(r(), 1.6) * WORDS.length)]);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

export async function seedSyntheticItems(ctx: Context, count: number, onProgress?: (done: number, total: number) => void): Promise<number> {
  const agencies = (await accounts.listAgencies(ctx, {})).filter((a) => a.functions.includes('contribute')).map((a) => a.id);
  const topics = (await content.listTopics(ctx, {})).map((t) => t.id);
  if (!agencies.length || !topics.length) throw new Error('seed the demo agencies and topics first');
  const r = rng(count * 7919 + 17);
  const end = ctx.clock.now().getTime();
  const span = 5 * 365 * 86_400_000;
  const batchSize = 1000;
  let done = 0;
  while (done < count) {
    const n = Math.min(batchSize, count - done);
    const batch: content.Prepared[] = [];
    const dates: Date[] = [];
    for (let i = 0; i < n; i++) {
      const published = new Date(end - Math.floor(r() * span));
      dates.push(published);
      const english = r() < 0.2;
      const text = english
        ? { title: `Hue news ${done + i}: ${sentence(r, 8)}`, summary: sentence(r, 25), body: `<p>${sentence(r, 120)}</p><p>${sentence(r, 120)}</p>` }
        : { title: sentence(r, 14), summary: sentence(r, 38), body: `<p>${sentence(r, 170)}</p><p>${sentence(r, 170)}</p>` };
      batch.push({
        agencyId: agencies[Math.floor(r() * agencies.length)],
        kind: content.KINDS[Math.floor(r() * 6)],
        language: english ? 'en' : 'vi',
        text,
        metadata: {
          activityDate: published.toISOString().slice(0, 10),
          authors: ['Ban biên tập'],
          topicIds: [topics[Math.floor(r() * topics.length)]],
          tags: ['synthetic'],
          place: 'Thành phố Huế',
          source: { type: 'own' },
          copyrightHolder: 'TTDN',
          licence: 'CC-BY-4.0',
          visibility: r() < 0.85 ? 'public' : r() < 0.5 ? 'shared' : 'internal',
        },
        translations: [],
      });
    }
    await content.publishSyntheticBatch(ctx, batch, dates);
    done += n;
    onProgress?.(done, count);
  }
  return done;
}
