"""Report metadata read from the text: title, agency (发布机关), year reported on, publication date.

Each can be overridden by the caller (the CLI's --agency/--year/...), since crawled pages
sometimes carry none of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.template import normalize

# the disclosure report's name, also with its words in another order (「政府信息工作公开年度报告」)
DISCLOSURE_TITLE = r"政府信息(?:工作)?公开(?:工作)?(?:年度)?(?:工作)?报告"
_TITLE = re.compile(
    r"([^\s,，。:：“”\"]{2,40}?)\s*(20\d\d|19\d\d)\s*年度?\s*"
    # 「关于屿头乡2016年度财政预算执行情况的报告」: a town's budget speech names the 财政 budget
    # 「关于批复2017年区（县）级社会保险基金预算的通知」: a fund's budget is a budget too
    # 「…批复…国有资本经营预算的通知」「…年部门收支预算编制说明」: a state-capital budget, an income-and-spending one
    rf"({DISCLOSURE_TITLE}|(?:[区市县省]级|区[（(]县[）)]级)?(?:部门|单位|财政|社会保险基金|国有资本经营)?(?:收支)?"
    r"(?:预算|决算)(?:公开)?)"
)
_YEAR_FIRST = re.compile(r"(20\d\d)年度?([^\d\s,，。:：《》]{2,30}?)"
                         rf"({DISCLOSURE_TITLE})")
# a crawled page's title 「2017年度平潭综合实验区经济发展局部门决算说明」: the year first, a finance kind too
_TITLED_YEAR_FIRST = re.compile(r"(20\d\d)年度?([^\d\s,，。:：《》、]{2,40}?)"
                                r"(政府信息(?:工作)?公开(?:工作)?(?:年度)?(?:工作)?报告|(?:部门|单位)?(?:预算|决算)(?:说明|公开)?)")
_BUDGET_OWNER = re.compile(r"预算(?:主管)?(?:部门|单位)[:：]\s*([^\s，。]{2,40})")
_CRAWL_FIELD = re.compile(r"^(标题|发布时间|发布机构|栏目)[:：][ \t]*(.*)$", re.M)  # an empty field is empty
# a crawled page filed in a finance column (one whose name says 预算 or 决算): a finance page, whatever its title
_FINANCE_COLUMN = re.compile(r"预算|决算")
_TITLE_LEAD = re.compile(r"^[^\d\s,，。:：《》]{2,40}?(?:局|委员会|办公室|中心|街道|厅)(?=[^\d\s,，。:：《》]{4})")
_YEAR_SAID = re.compile(r"((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_STAMP = re.compile(r"(20\d\d)-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}")
_PERIOD = re.compile(r"统计期限.{0,6}?(20\d\d)\s*年\s*1\s*月\s*1\s*日")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*[-－—–~～至到]\s*(?:19|20)\d\d\s*年")
_PREFIX = re.compile(r"^(?:.*?[标題题][:：]|当前位置[:：].*?|首页.*?)")


@dataclass(frozen=True)
class Metadata:
    title: str | None
    agency: str | None
    year: int | None
    published: str | None


# 「…项目建设指挥部（管理局含项目建设服务中心）」: a bracket after the body's name that says which units it includes
_UNITS_AFTER = re.compile(r"[（(][^（）()]{0,20}(?:含|包括|及所属|及下属)[^（）()]{1,30}[）)]$")


def _clean_agency(name: str) -> str:
    name = re.sub(r"^(关于|印发)", "", name)
    name = re.sub(r"^(?:报送|呈报|转发|印发|上报)《?", "", name)  # 「关于报送《…公安局2015年…报告》的函」
    # 「平潭综合实验区财政金融局关于批复2014年度部门决算的通知」: the issuer, not 「…局关于批复」; but
    # 「…局关于批复区某某管理局2019年度部门决算的通知」 is the 决算 of the unit it approves
    if (cut := name.find("关于")) > 0 and _AGENCY_END.search(name[:cut]):
        issuer = name[:cut]
        unit = re.match(r"关于(?:批复|下达|核批|批准)(.{2,30})$", name[cut:])
        name = _placed(unit.group(1), issuer) if unit and _AGENCY_END.search(unit.group(1)) else issuer
    name = name.strip("《》“”\"' ")
    # 「…管委会口岸工作办公室平潭2016年部门预算说明」: a place said again before the year is no part of it
    if not _AGENCY_END.search(name) and (ends := [m.end() for m in _AGENCY_ENDS.finditer(name)]) \
            and len(name) - ends[-1] <= 3 and name[ends[-1]:] not in (")", "）"):  # 「…指挥部（…管理局）」 is whole
        name = name[:ends[-1]]
    return name


def _placed(unit: str, issuer: str) -> str:
    """「区某某管理局」 approved by 「平潭综合实验区…局」: the unit of the issuer's place."""
    at = issuer.find(unit[0]) if unit[0] in "区市县" else -1
    return issuer[:at] + unit if at > 0 else unit


