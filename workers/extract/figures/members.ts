import { findCountryMentions } from "../entities/countries";
import { longestOfPattern } from "../text/any-of";
import { lazy } from "../text/lazy";
import type { PartDimension } from "../types";

/**
 * The words that name a slice of a total (EXTRACT.md "Roles"): sectors of ownership, branches of the
 * economy, components (new / added / share-purchase capital, international / domestic visitors, kinds of
 * retail and budget revenue), commodity groups and markets. Each phrase names its dimension, its member
 * and the totals it can divide (by the family's base metric): "khu vực FDI" divides exports but not FDI,
 * "cấp mới" divides FDI capital but not exports.
 *
 * Phrases are folded (lower case, no diacritics), as the sentence is matched folded. A phrase with no
 * dimension blocks the shorter phrases inside it: "tổng mức bán lẻ hàng hóa" is the retail total, so
 * "bán lẻ hàng hóa" inside it names no component.
 */

export type Family =
  | "exports"
  | "imports"
  | "trade_turnover"
  | "fdi_registered"
  | "tourists"
  | "tourism_revenue"
  | "retail_sales"
  | "budget_revenue"
  | "grdp"
  | "social_investment";

interface Entry {
  dimension: PartDimension | null;
  member: string;
  families: readonly Family[];
  /** Only in text of this language (folded Vietnamese syllables are English words: "go", "gao"). */
  lang?: string;
  /** A market named without a country: it needs a market context like a country does. */
  region?: boolean;
}

const TRADE: readonly Family[] = ["exports", "imports", "trade_turnover"];
const SECTOR_OF: readonly Family[] = ["exports", "imports", "trade_turnover", "social_investment", "budget_revenue", "retail_sales"];
const VISITORS: readonly Family[] = ["tourists", "tourism_revenue"];
const PARTNERS: readonly Family[] = ["exports", "imports", "trade_turnover", "fdi_registered", "tourists", "tourism_revenue"];

const SEPARATORS = /[\s,\-–/()]+/;
/** A phrase's words joined by one space: separators (spaces, commas, hyphens, slashes) do not matter. */
const words = (p: string) => p.split(SEPARATORS).filter(Boolean).join(" ");

/** Adds phrases ("a|b|c", folded) for one member; a phrase added before keeps its member. */
type Add = (dimension: PartDimension | null, member: string, families: readonly Family[], phrases: string, extra?: Partial<Entry>) => void;

/** Every phrase (its words joined by one space) and what it names; built on first use, in the order below. */
const ENTRIES = lazy(() => {
  const entries = new Map<string, Entry>();
  const add: Add = (dimension, member, families, phrases, extra = {}) => {
    for (const p of phrases.split("|")) {
      const key = words(p);
      if (key && !entries.has(key)) entries.set(key, { dimension, member, families, ...extra });
    }
  };
  addSectors(add);
  addBranches(add);
  addCapitalAndVisitors(add);
  addRetail(add);
  addBudget(add);
  addProducts(add);
  addRegions(add);
  // The longer phrases that are totals or names block the phrases inside them.
  for (const p of TOTALS) entries.set(words(p), { dimension: null, member: "", families: [] });
  return entries;
});

