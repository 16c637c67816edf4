import { describe, expect, it } from "vitest";
import { readHtmlPage } from "../../../../workers/extract/page/read-page";

const P1 =
  "Chiều 11/12, lãnh đạo Ủy ban nhân dân thành phố Hà Nội đã có buổi làm việc với Trưởng đoàn Cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2024-2027, bàn về thu hút đầu tư.";
const P2 =
  "Theo Phó Giám đốc Sở Kế hoạch và Đầu tư Lê Trung Hiếu, trong năm 2024, thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước, tăng mạnh so với cùng kỳ.";
const P3 =
  "Hà Nội tiếp tục đẩy mạnh thu hút nguồn đầu tư từ các đối tác trọng điểm như Nhật Bản, Hàn Quốc, Singapore, Mỹ và Liên minh châu Âu, đồng thời xúc tiến đầu tư vào công nghệ cao.";

function page(body: string, head = ""): string {
  return `<!doctype html><html lang="vi"><head><title>Hà Nội đặt trọng tâm thu hút đầu tư - Thời báo Thủ Đô</title>${head}</head><body>${body}</body></html>`;
}

const NAV = `<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Thời sự</a></li><li><a href="/kt">Kinh tế</a></li><li><a href="/dn">Đối ngoại</a></li></ul></nav></header>`;

