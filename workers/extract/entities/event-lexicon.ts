/**
 * Words that make or unmake an event in Vietnamese, Indonesian and English: the head nouns of event
 * names, the nouns that stand before or after a quoted name, and the cues of a deadline or a venue.
 */

/** Head nouns that open an event's name in Vietnamese and Indonesian ("Hội nghị …", "Sidang ke-20 …"). */
export const HEADS_FIRST = [
  "Hội nghị thượng đỉnh",
  "Hội nghị cấp cao",
  "Hội nghị",
  "Hội thảo",
  "Diễn đàn",
  "Lễ hội",
  "Triển lãm",
  "Hội chợ",
  "Liên hoan",
  "Tọa đàm",
  "Đại hội",
  "Kỳ họp",
  "Phiên họp",
  "Tuần lễ",
  "Tuần hàng",
  "Ngày hội",
  "Hội sách",
  "Hội báo",
  "Hội thi",
  "Hội diễn",
  "Lễ kỷ niệm",
  "Cuộc thi",
  "Phiên chợ",
  "Festival",
  "Expo",
  "Konferensi Tingkat Tinggi",
  "KTT",
  "Konferensi",
  "Pertemuan Puncak",
  "Pertemuan Tingkat Tinggi",
  "Pertemuan",
  "Sidang",
  "Rapat",
  "Musyawarah",
  "Konvensi",
  "Forum",
  "Pameran",
  "Pekan Raya",
  "Pekan",
  "Seminar",
  "Lokakarya",
  "Simposium",
  "Kongres",
  "Dialog",
  "Lomba",
  "Bazar",
];

/** Nouns that close an event's name in English ("the 12th … Conference", "US-North Korea summit"). */
export const HEADS_LAST = [
  "Summit",
  "Conference",
  "Forum",
  "Festival",
  "Fest",
  "Fair",
  "Expo",
  "Mart",
  "Exhibition",
  "Seminar",
  "Workshop",
  "Symposium",
  "Congress",
  "Convention",
  "Dialogue",
  "Roundtable",
  "Games",
  "Week",
  "Meeting",
  "Session",
  "Plenum",
  "Talks",
  "Days",
  "Contest",
  "Competition",
  "Marathon",
  "Tournament",
  "Championships",
  "Carnival",
  "Gala",
  "Bazaar",
];

/**
 * English heads also met in lower case after a specific modifier ("the second US-North Korea summit",
 * "the 20th session of the Hanoi People's Council", "the Hanoi tourism gift contest").
 */
export const HEADS_LAST_LOWER = [
  "summit",
  "conference",
  "forum",
  "festival",
  "fair",
  "expo",
  "exhibition",
  "session",
  "plenum",
  "meeting",
  "contest",
  "competition",
];

/**
 * English heads that are also institutions ("US Congress", "Library of Congress", "Students for Fair
 * Admissions"): an event only with an ordinal or a year ("the 13th National Party Congress").
 */
export const HEADS_NEED_NUMBER = new Set(["Congress", "Fair", "Convention", "Games"]);

/**
 * Event nouns in lower case: after a quoted name they make it an event's name ('the "Paris – Hanoi Days"
 * festival'), and before one in Vietnamese and Indonesian ('lễ hội “Hà Nội – Paris”', 'pameran "X"').
 */
export const EVENT_NOUN =
  "festival|fair|expo|exhibition|conference|forum|summit|seminar|workshop|symposium|week|days|games|contest|competition|" +
  "lễ hội|hội chợ|triển lãm|hội nghị|hội thảo|diễn đàn|tuần lễ|ngày hội|liên hoan|cuộc thi|hội thi|tọa đàm|" +
  "pameran|konferensi|pekan|lomba|seminar|lokakarya|sidang|pertemuan";

/**
 * Nouns that may stand for an event or for something else ("chương trình" is also a policy, "sự kiện" any
 * happening): their quoted name is an event only when the sentence says it takes place on a day.
 */
export const WEAK_EVENT_NOUN = "chuỗi sự kiện|sự kiện|chương trình|acara|gelaran|program|event";

/** "diễn ra", "được tổ chức", "berlangsung", "takes place": the sentence tells when something happens. */
export const OCCURS =
  /(?:diễn ra|tổ chức|khai mạc|bế mạc|kéo dài|berlangsung|digelar|diadakan|diselenggarakan|dibuka|take[sn]? place|took place|held|opens?|opened|runs?|kicks? off|scheduled)/iu;

/** 'mang tên “…”', 'bertajuk "…"', 'titled "…"': the quoted words that follow are the name. */
export const NAMED_BEFORE =
  /(?:mang tên|có tên(?: gọi)?|với tên gọi|tên gọi|tên là|bertajuk|berjudul|bernama|bertema|titled|entitled|named|called|dubbed),?\s*$/iu;

/** 'có chủ đề “…”', 'themed "…"': the quoted words are a theme or a slogan, not the name. */
export const THEME_WORD = /(?:chủ đề|thông điệp|khẩu hiệu|slogan|tema|themed?|motto)/iu;

/**
 * Words right before a day that make it a deadline, not an event's day: "nộp trước ngày 30/10",
 * "chậm nhất ngày", "no later than October 1", "paling lambat 1 Oktober", "registration closes on".
 */
export const DEADLINE_BEFORE =
  /(?<![\p{L}\p{M}])(?:trước|chậm nhất|muộn nhất|hạn(?: chót| cuối)?(?: là| đến)?|đến hết|hết hạn|before|by|no later than|deadline(?: is| of)?|closes?(?: on)?|paling lambat|sebelum|batas(?: waktu| akhir)?|ditutup(?: pada)?)\s*(?:ngày|on|pada|tanggal|the)?\s*$/iu;

/** A deadline's subject ("đăng ký", "registration", "pendaftaran") makes a closing day a deadline too. */
export const DEADLINE_SUBJECT =
  /(?:đăng ký|nộp hồ sơ|hồ sơ|hạn chót|hạn cuối|thời hạn|registration|register|applications?|submissions?|deadline|pendaftaran|mendaftar|batas waktu)/iu;

/** "Trung tâm Hội nghị Quốc gia", "Cung Triển lãm", "Gedung …": a building named after an event noun. */
export const VENUE_BEFORE = /(?:[Tt]rung tâm|Cung|Nhà|Khu|Sân|Gedung|Balai|Pusat)(?:\s+[\p{L}\p{M}]+){0,3}\s+$/u;

/** "the Exhibition Center", "Conference Hall": the head names a building, not an event. */
export const VENUE_AFTER =
  /^\s+(?:(?:and|&)\s+\p{Lu}[\p{L}]+\s+)?(?:Cent(?:er|re)|Hall|Palace|Building|Complex|Grounds?|Arena|Stadium|Venue|Hotel|Room|[Cc]ent(?:er|re)s?|hall|venue|organi[sz](?:ers?|ing)|secretariat|committee|board)(?![\p{L}])/u;
