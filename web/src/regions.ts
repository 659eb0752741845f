/**
 * 行政区划 the region dictionary of the halls (GB/T 2260 codes): every province, and the cities and
 * counties the platform works in (河南 with 郑州 and 南阳, 北京, 武汉), in Chinese and English. The
 * server keeps no region table (a region is a 6-digit code on the organizations and records), so the
 * names live here; a code the dictionary does not hold is shown as the code.
 *
 * A code names its level: 410000 a province, 411300 a city (prefecture), 411302 a county (district).
 */
/** the halls' languages (i18n.ts's Lang) */
type Lang = 'zh-CN' | 'en';

export interface Region {
  code: string;
  zh: string;
  en: string;
  children?: Region[];
}

type Row = [code: string, zh: string, en: string];

const PROVINCES: Row[] = [
  ['110000', '北京市', 'Beijing'],
  ['120000', '天津市', 'Tianjin'],
  ['130000', '河北省', 'Hebei'],
  ['140000', '山西省', 'Shanxi'],
  ['150000', '内蒙古自治区', 'Inner Mongolia'],
  ['210000', '辽宁省', 'Liaoning'],
  ['220000', '吉林省', 'Jilin'],
  ['230000', '黑龙江省', 'Heilongjiang'],
  ['310000', '上海市', 'Shanghai'],
  ['320000', '江苏省', 'Jiangsu'],
  ['330000', '浙江省', 'Zhejiang'],
  ['340000', '安徽省', 'Anhui'],
  ['350000', '福建省', 'Fujian'],
  ['360000', '江西省', 'Jiangxi'],
  ['370000', '山东省', 'Shandong'],
  ['410000', '河南省', 'Henan'],
  ['420000', '湖北省', 'Hubei'],
  ['430000', '湖南省', 'Hunan'],
  ['440000', '广东省', 'Guangdong'],
  ['450000', '广西壮族自治区', 'Guangxi'],
  ['460000', '海南省', 'Hainan'],
  ['500000', '重庆市', 'Chongqing'],
  ['510000', '四川省', 'Sichuan'],
  ['520000', '贵州省', 'Guizhou'],
  ['530000', '云南省', 'Yunnan'],
  ['540000', '西藏自治区', 'Tibet'],
  ['610000', '陕西省', 'Shaanxi'],
  ['620000', '甘肃省', 'Gansu'],
  ['630000', '青海省', 'Qinghai'],
  ['640000', '宁夏回族自治区', 'Ningxia'],
  ['650000', '新疆维吾尔自治区', 'Xinjiang'],
];

const CITIES: Row[] = [
  ['110100', '北京市市辖区', 'Beijing districts'],
  ['410100', '郑州市', 'Zhengzhou'],
  ['410200', '开封市', 'Kaifeng'],
  ['410300', '洛阳市', 'Luoyang'],
  ['410400', '平顶山市', 'Pingdingshan'],
  ['410500', '安阳市', 'Anyang'],
  ['410600', '鹤壁市', 'Hebi'],
  ['410700', '新乡市', 'Xinxiang'],
  ['410800', '焦作市', 'Jiaozuo'],
  ['410900', '濮阳市', 'Puyang'],
  ['411000', '许昌市', 'Xuchang'],
  ['411100', '漯河市', 'Luohe'],
  ['411200', '三门峡市', 'Sanmenxia'],
  ['411300', '南阳市', 'Nanyang'],
  ['411400', '商丘市', 'Shangqiu'],
  ['411500', '信阳市', 'Xinyang'],
  ['411600', '周口市', 'Zhoukou'],
  ['411700', '驻马店市', 'Zhumadian'],
  ['420100', '武汉市', 'Wuhan'],
];