def _disclosure_title(head: str) -> re.Match[str] | None:
    """A disclosure report's title with its year first, anywhere in the head, naming an agency."""
    for m in _YEAR_FIRST.finditer("".join(head.split())):
        name = _clean_agency(m.group(2))
        if len(name) >= 4 and not name.startswith(("我", "本")) and _AGENCY_END.search(name):
            return m
    return None


# 「二〇一六年」「二O一六年」 (a letter O for the zero): a year written in Chinese numerals
_CN_YEAR = re.compile(r"(?<![〇零○Oo一二三四五六七八九十])[一二][〇零○Oo一二三四五六七八九]{3}(?=\s*年)")
_CN_DIGIT = str.maketrans("〇零○Oo一二三四五六七八九", "00000123456789")


_BRACKETED_UNIT = re.compile(r"[（(]([\u4e00-\u9fff]{2,30}(?:局|委员会|办公室|院|中心|所|站|队|馆|会|办|处))[)）]$")
# (「…2020年财政预算执行和2021年财政预算（草案）」: 情况 may be left out)
_AND_PLAN = re.compile(r"执行(?:情况)?(?:和|及|暨|与)\s*((?:19|20)\d\d)\s*年度?[^，。]{0,12}?预算")
_OFFICE_HEAD = 3  # characters a title's 「区…」 shares with its publisher's name at least


def arabic_years(text: str) -> str:
    """Years written in Chinese numerals as digits, the text's length unchanged."""
    return _CN_YEAR.sub(lambda m: y if (y := m.group().translate(_CN_DIGIT))[:2] in ("19", "20") else m.group(), text)


# 「我办」「本局」: the agency speaking of itself in its body, never its name
_SELF = re.compile(r"^(?:我|本)(?:办|局|委|院|所|站|队|中心|单位|部门|镇|乡|区|县|市|处|科)$")


