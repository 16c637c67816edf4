import { lazy } from "../text/lazy";
import { VN_PROVINCES } from "../text/vn-provinces";
import { foldKey } from "./normalize";

/**
 * Vietnamese family names (folded, so "Nguyễn" and "Nguyen" are one entry): a Vietnamese name is a
 * family name followed by one to three given-name syllables.
 */
export const VN_SURNAMES = lazy(
  () =>
    new Set(
      (
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly vuong chu trinh dinh lam mai to ta doan luong truong ha dao " +
        "cao lai kieu thai tong quach luu trieu khong nghiem lo mac phung tang au hua diep luc than tu giang nong chau la dam khuc ninh bach " +
        "kim quan che hau phi dong tieu vi thach danh lu ung ton tap on"
      ).split(" "),
    ),
);

/** Vietnamese provinces, big cities and other places that look like names ("Hà Nội", "Cao Bằng"), folded. */
export const VN_PLACES = lazy(
  () =>
    new Set(
      [
        ...VN_PROVINCES,
        "ha noi",
        "hanoi",
        "viet nam",
        "ho chi minh",
        "sai gon",
        "ba ria",
        "vung tau",
        "can tho",
        "da nang",
        "hai phong",
        "thua thien hue",
        "ha long",
        "nha trang",
        "da lat",
        "hoi an",
        "hoang sa",
        "truong sa",
        "hoan kiem",
        "ba dinh",
        "tay ho",
        "dong da",
        "cau giay",
        "long bien",
        "ha dong",
        "thanh xuan",
        "hai ba trung",
        "hoang mai",
        "nam tu liem",
        "bac tu liem",
        "dong anh",
        "gia lam",
        "soc son",
        "me linh",
        "son tay",
        "my dinh",
        "noi bai",
        "hoa lac",
        // Cities whose first syllable is also a family name ("thành phố Cao Lãnh").
        "cao lanh",
        "phan thiet",
        "phan rang",
        "dong hoi",
        "dong ha",
        "dong xoai",
        "ha tien",
        "vi thanh",
        "chau doc",
        "tu son",
        "tan an",
      ].map(foldKey),
    ),
);

/**
 * Capitalized words that belong to organisations, places, dates or titles, never to a person's name
 * (folded). Used to cut a name out of a longer capitalized run ("Komite Rakyat Hanoi Nguyen Manh Quyen").
 */
export const NON_NAME_WORDS = lazy(
  () =>
    new Set(
      (
        "bo so uy ban thanh tinh quan huyen xa phuong dang hoi vien truong cuc vu tong cong ty tap doan ngan hang nha nuoc chinh phu quoc lien bang " +
        "cong hoa thu do dai bao trung tam uong san bay cang khu cau duong pho ubnd hdnd tp tw mttq tand " +
        "komite rakyat departemen kementerian badan negara republik federasi partai bank universitas kota provinsi kabupaten pemerintah dewan majelis " +
        "perwakilan delegasi luar negeri dalam " +
        "committee people's peoples department ministry agency state republic federation party university city province government council assembly " +
        "office embassy union national international association corporation group company fund forum conference summit street road avenue district " +
        "ward hospital school college institute center centre bridge airport port tower hotel the of and for " +
        "hanoi saigon vietnam viet " +
        "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
        "januari februari maret mei juni juli agustus oktober desember senin selasa rabu kamis jumat sabtu minggu " +
        "thang ngay nam tet covid asean apec un who wto imf " +
        // Indonesian provinces and offices as abbreviated in titles ("Kepala BPS Jatim Teguh Pramono").
        "jatim jateng jabar jakarta dki diy sumut sumbar sumsel sulsel sulut sulteng kaltim kalbar kalsel kalteng ntb ntt kepri babel bps bi ojk bkpm " +
        "provinsi kota kab pemprov pemkot pemkab " +
        "services sales properties financial holdings capital partners news media press airlines airways force army navy police court club team " +
        "trust foundation ministry commission authority bureau daily mail times journal award awards prize cottage house palace park hall lodge " +
        "resort consulting research initiative prevention crime development policy economic economics technology technologies systems energy " +
        "motors los las new north south east west saint yayasan lembaga institut sekolah pembina " +
        "but as and when while if so then yet after before since also however meanwhile namun tetapi menurut nhung va theo " +
        "affairs planning investment trade industry finance health education defence defense justice interior " +
        "now this that these those here there today yesterday it we they he she i corp inc ltd llc plc co " +
        "perdagangan perindustrian keuangan pertahanan kesehatan pendidikan pariwisata perhubungan investasi pertanian kelautan perikanan " +
        "energi sumber daya mineral koordinator bidang perekonomian hukum ham sosial agama tenaga kerja koperasi ukm lingkungan hidup " +
        "kehutanan pekerjaan umum perumahan komunikasi informatika riset pemuda olahraga desa bumn " +
        // Heads of organisations and companies: a run that holds one is an organisation ("Hanmi Construction").
        "dinas kantor biro direktorat komisi otoritas pusat balai grup perusahaan perseroan statistik " +
        "kamar asosiasi himpunan persatuan ikatan gabungan perhimpunan serikat mahkamah bursa chamber " +
        // Fields in the names of ministries and offices ("Menteri Pariwisata dan Ekonomi Kreatif", "Minister of Culture, Sports and Tourism").
        "ekonomi kreatif digital maritim industri transportasi statistik budaya seni inovasi teknologi ilmu pangan logistik " +
        "agraria tata ruang urusan aparatur reformasi birokrasi sekretariat kabinet nasional daerah luar " +
        "culture sports tourism labour labor agriculture transport communications information environment resources science " +
        "foreign home affairs tourism natural rural social welfare veterans invalids " +
        "construction engineering industries industrial electronics logistics solutions ventures securities insurance chemicals " +
        "steel manufacturing enterprises enterprise jsc pte bhd tbk gmbh limited incorporated bank banking airport"
      )
        .split(" ")
        .map(foldKey),
    ),
);

/** Words before a capitalized run that make it a place or an institution, not a person ("đường Phạm Văn Đồng"). */
export const PLACE_NOUNS = lazy(
  () =>
    new Set(
      (
        "đường phố phường quận huyện xã tỉnh thành trường cầu tòa khu ngõ hẻm làng thôn lăng tượng đài bảo tàng sân viện bệnh nhà chùa đền " +
        "jalan jl kota desa kampung gedung jembatan sekolah universitas rumah masjid " +
        "street road avenue bridge school university hospital museum"
      ).split(" "),
    ),
);

/**
 * Nouns that open an organisation's name: capitalized words after them go on naming it ("Dewan Pembina
 * Yayasan Golden Nusantara"), unlike a ministry's field before a minister's name ("Menteri Perdagangan Jerry …").
 */
export const ORG_NOUNS = lazy(
  () =>
    new Set(
      (
        "bo so uy ban hoi vien truong cuc cong ty tap doan ngan hang dang " +
        "komite dewan departemen kementerian badan partai bank universitas yayasan lembaga institut sekolah perusahaan " +
        "committee department ministry agency party university council assembly office embassy union association corporation group company " +
        "fund foundation institute commission authority bureau " +
        "dinas kantor biro direktorat komisi otoritas balai grup perseroan " +
        "kamar asosiasi himpunan persatuan ikatan gabungan perhimpunan serikat mahkamah bursa chamber"
      ).split(" "),
    ),
);