const COUNTIES: Row[] = [
  ['110101', '东城区', 'Dongcheng'],
  ['110102', '西城区', 'Xicheng'],
  ['110105', '朝阳区', 'Chaoyang'],
  ['110106', '丰台区', 'Fengtai'],
  ['110107', '石景山区', 'Shijingshan'],
  ['110108', '海淀区', 'Haidian'],
  ['110109', '门头沟区', 'Mentougou'],
  ['110111', '房山区', 'Fangshan'],
  ['110112', '通州区', 'Tongzhou'],
  ['110113', '顺义区', 'Shunyi'],
  ['110114', '昌平区', 'Changping'],
  ['110115', '大兴区', 'Daxing'],
  ['110116', '怀柔区', 'Huairou'],
  ['110117', '平谷区', 'Pinggu'],
  ['110118', '密云区', 'Miyun'],
  ['110119', '延庆区', 'Yanqing'],
  ['410102', '中原区', 'Zhongyuan'],
  ['410103', '二七区', 'Erqi'],
  ['410104', '管城回族区', 'Guancheng Hui'],
  ['410105', '金水区', 'Jinshui'],
  ['410106', '上街区', 'Shangjie'],
  ['410108', '惠济区', 'Huiji'],
  ['410122', '中牟县', 'Zhongmu'],
  ['410181', '巩义市', 'Gongyi'],
  ['410182', '荥阳市', 'Xingyang'],
  ['410183', '新密市', 'Xinmi'],
  ['410184', '新郑市', 'Xinzheng'],
  ['410185', '登封市', 'Dengfeng'],
  ['411302', '宛城区', 'Wancheng'],
  ['411303', '卧龙区', 'Wolong'],
  ['411321', '南召县', 'Nanzhao'],
  ['411322', '方城县', 'Fangcheng'],
  ['411323', '西峡县', 'Xixia'],
  ['411324', '镇平县', 'Zhenping'],
  ['411325', '内乡县', 'Neixiang'],
  ['411326', '淅川县', 'Xichuan'],
  ['411327', '社旗县', 'Sheqi'],
  ['411328', '唐河县', 'Tanghe'],
  ['411329', '新野县', 'Xinye'],
  ['411330', '桐柏县', 'Tongbai'],
  ['411381', '邓州市', 'Dengzhou'],
  ['420102', '江岸区', "Jiang'an"],
  ['420106', '武昌区', 'Wuchang'],
];

/** 全国 the national organization's code */
export const NATIONAL_REGION = '000000';

const region = ([code, zh, en]: Row): Region => ({ code, zh, en });

/** The dictionary as a tree: provinces, their cities, the cities' counties. */
export const REGIONS: Region[] = PROVINCES.map((p) => {
  const cities = CITIES.filter((c) => c[0].startsWith(p[0].slice(0, 2))).map((c) => {
    const counties = COUNTIES.filter((k) => k[0].startsWith(c[0].slice(0, 4))).map(region);
    return { ...region(c), ...(counties.length ? { children: counties } : {}) };
  });
  return { ...region(p), ...(cities.length ? { children: cities } : {}) };
});

const BY_CODE = new Map<string, Region>([...PROVINCES, ...CITIES, ...COUNTIES].map((r) => [r[0], region(r)]));

export const isRegionCode = (code: string): boolean => /^\d{6}$/.test(code);

/**
 * The codes from the province down to `code`: 411302 → [410000, 411300, 411302], 411300 →
 * [410000, 411300], 410000 → [410000]. A county whose city the dictionary lacks goes under its
 * province. Empty for what is not a 6-digit code.
 */
export function regionPath(code: string): string[] {
  if (!isRegionCode(code) || code === NATIONAL_REGION) return [];
  const province = `${code.slice(0, 2)}0000`;
  if (code === province) return [province];
  const city = `${code.slice(0, 4)}00`;
  if (code === city) return [province, city];
  return BY_CODE.has(city) ? [province, city, code] : [province, code];
}

/** A region's own name (宛城区 / Wancheng), or null when the dictionary does not hold it. */
export function regionName(code: string, lang: Lang): string | null {
  if (code === NATIONAL_REGION) return lang === 'en' ? 'National' : '全国';
  const r = BY_CODE.get(code);
  return r ? (lang === 'en' ? r.en : r.zh) : null;
}

/**
 * The name with its city and province (河南省 / 南阳市 / 宛城区; Wancheng, Nanyang, Henan), or the
 * code when the dictionary does not hold it.
 */
export function regionFullName(code: string, lang: Lang): string {
  const names = regionPath(code).map((c) => regionName(c, lang));
  if (!names.length || names.some((n) => n === null)) return regionName(code, lang) ?? code;
  return lang === 'en' ? names.reverse().join(', ') : names.join(' / ');
}