// ——— sectors of ownership ———
function addSectors(add: Add): void {
  add(
    "sector",
    "fdi",
    SECTOR_OF,
    "khu vuc fdi|khu vuc co von dau tu nuoc ngoai|khu vuc co von dau tu truc tiep nuoc ngoai|khu vuc von dau tu nuoc ngoai|khu vuc dau tu nuoc ngoai|" +
      "khu vuc kinh te co von dau tu nuoc ngoai|doanh nghiep fdi|cac doanh nghiep fdi|khoi fdi|khoi doanh nghiep fdi|" +
      "doanh nghiep co von dau tu nuoc ngoai|doanh nghiep von dau tu nuoc ngoai|fdi sector|the fdi sector|fdi enterprises|fdi firms|" +
      "fdi companies|foreign-invested sector|foreign invested sector|foreign-invested enterprises|foreign invested enterprises|" +
      "foreign-invested firms|foreign-invested companies|foreign-invested businesses|fdi-sector|sektor pma|perusahaan pma|sektor fdi|perusahaan fdi|" +
      "foreign direct investment enterprises|foreign direct investment fdi enterprises|foreign direct investment (fdi) enterprises|" +
      "foreign direct investment sector|foreign-invested|khoi doanh nghiep co von dau tu truc tiep nuoc ngoai|khoi doanh nghiep co von dau tu nuoc ngoai|" +
      "doanh nghiep co von dau tu truc tiep nuoc ngoai|khoi fdi|khu vuc doanh nghiep fdi|foreign direct invested firms|foreign direct invested enterprises|foreign direct invested companies|foreign direct-invested firms|foreign direct-invested enterprises|foreign direct invested sector|khu vuc doanh nghiep co von dau tu nuoc ngoai|perusahaan penanaman modal asing",
  );
  add(
    "sector",
    "domestic",
    SECTOR_OF,
    "khu vuc kinh te trong nuoc|khu vuc trong nuoc|doanh nghiep trong nuoc|cac doanh nghiep trong nuoc|doanh nghiep co von dau tu trong nuoc|" +
      "khu vuc co von dau tu trong nuoc|khoi doanh nghiep trong nuoc|domestic sector|the domestic sector|domestic enterprises|domestic firms|" +
      "domestic companies|domestic businesses|domestically-invested|domestic-invested|sektor domestik|perusahaan domestik|perusahaan dalam negeri",
  );
  add(
    "sector",
    "state",
    SECTOR_OF,
    "khu vuc nha nuoc|khu vuc kinh te nha nuoc|doanh nghiep nha nuoc|khu vuc doanh nghiep nha nuoc|von nha nuoc|von khu vuc nha nuoc|state sector|the state sector|" +
      "state-owned enterprises|state-owned firms|state-owned sector|state capital|state-run business sector|state-run sector|" +
      "state-run enterprises|state-run businesses|state-owned business sector|sektor negara|bumn",
  );
  add(
    "sector",
    "private",
    SECTOR_OF,
    "khu vuc ngoai nha nuoc|von ngoai nha nuoc|kinh te ngoai nha nuoc|khu vuc kinh te ngoai nha nuoc|khu vuc tu nhan|kinh te tu nhan|" +
      "doanh nghiep tu nhan|doanh nghiep ngoai nha nuoc|khu vuc doanh nghiep ngoai nha nuoc|khu vuc dan doanh|private sector|the private sector|non-state sector|non-state|non state sector|private capital|" +
      "sektor swasta|swasta",
  );
}

// ——— branches of the economy (within GRDP and its growth) ———
const ECONOMY: readonly Family[] = ["grdp"];
function addBranches(add: Add): void {
  add(
    "industry",
    "agriculture",
    ECONOMY,
    "nong, lam nghiep va thuy san|nong lam nghiep va thuy san|nong, lam, ngu nghiep|nong lam ngu nghiep|nong, lam, thuy san|nong lam thuy san|" +
      "khu vuc nong nghiep|nganh nong nghiep|khu vuc i|agriculture, forestry and fisheries|agriculture, forestry and fishery|" +
      "agriculture, forestry and fishing|agricultural sector|agriculture sector|the agriculture sector|farm sector|agriculture|" +
      "sektor pertanian|pertanian, kehutanan dan perikanan|pertanian, kehutanan, dan perikanan|pertanian|" +
      "sektor pertanian, kehutanan dan perikanan|sektor pertanian, kehutanan, dan perikanan|nong nghiep|" +
      "agro-forestry-fishery|agro-fishery-forestry|agriculture-forestry-fishery|agriculture-forestry-fisheries|agro-forestry-fisheries|" +
      "agro-forestry-fishery sector|agriculture, forestry and fishing|farming, forestry and fishery",
  );
  add(
    "industry",
    "industry-construction",
    ECONOMY,
    "cong nghiep va xay dung|cong nghiep - xay dung|cong nghiep, xay dung|cong nghiep-xay dung|khu vuc cong nghiep va xay dung|" +
      "khu vuc cong nghiep - xay dung|khu vuc ii|industry and construction|industrial and construction|industry-construction|" +
      "industry and construction sector|industries and construction|industrial sector-construction|industry-construction sector|" +
      "industrial and construction sector|sektor industri dan konstruksi|industri dan konstruksi|sektor industri dan pembangunan|industri dan pembangunan",
  );
  add(
    "industry",
    "industry",
    ECONOMY,
    "khu vuc cong nghiep|nganh cong nghiep|cong nghiep|industrial sector|the industrial sector|industry sector|sektor industri|industri",
  );
  add(
    "industry",
    "construction",
    ECONOMY,
    "nganh xay dung|xay dung|construction industry|construction sector|construction|sektor konstruksi|konstruksi",
  );
  add(
    "industry",
    "services",
    ECONOMY,
    "khu vuc dich vu|nganh dich vu|dich vu|khu vuc iii|service sector|services sector|the service sector|the services sector|services|" +
      "sektor jasa|jasa-jasa|jasa",
  );
  add(
    "industry",
    "product-taxes",
    ECONOMY,
    "thue san pham tru tro cap san pham|thue san pham tru tro cap|thue san pham|product taxes less subsidies|taxes less subsidies on products|" +
      "product taxes|product tax|taxes on products|pajak dikurangi subsidi atas produk|pajak produk",
  );
}

