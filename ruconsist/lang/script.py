"""Traditional Chinese characters in a file tagged ``zh``.

A declaration reposted from a Hong Kong or Taiwan site is written in
Traditional characters (俄羅斯聯邦, 中華人民共和國, 聯合國, 兩國元首) whatever the
file's tag says.  The term, name and number checks know Simplified forms,
so such text is recognised by its characters and converted to Simplified
with OpenCC before it is checked (one character for one, so that every
finding still points at the file's own characters); the check of
alignment reports it once, as information.

A file tagged for a region (``zh-TW``, ``zh-HK``) is converted with that
region's table (OpenCC ``tw2s``, ``hk2s``: their variant characters, 台
and 臺, 綫 and 線, fold too); a text that is only recognised as Traditional
uses ``t2s``.  These tables map character to character, and their phrase
tables keep lengths too; the idiom tables (``tw2sp``: 計程車 → 出租车) are
never used, since they would rewrite the region's own names (紐西蘭 →
新西兰) that the packs check as such.  Should a conversion still change
a stretch's length, that stretch alone is converted character by
character.

OpenCC is imported only when a text looks Traditional or is tagged so:
most runs never load it.  (``opencc``, the C++ library's binding, was
chosen over the pure-Python ``opencc-purepy``: on NTREX's zh-TW file,
93,000 characters, it loads in 0.015 s and converts in 0.025 s against
0.19 s and 0.13 s, for 7.0 MB installed against 4.5 MB.)
"""

from __future__ import annotations

import functools