def extract_metadata(text: str) -> Metadata:
    """Best-effort metadata from the first part of the document."""
    head = arabic_years(normalize(text[:6000]))
    fields = {k: v.strip() for k, v in _CRAWL_FIELD.findall(head)}
    title = agency = published = None
    year = None
    compact = "".join(head[:400].split())
    m2 = _YEAR_FIRST.search(compact)
    if m2 and not fields.get("标题") and not _TITLE.search(compact[: m2.start() + 1]):
        agency, year = _clean_agency(m2.group(2)), int(m2.group(1))
        title = m2.group()
    # 「【部门决算公开】2017年度…办公室部门决算说明」: a crawled title opens with the column it was filed in
    titled = re.sub(r"^[【\[][^】\]]{1,12}[】\]]", "", "".join(fields.get("标题", "").split()))
    # 「…服务中心2020-2022年预算编制说明」: a budget for its first year, with the years after it estimated
    titled = _YEAR_SPAN.sub(r"\1年", titled)
    # 「平潭2017年广播电视服务中心部门预算说明」: a place may stand before the year
    if agency is None and titled and not _TITLE.search(titled) \
            and (m3 := _TITLED_YEAR_FIRST.match(re.sub(r"^[\u4e00-\u9fff]{2,4}(?=20\d\d)", "", titled))):
        agency, year, title = _clean_agency(m3.group(2)), int(m3.group(1)), titled
    if agency is None and titled and (m4 := _TITLE.search(titled)):
        # the page's own title outranks a line of its body, which may carry a slip (「…旅游局局政府…」)
        agency, year, title = _clean_agency(m4.group(1).split("》")[-1]), int(m4.group(2)), titled
    if agency is None and (m5 := _disclosure_title(head)):
        # 「…2019年上海市人民政府办公厅政府信息公开工作年度报告」 deep in a page's markup: the report's own title
        # outranks a sentence that happens to name a year and a budget (「准确发布市政府办公厅2019年部门预算」)
        agency, year, title = _clean_agency(m5.group(2)), int(m5.group(1)), m5.group()
    publisher = "".join(fields.get("发布机构", "").split())
    if agency and publisher.endswith(agency) and _AGENCY_END.search(publisher):
        agency = publisher  # 「2018年度经济发展局部门预算说明」 published by 平潭综合实验区经济发展局
    elif agency and agency[0] in "区市县" and (at := publisher.find(agency[:_OFFICE_HEAD])) > 0 \
            and _AGENCY_ENDS.search(head_of := publisher[at:]) and agency.startswith(head_of) \
            and len(agency) > len(head_of):
        # 「区交通运输局港航处」 published by 平潭综合实验区交通运输局: an office of the publisher
        agency = publisher + agency[len(head_of):]
    if agency is None and (cover := _cover(head)):  # 「上海市普陀区\n文化和旅游局\n2025 年度部门决算」
        agency, year, title = _clean_agency(cover.group(1)), int(cover.group(2)), cover.group()
    for source in (fields.get("标题", ""), head) if agency is None else ():
        m = _TITLE.search(source)
        if m:
            agency = _clean_agency(m.group(1).split("》")[-1])
            year = int(m.group(2))
            title = f"{agency}{m.group(2)}年{m.group(3)}" if source is head else source
            break
    if agency and (units := _UNITS_AFTER.search(agency)) and _AGENCY_END.search(agency[:units.start()]):
        agency = agency[:units.start()]  # the body the title names; its units are parts of its report
    if _AGENCY_END.search(publisher) and not (agency and _AGENCY_END.search(agency)):
        agency = publisher  # a crawled page's 发布机构, when no title names one (「第二部分2021年度部门预算表」)
    if "批复" in titled and (to := _addressee(head)):
        agency = to  # 「检验检测中心：…现批复你部门2017年度决算」: the accounts are the addressee's
    elif "批复" in titled and (unit := _BRACKETED_UNIT.search(titled)):
        agency = unit.group(1)  # 「…关于批复2014年度部门决算的通知（区国库支付中心）」: the unit approved
    if not (agency and _AGENCY_END.search(agency)) and (unit := _UNIT_FIELD.search(head)) \
            and _AGENCY_END.search(named := _clean_agency(unit.group(1))):
        # 「2014年“三公”经费…决算批复表」 whose table is headed 「部门（单位）：平潭县水利局」: the unit it names
        agency = named
    owner = _BUDGET_OWNER.search(head)
    if owner:  # a budget names its department apart from the title (上海市普陀区2023年区级部门预算)
        agency = _owner_name(owner.group(1))
    if agency and _SELF.match(agency):
        agency = None
    if agency:
        agency = _placed_town(_expanded(agency, head), normalize(text))
    if fields.get("发布时间"):
        d = _DATE.search(fields["发布时间"])
        published = f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}" if d else None
    if published is None:
        d = _STAMP.search(head[:600]) or _signature_date(normalize(text[-800:]), year)
        if d:
            published = f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"
    if title and (plan := _AND_PLAN.search(title)):
        year = int(plan.group(1))  # 「…2018年度财政预算执行情况和2019年度财政预算（草案）」: the budget's year
    if year is None:
        p = _PERIOD.search(head)
        year = int(p.group(1)) if p else None
    if (agency is None or year is None) and _FINANCE_COLUMN.search(fields.get("栏目", "")):
        agency, year = _filed_as_finance(fields, head, agency, year)
        title = title or titled or None
    elif (agency is None or year is None) and _DISCLOSURE_COLUMN.search(fields.get("栏目", "")):
        agency, year = _filed_as_disclosure(fields, normalize(text), agency, year)
        title = title or titled or None
    return Metadata(title, agency, year, published)