// ——— components ———
const FDI: readonly Family[] = ["fdi_registered"];
function addCapitalAndVisitors(add: Add): void {
  add(
    "component",
    "new",
    FDI,
    "cap moi|dang ky moi|du an moi|du an fdi moi|du an fdi cap moi|du an dau tu moi|du an dau tu nuoc ngoai moi|cap phep moi|du an cap moi|von dang ky cap moi|new projects|new fdi projects|newly registered|" +
      "newly licensed|newly-licensed|newly-registered|new investment projects|new registrations|new registration|proyek baru|proyek fdi baru|pendaftaran baru",
  );
  add(
    "component",
    "added",
    FDI,
    "dieu chinh von|dieu chinh tang von|tang von|von tang them|von dang ky tang them|von dang ky dieu chinh|von dieu chinh|bo sung von|" +
      "existing projects|existing fdi projects|additional capital|capital increase|capital increases|capital adjustment|adjusted capital|" +
      "increase their investment capital|increase their capital|increasing capital|increased capital|added capital|expanded capital|" +
      "tambahan modal|penambahan modal|modal tambahan|peningkatan modal|menambah modal|capital increment|raised their capital|" +
      "dieu chinh tang von dau tu|bo sung tang von|bo sung tang von dau tu|tang von dau tu",
  );
  add(
    "component",
    "shares",
    FDI,
    "gop von, mua co phan|gop von mua co phan|gop von|mua co phan|von gop|mua lai phan von gop|capital contribution|capital contributions|" +
      "share purchase|share purchases|purchasing shares|purchase of shares|share buying|buying shares|share acquisitions|" +
      "contributing capital|contributed capital|contribute capital|purchased shares|purchase shares|bought shares|buy shares|bought stakes|pembelian saham|penyertaan modal|kontribusi modal|membeli saham|beli saham|mua phan co phan|mua lai co phan|" +
      "gop von, mua phan co phan|share acquisition|stake purchases",
  );
  add(
    "component",
    "international",
    VISITORS,
    "khach quoc te|khach nuoc ngoai|du khach quoc te|du khach nuoc ngoai|khach du lich quoc te|khach du lich nuoc ngoai|luot khach quoc te|" +
      "international visitors|international tourists|international arrivals|international visitor arrivals|international tourist arrivals|" +
      "foreign visitors|foreign tourists|foreign arrivals|foreign visitor arrivals|foreigners|overseas visitors|" +
      "wisatawan mancanegara|wisman|turis asing|wisatawan asing|pelancong asing|kunjungan wisman|turis mancanegara|" +
      "pengunjung internasional|pengunjung asing|pengunjung mancanegara|wisatawan internasional|kunjungan internasional",
  );
  add(
    "component",
    "domestic",
    VISITORS,
    "khach noi dia|khach trong nuoc|du khach noi dia|du khach trong nuoc|khach du lich noi dia|khach du lich trong nuoc|luot khach noi dia|" +
      "domestic visitors|domestic tourists|domestic travellers|domestic travelers|domestic holidaymakers|local visitors|local tourists|" +
      "wisatawan nusantara|wisnus|wisatawan domestik|wisatawan lokal|turis domestik|turis lokal|pengunjung domestik|pengunjung lokal|wisatawan dalam negeri",
  );
  add("component", "air", ["tourists"], "duong hang khong|bang duong hang khong|by air|via air|jalur udara|melalui udara");
  add("component", "road", ["tourists"], "duong bo|bang duong bo|by road|by land|via land|jalur darat|melalui darat");
  add("component", "sea", ["tourists"], "duong bien|bang duong bien|by sea|via sea|jalur laut|melalui laut");
}