#: Frequent characters of official text whose Traditional form differs
#: (Simplified, then the Traditional forms of OpenCC's s2t, s2tw and s2hk
#: tables).  Characters that Traditional text also uses (台, 里, 干, 几,
#: 范) are not in either set.
SIMPLIFIED_ONLY = frozenset(
    "国会这个们为发说对经东长现时关机电体区实学员将门间务华联罗进动议环导权岁据让钱协应总续战条约变点边党与开过还问没种来认义"
    "书两从业众传万亿价优军农决况减凭击刘则刚创办劳势单卖卫却厅历压县参双叙号吗听启咨团围图园场坏块坚坛声处备复头夺奋奖妇娱孙"
    "宁宝审宪寻层岛峡币师帅带帮广庆废异弃张弹归录彻径态恶悬惊惯戏户扩扬护报担拥拨择挂挤挥损换携摄摆数断无旧显晋晓暂术杀杨杰极"
    "构枪标树样档桥检楼欢欧歼残毁毕气汇汉汤沟泽洁济浅测浓涛润涨渐温湾湿满灭灯灵灾炼烟热爱牵犹独狱猎画畅疗监盘确础离积称竞笔签"
    "简粮纠红级纪纲纳纵纷纸线练组细织终绍结绕绘给络统继绩维综绿缓编缘缩网罚习职聪肃胁脑脸舰艰艺节苏荣药获营蓝虑虽补装见观规视"
    "览觉订讨训讯记讲许论设访证评识诉词译试诗诚话询该详语误请诸读调谈谋谓谢负贡财责贤败货质贫购贯贴贵贷贸费贺资赋赛赞赵赶趋跃"
    "践车转轮软轻载较辅辆辈辖辑输辞达迁迈运远违连迟适选递逻遗邓邮邻郑释鉴针钟钢铁铜银链销锁锋锦镇闭闯闻阀阁队阳阴阵阶际陆陈险"
    "随隐难雾韩页项顺须顾顿预领频题额风飞饭馆马驱驻验骗鱼鲁鸟鸡鸣龙"
)
TRADITIONAL_ONLY = frozenset(
    "國會這個們為爲發說説對經東長現時關機電體區實學員將門間務華聯羅進動議環導權歲據讓錢協應總續戰條約變點邊黨與開過還問沒種來"
    "認義書兩從業眾衆傳萬億價優軍農決況減憑擊劉則剛創辦勞勢單賣衛衞卻廳歷壓縣參雙敍敘號嗎聽啓啟諮團圍圖園場壞塊堅壇聲處備復頭"
    "奪奮獎婦娛孫寧寶審憲尋層島峽幣師帥帶幫廣慶廢異棄張彈歸錄徹徑態惡懸驚慣戲戶擴揚護報擔擁撥擇掛擠揮損換攜攝擺數斷無舊顯晉曉"
    "暫術殺楊傑極構槍標樹樣檔橋檢樓歡歐殲殘毀畢氣匯漢湯溝澤潔濟淺測濃濤潤漲漸溫灣溼濕滿滅燈靈災煉煙熱愛牽猶獨獄獵畫暢療監盤確"
    "礎離積稱競筆籤簡糧糾紅級紀綱納縱紛紙線練組細織終紹結繞繪給絡統繼績維綜綠緩編緣縮網罰習職聰肅脅腦臉艦艱藝節蘇榮藥獲營藍慮"
    "雖補裝見觀規視覽覺訂討訓訊記講許論設訪證評識訴詞譯試詩誠話詢該詳語誤請諸讀調談謀謂謝負貢財責賢敗貨質貧購貫貼貴貸貿費賀資"
    "賦賽贊趙趕趨躍踐車轉輪軟輕載較輔輛輩轄輯輸辭達遷邁運遠違連遲適選遞邏遺鄧郵鄰鄭釋鑑針鍾鋼鐵銅銀鏈銷鎖鋒錦鎮閉闖聞閥閣隊陽"
    "陰陣階際陸陳險隨隱難霧韓頁項順須顧頓預領頻題額風飛飯館馬驅駐驗騙魚魯鳥雞鳴龍"
)
#: Traditional characters a text needs, and how many times more of them
#: than Simplified-only ones, to be read as Traditional.
MIN_TRADITIONAL = 3
RATIO = 3


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) characters in ``text``."""
    trad = simp = 0
    for ch in text:
        if ch in TRADITIONAL_ONLY:
            trad += 1
        elif ch in SIMPLIFIED_ONLY:
            simp += 1
    return trad, simp


def is_traditional(text: str) -> bool:
    trad, simp = script_counts(text)
    return trad >= MIN_TRADITIONAL and trad > RATIO * simp


#: Regions whose Chinese has conventions of its own, as the suffix of a
#: pack's regional forms (``zh-TW:``); ``Hant`` is Traditional text of no
#: known region.  Mainland (and Singapore) text has no region: the packs'
#: ``zh:`` forms are its own.
REGIONS = ("TW", "HK")
#: OpenCC configurations, to Simplified and back, by region.
_TO_SIMPLIFIED = {"TW": "tw2s", "HK": "hk2s", "Hant": "t2s"}
_TO_TRADITIONAL = {"TW": "s2tw", "HK": "s2hk", "Hant": "s2t"}


def region_of_tag(tag: str) -> str | None:
    """The region of a Chinese language tag: ``TW`` (``zh-TW``,
    ``zh-Hant-TW``, ``zho-TW``, ``zh_TW``), ``HK`` (``zh-HK``, and Macau's
    ``zh-MO``, which follows Hong Kong usage), ``Hant`` (``zh-Hant``), or
    None (``zh``, ``zh-CN``, ``zh-Hans``, ``zh-SG``)."""
    parts = {p.lower() for p in tag.replace("_", "-").split("-")[1:]}
    if "tw" in parts:
        return "TW"
    if parts & {"hk", "mo"}:
        return "HK"
    if "hant" in parts:
        return "Hant"
    return None


@functools.lru_cache(maxsize=8)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def _same_length(conv, text: str, out: str) -> str:  # type: ignore[no-untyped-def]
    """``out`` (``conv`` of ``text``) made as long as ``text``: the
    stretches where it changed length are converted character by
    character instead."""
    import difflib

    chars = "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in text)
    kept = []
    matcher = difflib.SequenceMatcher(None, chars, out, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        kept.append(out[b1:b2] if op == "equal" or a2 - a1 == b2 - b1 else chars[a1:a2])
    return "".join(kept)


def to_simplified(text: str, region: str | None = None) -> str:
    """``text`` in Simplified characters, of the same length, with the
    region's table (``t2s`` for no region)."""
    conv = _converter(_TO_SIMPLIFIED.get(region or "Hant", "t2s"))
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return _same_length(conv, text, out)


def to_traditional(text: str, region: str | None) -> str:
    """Simplified ``text`` in the region's Traditional characters (the
    packs' forms in a finding on a Traditional file: 纽西兰 → 紐西蘭)."""
    return _converter(_TO_TRADITIONAL.get(region or "Hant", "s2t")).convert(text)


__all__ = ["REGIONS", "is_traditional", "region_of_tag", "script_counts", "to_simplified", "to_traditional"]