_DISCLOSURE_COLUMN = re.compile(r"信息公开年报|年度报告|工作年报")
# 「…函告如下：…平潭综合实验区管委会办公室 2014年12月10日」: the body that signs the page, before its date
_SIGNED = re.compile(r"([\u4e00-\u9fff]{4,30}?)\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
def _filed_as_disclosure(fields: dict[str, str], text: str, agency: str | None,
                         year: int | None) -> tuple[str | None, int | None]:
    """A page of a disclosure-report column under another title (「关于2014年政府信息公开工作要点落实情况的函」):
    the body that signs it, of the one year its title names. The portal's 「来源：…」 names the site's owner,
    not the page's author: a page no body signs stays unread (an upload may name it)."""
    if agency is None:
        signed = [m.group(1) for m in _SIGNED.finditer(text[-600:]) if _AGENCY_END.search(m.group(1))]
        agency = _clean_agency(signed[-1]) if signed else None
    if year is None:
        titled = {int(y) for y in _YEAR_SAID.findall(arabic_years(fields.get("标题", "")))}
        year = titled.pop() if len(titled) == 1 else None
    return agency, year


def _filed_as_finance(fields: dict[str, str], head: str, agency: str | None,
                      year: int | None) -> tuple[str | None, int | None]:
    """A page of a finance column whose title is no budget's (「2017年体彩公益金统计及使用情况公告」「…国有资产
    清查工作报告」): its publisher's, of the one year its title names, else of the year its text names most."""
    publisher = "".join(fields.get("发布机构", "").split())
    # 「…征收安置工作领导小组办公室国有资产清查工作报告」 published by its parent: the office the title opens with
    lead = _TITLE_LEAD.match("".join(fields.get("标题", "").split()))
    if lead and agency in (None, publisher):
        agency = _clean_agency(lead.group())
    elif agency is None and _AGENCY_END.search(publisher):
        agency = publisher
    if year is None:
        titled = {int(y) for y in _YEAR_SAID.findall(arabic_years(fields.get("标题", "")))}
        body = head.split("正文", 1)[-1]
        said = Counter(int(y) for y in _YEAR_SAID.findall(body))
        year = titled.pop() if len(titled) == 1 else (said.most_common(1)[0][0] if said else None)
    return agency, year


# a name opens after a break: punctuation, a space, or a word that ends a clause before it
# (「我受平潭县苏澳镇人民政府的委托」: 受 ends the clause's verb, the name opens after it)
_NAME_OPENS = re.compile(r"[\s，。、；：:,.;（）()《》“”「」]|(?<=[是在由对向为与和及经即受])")
_PLACE_END = re.compile(r"[\u4e00-\u9fff]{2,10}(?:省|市|区|县)$")


def _place_said(before: str, text: str) -> str:
    """The place that ends `before` (「平潭综合实验区」), as the report says it more than once: the words
    of a flattened table glued in front (「…人员编制数在职人数平潭综合实验区」) are no part of it."""
    for k in range(len(before), 2, -1):
        tail = before[-k:]
        if "年" in tail:  # 「2014年度区…」: a date before the level word, no place
            continue
        if _PLACE_END.search(tail) and text.count(tail) >= 2:
            return tail
    return ""


_TOWN = re.compile(r"([\u4e00-\u9fff]{2,3}[镇乡])(?:人民政府)?")


def _placed_town(agency: str, text: str) -> str:
    """「中楼乡人民政府」 titled without its county, which its own tables print (「平潭县中楼乡财政所」): the
    county's name before it, as a question may say it (「平潭中楼乡」), the county most often printed. A town
    under a city (「东莞市厚街镇」) keeps the name its title gives it."""
    if not (town := _TOWN.fullmatch(agency)):
        return agency
    places = Counter(m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2}县)" + re.escape(town.group(1)), text))
    return places.most_common(1)[0][0] + agency if places else agency