const RETAIL: readonly Family[] = ["retail_sales"];
function addRetail(add: Add): void {
  add(
    "component",
    "goods",
    RETAIL,
    "ban le hang hoa|doanh thu ban le hang hoa|retail sales of goods|retail of goods|penjualan eceran barang",
  );
  add(
    "component",
    "accommodation-food",
    RETAIL,
    "luu tru, an uong|luu tru an uong|dich vu luu tru, an uong|dich vu luu tru va an uong|khach san, nha hang|khach san nha hang|" +
      "accommodation and food services|accommodation and catering|accommodation and food|akomodasi dan makan minum",
  );
  add(
    "component",
    "travel",
    RETAIL,
    "doanh thu du lich lu hanh|doanh thu du lich, lu hanh|doanh thu lu hanh|du lich lu hanh|lu hanh|dich vu lu hanh|travel services|tour operators|jasa perjalanan|travel and tourism services|tourism and travel services|travel and tourism|du lich, lu hanh",
  );
  add(
    "component",
    "other-services",
    RETAIL,
    "dich vu khac|doanh thu dich vu khac|other services|other service sectors|other service|jasa lainnya",
  );
}

const BUDGET: readonly Family[] = ["budget_revenue"];
function addBudget(add: Add): void {
  add(
    "component",
    "domestic",
    BUDGET,
    "thu noi dia|thu noi|nguon thu noi dia|domestic revenue|domestic revenues|domestic revenue collection|penerimaan dalam negeri",
  );
  add(
    "component",
    "import-export",
    BUDGET,
    "thu tu hoat dong xuat nhap khau|thu tu xuat nhap khau|thu thue xuat nhap khau|thu can doi tu hoat dong xuat nhap khau|" +
      "import-export activities|import and export activities|import-export duties|import and export duties|bea masuk dan keluar",
  );
  add("component", "oil", BUDGET, "thu tu dau tho|thu dau tho|crude oil revenue|crude oil revenues|oil revenue|penerimaan migas");
}