describe("readHtmlPage main text", () => {
  it("keeps the article paragraphs in order and drops the navigation", () => {
    const html = page(
      `${NAV}<main><article><h1>Hà Nội đặt trọng tâm thu hút đầu tư</h1><div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article></main>`,
    );
    const { text } = readHtmlPage(html, null);
    expect(text).toBe([P1, P2, P3].join("\n"));
  });

  it("drops a related-articles box and its teaser figures after 'Nên xem'", () => {
    const teasers = `<section class="related"><h2>Nên xem</h2><ul>
      <li><a href="/a">Năm 2024: Quận Thanh Xuân thu ngân sách ước đạt 108,91%</a><p>(LĐTĐ) Năm 2025, quận Thanh Xuân phấn đấu tốc độ tăng giá trị sản xuất đạt 8,8%.</p></li>
      <li><a href="/b">97 đề tài tham dự Cuộc thi Khoa học, kỹ thuật cấp Thành phố</a><p>(LĐTĐ) 97 đề tài xuất sắc nhất đã được chọn tham dự cuộc thi năm học 2024 - 2025.</p></li></ul></section>`;
    const html = page(`${NAV}<article><div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${teasers}</article>`);
    const { text } = readHtmlPage(html, null);
    expect(text).toContain(P2);
    expect(text).not.toContain("108,91%");
    expect(text).not.toContain("97 đề tài");
    expect(text).not.toContain("Nên xem");
  });

  it("drops a comment form with its prompts", () => {
    const comments = `<section class="comments" id="comments"><h2>Trả lời</h2><form class="comment-form"><p class="comment-notes">Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *</p><label>Bình luận *<textarea></textarea></label><button>Gửi bình luận</button></form></section>`;
    const html = page(`<article><div class="entry-content"><p>${P1}</p><p>${P2}</p></div>${comments}</article>`);
    const { text } = readHtmlPage(html, null);
    expect(text).toBe([P1, P2].join("\n"));
  });

  it("turns a byline into the author instead of text", () => {
    const html = page(
      `<article><h1>Tiêu đề</h1><p class="byline">By Ngân Phương</p><div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`,
    );
    const out = readHtmlPage(html, null);
    expect(out.author).toBe("Ngân Phương");
    expect(out.text).not.toContain("Ngân Phương");
  });

  it("reads a trailing reporter line as the author (VnExpress style)", () => {
    const html = page(
      `<article class="fck_detail"><p class="Normal">${P1}</p><p class="Normal">${P2}</p><p class="Normal" style="text-align:right;"><strong>Lê Phương</strong></p></article>`,
    );
    const out = readHtmlPage(html, null);
    expect(out.author).toBe("Lê Phương");
    expect(out.text.endsWith("cùng kỳ.")).toBe(true);
  });

  it("splits <br>-separated text into lines and keeps sub-headings and list items", () => {
    const html = page(
      `<div id="content"><div class="post">${P1}<br><br>${P2}<h2>Những con số khởi sắc</h2><ul><li>Tổng thu ngân sách ước đạt 120,5% dự toán, khoảng 500.000 tỷ đồng.</li><li>Kim ngạch xuất nhập khẩu đạt 19,4 tỷ USD, tăng 16,7%.</li></ul><p>${P3}</p></div></div>`,
    );
    const lines = readHtmlPage(html, null).text.split("\n");
    expect(lines).toEqual([
      P1,
      P2,
      "Những con số khởi sắc",
      "Tổng thu ngân sách ước đạt 120,5% dự toán, khoảng 500.000 tỷ đồng.",
      "Kim ngạch xuất nhập khẩu đạt 19,4 tỷ USD, tăng 16,7%.",
      P3,
    ]);
  });

  it("removes ad markers, share bars and hidden blocks inside the article", () => {
    const html = page(
      `<article><div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div><div class="detail-content"><p>${P1}</p><p>[iklan_2]</p><p style="display:none">Nội dung ẩn không phải bài viết, không được đọc vào văn bản chính của trang.</p><p>${P2}</p></div></article>`,
    );
    const { text } = readHtmlPage(html, null);
    expect(text).toBe([P1, P2].join("\n"));
  });

  it("drops an inline 'Baca juga:' teaser line in an Indonesian article", () => {
    const a =
      "Pada sore hari tanggal 11 Desember, para pemimpin Komite Rakyat Hanoi mengadakan sesi kerja dengan Kepala Delegasi Badan Perwakilan Vietnam.";
    const b =
      "Kota ini menarik modal FDI terdaftar sebesar 2.067 juta dolar AS, menempati peringkat ke-5 di negara ini, menurut laporan tersebut.";
    const html = page(
      `<div class="read__content"><p>${a}</p><p><strong>Baca juga: <a href="/x">Harga emas naik 3 persen hari ini</a></strong></p><p>${b}</p><p>Sumber: https://kinhtedothi.vn/ha-noi.html</p></div>`,
    );
    const out = readHtmlPage(html, null);
    expect(out.text).toBe([a, b].join("\n"));
    expect(out.source).toBe("https://kinhtedothi.vn/ha-noi.html");
  });

  it("keeps the story going after a mid-article 'Read more' box whose links are gone", () => {
    const story = [
      P1,
      P2,
      P3,
      "Giám đốc Sở Ngoại vụ Hà Nội Ngô Minh Hoàng cho biết thành phố đã đón 12 đoàn lãnh đạo cấp cao thăm chính thức Việt Nam trong năm.",
    ];
    const box = `<div class="inline-box"><h3>Read more</h3><ul><li><a href="/x">Hà Nội ghi nhận thêm 258 trường hợp mắc sốt xuất huyết</a></li><li><a href="/y">Quận Thanh Xuân thu ngân sách ước đạt 108,91%</a></li></ul></div>`;
    const html = page(
      `<article><div class="body-text"><p>${story[0]}</p><p>${story[1]}</p>${box}<p>${story[2]}</p><p>${story[3]}</p></div></article>`,
    );
    const { text } = readHtmlPage(html, null);
    expect(text).toBe(story.join("\n"));
  });

  it("keeps a name whose hover card (picture and links) sits inside the sentence", () => {
    const card = `<span class="person"><a href="/p/1">Nguyễn Mạnh Quyền</a><span class="card"><img src="a.jpg"><a href="/a">Bài viết một về lãnh đạo</a> <a href="/b">Bài viết hai về lãnh đạo</a></span></span>`;
    const html = page(
      `<article><div class="content"><p>Phó Chủ tịch UBND TP ${card} cho biết thành phố sẽ tiếp tục thu hút đầu tư từ các đối tác trọng điểm.</p><p>${P2}</p><p>${P3}</p></div></article>`,
    );
    const { text } = readHtmlPage(html, null);
    expect(text.split("\n")[0]).toBe(
      "Phó Chủ tịch UBND TP Nguyễn Mạnh Quyền cho biết thành phố sẽ tiếp tục thu hút đầu tư từ các đối tác trọng điểm.",
    );
  });

  it("reads paragraphs wrapped one by one in deep div stacks with ad slots between them", () => {
    const paras = [
      P1,
      P2,
      P3,
      "Thành phố cũng mở rộng hợp tác với các địa phương mới ở châu Mỹ, châu Phi và khu vực Trung Đông, theo báo cáo của Sở Ngoại vụ.",
    ];
    const wrapped = paras
      .map(
        (p) => `<div class="x1"><div class="x2"><div><div><p>${p}</p></div></div></div></div><div class="x3"><div data-ad="1"></div></div>`,
      )
      .join("");
    const html = page(
      `${NAV}<div class="page"><div class="col">${wrapped}</div><div class="rail"><ul><li><a href="/1">Tin một</a></li></ul></div></div>`,
    );
    expect(readHtmlPage(html, null).text).toBe(paras.join("\n"));
  });

  it("joins article parts that share the body's class across the page", () => {
    const part = (ps: string[]) => `<div class="rich-text-body">${ps.map((p) => `<p>${p}</p>`).join("")}</div>`;
    const html = page(
      `<article><section>${part([P1, P2])}</section><aside class="newsletter">Đăng ký nhận bản tin</aside><section><div>${part([P3])}</div></section></article>`,
    );
    expect(readHtmlPage(html, null).text).toBe([P1, P2, P3].join("\n"));
  });
});

describe("readHtmlPage tables", () => {
  it("keeps each row of a data table on one line with its label", () => {
    const table = `<table><tr><th>Chỉ tiêu</th><th>Năm 2024</th><th>Tăng</th></tr><tr><td>Xuất khẩu</td><td>19,4 tỷ USD</td><td>16,7%</td></tr><tr><td>Vốn FDI đăng ký</td><td>2.067 triệu USD</td><td>5,2%</td></tr></table>`;
    const intro =
      "Theo báo cáo của Sở Kế hoạch và Đầu tư, các chỉ tiêu kinh tế chủ yếu của thành phố Hà Nội trong năm 2024 như sau, đều tăng so với cùng kỳ.";
    const html = `<html><body><article><div class="content"><p>${intro}</p>${table}<p>${intro}</p></div></article></body></html>`;
    const lines = readHtmlPage(html, null).text.split("\n");
    expect(lines).toContain("Xuất khẩu | 19,4 tỷ USD | 16,7%");
    expect(lines).toContain("Vốn FDI đăng ký | 2.067 triệu USD | 5,2%");
  });
});