def _expanded(agency: str, text: str) -> str:
    """「财金局」 of a title, when the body names the agency in full (「某某区财政金融局」): the
    full name, with the place it opens with, so a question naming it finds the report. The short name
    must be an abbreviation of it (its characters in order, the same last one)."""
    if agency[0] in "区市县" and len(agency) >= 5:
        # 「区某某管理中心」: the place said by its level alone; the body names it in full
        placed = re.finditer("([\u4e00-\u9fff]{2,10}" + agency[0] + ")" + re.escape(agency[1:]), text)
        return max((place + agency[1:] for m in placed if (place := _place_said(m.group(1), text))),
                   key=len, default=agency)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", agency) or agency.endswith(("政府", "区", "市", "县")):
        return agency
    pattern = re.compile("".join(re.escape(c) + r"[\u4e00-\u9fff]{0,3}?" for c in agency[:-1]) + re.escape(agency[-1]))
    best = agency
    for m in pattern.finditer(text):
        full = m.group()
        before = text[max(0, m.start() - 12):m.start()]
        opens = [b.end() for b in _NAME_OPENS.finditer(before)]
        place = before[opens[-1]:] if opens else ""
        place = re.split(r"[\d年度]", place)[-1]  # 「2018年度平潭县」: a date before the place is no part of it
        name = (place if _PLACE_END.search(place) else "") + full
        if len(name) > len(best):
            best = name
    return best


_NAME_COLON = re.compile(r"([\u4e00-\u9fff()]{4,40})\s*[:：]")
_TO_YOU = re.compile(r"(?:[^。]{0,200}?。)?[^。]{0,200}?(?:(?:你|贵)(?:们|单位|部门|局|中心|院|办|委|所|站|队)"
                     # 「平潭综合实验区质量计量所：…已经…审议通过，现予以批复」: approved, said without 你
                     r"|现予(?:以)?批复|现批复如下)")


# a table's own line naming whose it is (「部门（单位）：平潭县水利局」「编制单位：…」)
_UNIT_FIELD = re.compile(r"(?:部门[（(]单位[）)]|单位名称|部门名称|预算单位|编制单位|填报单位)\s*[:：]\s*"
                         r"([\u4e00-\u9fff（）()]{2,40}?(?:局|委员会|办公室|院|中心|街道|镇|乡|所|站|队|馆|指挥部|办))"
                         r"(?![\u4e00-\u9fff])")


def _addressee(head: str) -> str | None:
    """The unit a 批复 notice is addressed to (「平潭综合实验区科技研究院：…现将2020年部门预算批复给你
    单位」): the budget or accounts it approves are that unit's, not the issuer's."""
    for m in _NAME_COLON.finditer(head):
        name = m.group(1)
        if _AGENCY_END.search(name) and not name.endswith(("批复", "通知")) and _TO_YOU.match(head, m.end()):
            return name
    return None


_COVER_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,24}")
_AGENCY_END = re.compile(r"(?:局|委|委员会|办|办公室|院|府|处|中心|街道|镇|乡|区|县|市|厅|所|站|队|馆|会|部)$")
_AGENCY_ENDS = re.compile(r"(?:局|委员会|办公室|院|中心|街道|厅)")


def _owner_name(found: str) -> str:
    """The department's name without the next page glued to it: pages joined with no break put
    「目 录」 or 「一、部门主要职能」 right after the cover's 「预算主管部门：…局」."""
    name = re.split(r"[、．.（(\d]", found)[0]
    if _AGENCY_END.search(name):
        return name
    ends = [m.end() for m in re.finditer(_AGENCY_END.pattern.rstrip("$"), name)]
    return name[:ends[-1]] if ends and len(name) - ends[-1] <= 2 else found


def _cover(head: str) -> re.Match[str] | None:
    """A cover page that sets the title over several short lines, the agency's name broken
    (「上海市普陀区」「文化和旅游局」「2025 年度部门决算」): the lines before the year are names only."""
    lines: list[str] = []
    for line in head.split("\n")[:6]:
        flat = "".join(line.split())
        if not flat:
            continue
        lines.append(flat)
        if re.search(r"(?:19|20)\d\d", flat):
            break
        if not _COVER_LINE.fullmatch(flat):
            return None
    if len(lines) < 3:
        return None
    m = _TITLE.match("".join(lines))
    return m if m and _AGENCY_END.search(m.group(1)) else None


def _signature_date(tail: str, year: int | None) -> re.Match[str] | None:
    """The date under the signature at the end, if it is after the year reported on."""
    found = [m for m in _DATE.finditer(tail) if year is None or int(m.group(1)) > year]
    return found[-1] if found else None