// ——— commodity groups (within trade) ———
function addProducts(add: Add): void {
  const P = (member: string, phrases: string, lang?: string) => add("product", member, TRADE, phrases, lang ? { lang } : {});
  P(
    "phones",
    "dien thoai va linh kien|dien thoai cac loai va linh kien|dien thoai cac loai|dien thoai|mobile phones and components|mobile phones|smartphones|phones|ponsel|telepon seluler|handphone",
  );
  P(
    "electronics",
    "may vi tinh, san pham dien tu va linh kien|may vi tinh san pham dien tu va linh kien|san pham dien tu|hang dien tu|dien tu|" +
      "electronics, computers and components|electronic products|electronics|elektronik|barang elektronik|peralatan listrik",
  );
  P("computers", "may vi tinh|computers and peripheral devices|computers and components|computers|komputer");
  P(
    "textiles",
    "det may|hang det may|may mac|hang may mac|soi det|textiles and garments|textile and garment|garment-textile|garments and textiles|" +
      "garments|garment|textiles|apparel|tekstil dan produk tekstil|tekstil|garmen|pakaian jadi|pakaian",
  );
  P("footwear", "giay dep|giay dep va san pham da|giay, dep|footwear|shoes|alas kaki|sepatu");
  P(
    "machinery",
    "may moc, thiet bi, dung cu va phu tung|may moc, thiet bi va phu tung|may moc thiet bi|may moc, thiet bi|may moc|" +
      "machinery, equipment and spare parts|machinery and equipment|machinery|mesin dan peralatan|mesin-mesin|mesin",
  );
  P(
    "wood",
    "go va san pham go|san pham go|do go|wood and wooden products|wooden products|wood products|timber|wood|kayu dan barang dari kayu|kayu",
  );
  P("wood", "go", "vi");
  P(
    "agriculture",
    "nong san|nong, thuy san|nong thuy san|hang nong san|farm produce|farm products|agricultural products|agro-products|agricultural produce|" +
      "hasil pertanian|produk pertanian",
  );
  P("seafood", "thuy san|hai san|seafood|seafood products|aquatic products|fishery products|hasil laut|perikanan|produk perikanan");
  P("rice", "rice|beras");
  P("rice", "gao", "vi");
  P("coffee", "ca phe|coffee|kopi");
  P(
    "vehicles",
    "phuong tien van tai va phu tung|phuong tien van tai|o to nguyen chiec|o to|xe may|vehicles and spare parts|vehicles|automobiles|cars|kendaraan|mobil",
  );
  P(
    "petroleum-products",
    "san pham dau mo|san pham tu dau mo|xang dau cac loai|xang dau|petroleum products|petroleum|refined oil|bahan bakar minyak|bbm",
  );
  P("crude-oil", "dau tho|crude oil|minyak mentah");
  P("oil-gas", "migas|oil and gas|minyak dan gas");
  P("non-oil-gas", "nonmigas|non-migas|non migas|non-oil and gas|non-oil-and-gas");
  P("steel", "sat thep cac loai|sat thep|thep|iron and steel|steel|besi dan baja|baja");
  P("chemicals", "hoa chat|san pham hoa chat|chemicals|chemical products|bahan kimia|kimia");
  P("plastics", "chat deo|san pham chat deo|plastics|plastic products|plastik");
  P("jewelry", "da quy, kim loai quy|da quy|kim loai quy|jewellery|jewelry|gems|gemstones|perhiasan/permata|perhiasan|permata");
  P("fruit-vegetables", "rau qua|rau, qua|hang rau qua|fruits and vegetables|fruit and vegetables|sayur dan buah|buah-buahan");
  P("cashew", "hat dieu|cashew nuts|cashews|cashew|kacang mete|jambu mete");
  P("pepper", "hat tieu|ho tieu|pepper|lada");
  P("rubber", "cao su|rubber|karet");
  P("coal", "than da|coal|batu bara");
  P("palm-oil", "palm oil|minyak sawit|kelapa sawit|cpo");
  P("handicrafts", "thu cong my nghe|hang thu cong my nghe|handicrafts|kerajinan");
  P("handbags", "tui xach, vi, va li, mu, o du|tui xach|handbags");
  P("cameras", "camera|may anh|may quay phim");
  P("fertilizer", "phan bon|fertilizer|fertiliser|pupuk");
  P("cement", "xi mang|cement|semen");
  P("cotton", "cotton|kapas");
}

// ——— regions (markets with no country code) ———
function addRegions(add: Add): void {
  const R = (member: string, phrases: string) => add("market", member, PARTNERS, phrases, { region: true });
  R("asean", "asean|cac nuoc asean|khu vuc asean|dong nam a|southeast asia|kawasan asean|negara-negara asean|negara asean");
  R("asia", "chau a|asia|kawasan asia");
  R("europe", "chau au|europe|eropa|benua eropa");
  R("americas", "chau my|the americas|americas|benua amerika");
  R("oceania", "chau uc|chau dai duong|oceania|oseania");
  R("africa", "chau phi|africa|afrika");
  R("middle-east", "trung dong|middle east|timur tengah");
  R("northeast-asia", "dong bac a|northeast asia|asia timur laut");
}

