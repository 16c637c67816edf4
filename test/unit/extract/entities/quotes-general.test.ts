import { describe, expect, it } from "vitest";
import { extractPeople } from "../../../../workers/extract/entities/people";
import { extractQuotes } from "../../../../workers/extract/entities/quotes";

const vi = { lang: "vi", published: "2025-06-12" };
const id = { lang: "id", published: "2025-06-12" };
const en = { lang: "en", published: "2025-06-12" };

function speakers(text: string, ctx: { lang: string; published: string | null }) {
  return extractQuotes(text, extractPeople(text, ctx), ctx).map((q) => [q.speaker, q.text.slice(0, 16)]);
}

describe("extractQuotes — speakers named before the quotation", () => {
  it("takes the name set off by commas before 'mengatakan:'", () => {
    const text =
      'Wakil Kepala Badan Statistik Hanoi, Nguyen Thi Thu Ha, mengatakan: "Pendorong utama pertumbuhan berasal dari sektor jasa."';
    expect(speakers(text, id)).toEqual([["Nguyen Thi Thu Ha", "Pendorong utama "]]);
  });

  it("takes the title set off by commas after the name in English", () => {
    const text =
      'Le Trung Hieu, Deputy Director of the Hanoi Department of Planning and Investment, said: "The city will keep its doors open to investors."';
    expect(speakers(text, en)).toEqual([["Le Trung Hieu", "The city will ke"]]);
  });

  it("does not take the next paragraph's subject as the speaker of a finished quotation", () => {
    const text =
      "Về phần mình, Thống đốc Tanaka Hiroshi bày tỏ: “Saitama có hơn 4.000 người Việt Nam đang sinh sống và làm việc.”\nÔng Tanaka cho biết tỉnh sẽ tổ chức lễ hội vào tháng 9.";
    expect(speakers(text, vi)).toEqual([["Tanaka Hiroshi", "Saitama có hơn 4"]]);
  });
});

describe("extractQuotes — short names resolved to the full name", () => {
  it("resolves a family name written first (Japanese, Korean) to the full name", () => {
    const text =
      "Thống đốc Tanaka Hiroshi dẫn đầu đoàn.\n“Chúng tôi mong muốn mở rộng hợp tác với Hà Nội trong nhiều lĩnh vực”, ông Tanaka nói.";
    expect(speakers(text, vi)).toEqual([["Tanaka Hiroshi", "Chúng tôi mong m"]]);
  });

  it("resolves a given name written last, in English and Indonesian", () => {
    const en1 =
      'Chairman of the Hanoi People\'s Committee Le Quang Vinh received the delegation. "Hanoi wants to learn from Paris in managing a historic inner city," Vinh told the guests.';
    expect(speakers(en1, en)).toEqual([["Le Quang Vinh", "Hanoi wants to l"]]);
    const id1 =
      'Wakil Kepala Badan Statistik Hanoi Nguyen Thi Thu Ha memaparkan data. "Semua sektor harus fokus mempercepat pencairan modal," tegas Ha.';
    expect(speakers(id1, id)).toEqual([["Nguyen Thi Thu Ha", "Semua sektor har"]]);
  });

  it("gives a pronoun to the person named last, even by a short name", () => {
    const text =
      'Chairman Le Quang Vinh met Deputy Mayor Anne-Claire Moreau. Vinh said ties were strong. Moreau said Paris valued the partnership. "Our two cities share a long history," she said.';
    expect(speakers(text, en)).toEqual([["Anne-Claire Moreau", "Our two cities s"]]);
  });

  it("resolves a later short name to a person named only beside an earlier quote", () => {
    const text =
      '"We will keep investing in Hanoi because the market grows," said Donna Smith. "The city is a good partner for us," Smith added.';
    expect(speakers(text, en)).toEqual([
      ["Donna Smith", "We will keep inv"],
      ["Donna Smith", "The city is a go"],
    ]);
  });

  it("gives an Indonesian pronoun after a quote to the person named before it", () => {
    const text =
      'Kepala Badan Koordinasi Penanaman Modal, Bahlil Lahadalia, mengatakan: "Investasi dari Korea Selatan terus meningkat." Ia menambahkan, modal baru akan masuk.';
    expect(speakers(text, id)).toEqual([["Bahlil Lahadalia", "Investasi dari K"]]);
  });

  it("does not turn a verb or a lower-case phrase after the name into part of the speaker", () => {
    const text = '"It was a gift to me," Smith agreed. "It made sense to all of us in the end," his aunt said.';
    expect(speakers(text, en).map(([s]) => s)).not.toContain("Smith agreed");
    expect(speakers(text, en).map(([s]) => s)).not.toContain("his aunt");
  });
});