// ——— longer phrases that are totals or names: the phrases inside them name no slice ———
const TOTALS = [
  "tong muc ban le hang hoa",
  "tong muc ban le hang hoa va doanh thu dich vu tieu dung",
  "tong muc ban le hang hoa va dich vu",
  "retail sales of goods and services",
  "retail sales of goods and consumer services",
  "retail sales of goods and consumer service",
  "retail sales of goods and service",
  "retail of goods and services",
  "penjualan eceran barang dan jasa",
  "doanh thu dich vu tieu dung",
  "chi so san xuat cong nghiep",
  "san xuat cong nghiep",
  "khu cong nghiep",
  "cum cong nghiep",
  "cong nghiep che bien",
  "cong nghiep ho tro",
  "cong nghiep cong nghe cao",
  "cong nghe thong tin",
  "dich vu tieu dung",
  "tong san pham trong nuoc",
  "ngan sach nha nuoc",
  "quan ly nha nuoc",
  "co quan nha nuoc",
  "ha tang",
  "xay dung nong thon moi",
  "industrial production",
  "industrial parks",
  "industrial park",
  "industrial zones",
  "kawasan industri",
  "produksi industri",
  "asian development bank",
  "world bank",
  "bank dunia",
  "dau tu xay dung",
  "von dau tu xay dung",
  "gia tri san xuat",
  "financial services",
  "new and existing projects",
  "domestic and foreign visitors",
  "domestic and foreign tourists",
  "domestic and international visitors",
  "domestic and international tourists",
  "foreign and domestic visitors",
  "foreign and domestic tourists",
  "international and domestic visitors",
  "international and domestic tourists",
  "khach trong nuoc va quoc te",
  "khach quoc te va noi dia",
  "khach noi dia va quoc te",
  "khach quoc te va trong nuoc",
  "wisatawan domestik dan mancanegara",
  "wisatawan mancanegara dan domestik",
  "wisatawan nusantara dan mancanegara",
  "wisatawan mancanegara dan nusantara",
  "new and existing",
  "cap moi va tang von",
  "cap moi, tang von",
  "cap moi va dieu chinh von",
  "cap moi, dieu chinh von",
  "proyek baru dan perluasan",
  "consumer services",
  "goods and services",
  "goods and consumer services",
  "hang hoa va dich vu",
  "hang hoa va dich vu tieu dung",
  "barang dan jasa",
  "dich vu luu tru",
  "dich vu cong",
  "public services",
  "chinh sach",
];

// Indonesian "-nya" (its) may close a phrase: "ekspor migasnya". (Built on first use: a trie of every phrase.)
const PHRASE_RE = lazy(() => new RegExp(`${longestOfPattern([...ENTRIES().keys()], "[\\s,\\-–/()]+")}(?:nya)?(?![a-z0-9])`, "g"));
const ALNUM = /[a-z0-9]/;

/** A slice member named in a sentence. */
export interface MemberMention {
  start: number;
  end: number;
  dimension: PartDimension;
  member: string;
  families: readonly Family[];
  /** A country or region: a market only where the sentence casts it as one (see marketContext). */
  place: boolean;
}

/**
 * The slice members a sentence names, in order, longest phrase first at each word. Countries come from the
 * country gazetteer (Vietnam itself is never a market of its own figures).
 *
 * @example findMembers("Trong đó, khu vực FDI đạt 5 tỷ USD", "trong do, khu vuc fdi dat 5 ty usd", "vi")[0]
 * // { dimension: "sector", member: "fdi", … }
 */
export function findMembers(sentence: string, folded: string, lang: string): MemberMention[] {
  const out: MemberMention[] = [];
  const phraseRe = PHRASE_RE();
  const entries = ENTRIES();
  phraseRe.lastIndex = 0;
  for (let m = phraseRe.exec(folded); m; m = phraseRe.exec(folded)) {
    if (m.index > 0 && ALNUM.test(folded[m.index - 1])) {
      phraseRe.lastIndex = m.index + 1;
      continue;
    }
    const entry = entries.get(words(m[0].replace(/nya$/, ""))) ?? entries.get(words(m[0]));
    if (!entry?.dimension) continue;
    if (entry.lang && entry.lang !== lang) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      dimension: entry.dimension,
      member: entry.member,
      families: entry.families,
      place: entry.region === true,
    });
  }
  for (const c of findCountryMentions(sentence, lang)) {
    if (c.code === "VN" || (lang === "id" && c.code === "ID")) continue;
    if (out.some((o) => c.start < o.end && c.end > o.start)) continue;
    out.push({ start: c.start, end: c.end, dimension: "market", member: c.code, families: PARTNERS, place: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
