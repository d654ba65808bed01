"""Which reports a question is about: agency and year named in it, explicit filters, or the
conversation so far. 「厚街镇」 finds 厚街镇人民政府, 「平潭」 finds 平潭综合实验区, and 今年/去年 are
read relative to the report in focus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from index.models import Report
from index.template import normalize
from qa.knowledge import same_agency
from qa.vocab import word_list

_UNIT_SUFFIX = ("街道办事处", "街道", "镇", "乡", "市", "区", "县", "旗")
_ORG_SUFFIX = ("管理局", "办事处", "委员会", "常委会", "办公室", "局", "委", "办")
_BOUNDARY = re.compile(r"综合实验区|新区|人民政府|(?<![片社景])区|(?<![城都])市(?!场)|[县镇]")
_OFFICE_OF = re.compile(r"(?<=局|委|办)([\u4e00-\u9fff]{2,6}(?:处|科))$")
_GENERIC = {"管理", "管理局", "人民政府", "政府", "办公室", "办事处", "委员会"}
_LEVEL_CHARS = "县区市镇乡"
_COUNCIL = re.compile(r"^(政协|人大常委会)([\u4e00-\u9fff]{2,8}?)([县市区])(?:委员会)?$")
_COUNTY = re.compile(r"(?:^|(?<=[省市]))([\u4e00-\u9fff]{2,4}?)县(?=[\u4e00-\u9fff]{2})")
_ORGANS = ("局", "院", "委", "委员会", "办", "中心", "所", "站", "队", "馆", "室", "会", "部")
_YEAR = re.compile(r"(?<![\d.])(20\d\d|19\d\d)(?![\d.])\s*年?")  # not the 2010 of a subject code 2010402
# the short forms that departments' names go by, applied together
_ABBREVIATIONS = (
    ("国有资产监督管理委员会", "国资委"), ("国有资产管理局", "国资局"), ("监督管理", "监管"), ("文化体育", "文体"),
    ("与", ""), ("人力资源和社会保障", "人社"), ("住房和城乡建设", "住建"), ("发展和改革委员会", "发改委"),
    ("卫生健康委员会", "卫健委"), ("科学技术委员会", "科委"), ("自然资源和规划", "自然资源"),
)
_RELATIVE = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "上年": -1, "前年": -2}


@dataclass(frozen=True)
class Filters:
    """Explicit scope from the caller (CLI flags, API body, the UI's report picker)."""

    reports: tuple[str, ...] = ()
    agency: str | None = None
    year: int | None = None


@dataclass
class Scope:
    reports: list[Report]
    agency_named: bool = False
    years: list[int] = field(default_factory=list)
    relative_year: int | None = None
    # the year asked of the next year's report, when the agency has no report of that year: a
    # budget or final account restates the year before (「截至2020年底…共有车辆9辆」 in a 2021 budget)
    earlier_year: int | None = None
    # the year asked of the agency's latest earlier report, when it has no report of that year: a budget
    # may print the years after its own (「2020-2022年预算编制说明」: 「2021年度预计支出76.2万元」)
    later_year: int | None = None


_TWO_NAMES = re.compile(r"^([^()（）]+)[(（]([^()（）]+)[)）]?$")
_JOINED_BODIES = re.compile(r"^([^及()（）]{4,}?(?:局|委员会|办公室|指挥部|中心|站|所|院|队))及([^及()（）]{4,})$")


@lru_cache(maxsize=65536)
def agency_aliases(agency: str) -> frozenset[str]:
    """Names people use for an agency: 厚街镇人民政府 → 厚街镇, 厚街, 厚街镇政府 … (cached: every
    question matches against every stored agency, and 10,000 reports hold far fewer agencies)."""
    a = normalize(agency).replace(" ", "")
    if (m := _TWO_NAMES.match(a)) and len(m.group(1)) >= 2 and len(m.group(2)) >= 2:
        # 「某建设指挥部（某开发管理局）」: one body under two names, each said alone; the inner
        # name takes the outer's place where it repeats its word (岚城 + 片区开发管理局)
        outer, inner = m.group(1), m.group(2)
        at = outer.find(inner[:2])
        placed = {outer[:at] + inner} if at > 0 else set()
        areas = {n[:n.index("片区") + 2] for n in (outer, *placed) if n.find("片区") >= 2}  # X片区 alone
        return frozenset({a} | agency_aliases(outer) | agency_aliases(inner) | areas
                         | {n for p in placed for n in agency_aliases(p)})
    if (joined := _JOINED_BODIES.match(a)) and joined.group(1) not in joined.group(2):
        # 「某指挥部及某服务中心」: two bodies that publish one report; either one's name names it
        return frozenset({a} | agency_aliases(joined.group(1)) | agency_aliases(joined.group(2)))
    out = {a}
    base = a.removesuffix("人民政府")
    if base == a and a.endswith(("乡政府", "镇政府", "县政府", "市政府", "区政府")) and len(a) >= 5:
        base = a.removesuffix("政府")  # 「芦洋乡政府」: a township's government printed without 人民
    if base != a:
        out |= {base, base + "政府", base + "人民政府"}
    if "人民政府" in a and not a.endswith("人民政府"):  # 上海市人民政府办公厅 → 上海市政府办公厅, 市政府办公厅
        head, tail = a.split("人民政府", 1)
        out |= {head + "政府" + tail, "市政府" + tail if head.endswith("市") else tail}
        if tail in ("办公厅", "办公室"):  # a government's general office publishes the government's report
            out |= {head + "政府", head + "人民政府"}
    if (town := _PLACE_THEN_TOWN.match(base)) and not _BOUNDARY.search(base[:2]):
        # 「平潭苏澳镇人民政府」: a place's name said before a township's, with no 县 between
        out |= {town.group(1), town.group(1) + "政府", town.group(1) + "人民政府"}
    for name in list(out):
        for suf in _UNIT_SUFFIX:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                out.add(name[: -len(suf)])
    for m in _BOUNDARY.finditer(base):  # bodies under a government: …君山片区管理局 → 君山片区, 君山
        sub = base[m.end():]
        if len(sub) < 2:
            continue
        out.add(sub)
        if base != a and sub.endswith(_UNIT_SUFFIX):  # 平潭县平原镇人民政府 is 平原镇人民政府, 平原镇政府
            out |= {sub + "人民政府", sub + "政府"}
        for suf in _ORG_SUFFIX + _UNIT_SUFFIX:
            if sub.endswith(suf) and len(sub) - len(suf) >= 2:
                stem = sub[: -len(suf)]
                out.add(stem)
                out |= {stem[: -len(u)] for u in _UNIT_SUFFIX if stem.endswith(u) and len(stem) - len(u) >= 2}
        if "片区" in sub:
            out.add(sub.split("片区")[0])
    if base.find("片区") >= 2 and not _BOUNDARY.search(base):  # 「X片区开发管理局」 itself: X片区, X
        out |= {base[:base.index("片区") + 2], base[:base.index("片区")]}
    for x in list(out):  # 「交通运输局港航处」: an office of a bureau is named by itself (港航处)
        if (office := _OFFICE_OF.search(x)) and office.start(1) > 0:
            out.add(office.group(1))
    for x in list(out):  # 市场监督管理局 → 市场监管局, 国有资产管理局 → 国资局, 旅游与文化体育局 → 旅游文体局
        short = x
        for long_form, abbr in _ABBREVIATIONS:
            short = short.replace(long_form, abbr)
        if short != x:
            out.add(short)
    for name in list(out):  # 平潭县人民检察院 is 平潭县检察院, 检察院; 人民政府 keeps its own forms above
        if "人民" in name and "人民政府" not in name and len(name.replace("人民", "")) >= 3:
            bare = name.replace("人民", "")
            out |= {bare} | {bare[m.end():] for m in _BOUNDARY.finditer(bare) if len(bare) - m.end() >= 3}
    if council := _COUNCIL.match(a):  # 政协平潭县委员会 is the 县政协, 平潭县政协, 平潭政协, or 政协
        org, place, level = council.groups()
        out |= {org, level + org, place + level + org, place + org}
    for name in list(out):  # 平潭县人民法院 is the 平潭法院: a county's courts and procuratorates said without 县
        for m in _COUNTY.finditer(name):
            if len(rest := name[m.end():]) >= 2 and rest.endswith(_ORGANS) and "人民政府" not in rest:
                out.add(name[:m.start() + len(m.group(1))] + rest)
    for name in list(out):  # 平潭县人民法院 is the 县法院, 平潭综合实验区综合执法局 the 区综合执法局: the level kept
        for m in _BOUNDARY.finditer(name):
            rest = name[m.end():]
            if m.group()[-1] in _LEVEL_CHARS and len(rest) >= 2 and not _BOUNDARY.search(rest) \
                    and rest not in _GENERIC and rest.endswith(_ORGANS):
                out.add(m.group()[-1] + rest)
    for name in list(out):  # 万里街道办事处 is called 万里街道办, or 万里街道
        if name.endswith("街道办事处"):
            out |= {name.removesuffix("事处"), name.removesuffix("办事处")}
    for name in list(out):  # 建设和管理委员会 → 建管委, 发展和改革局 → 发改局, 地方税务局 → 地税局
        out |= _short_forms(name) | _society_forms(name)
    for name in list(out):  # 社会福利院 is called 福利院: a generic leading qualifier is dropped
        for qualifier in _GENERIC_QUALIFIERS:
            if name.startswith(qualifier) and len(name) - len(qualifier) >= 3:
                out.add(name[len(qualifier):])
    if base.endswith("综合实验区"):
        out |= {base.removesuffix("综合实验区"), base.removesuffix("综合实验区") + "实验区"}
    return frozenset(x for x in out if len(x) >= 2 and x not in _GENERIC)


_GENERIC_QUALIFIERS = ("社会", "公共", "综合")
_DROPPED_QUALIFIERS = ("行政", "综合", "公共", "管委会", "党工委")
_SHORT_SUFFIX = (("委员会", "委"), ("管理局", "局"), ("局", "局"), ("办公室", "办"))
_JOIN = re.compile(r"[和与及]")


def _short_forms(name: str) -> set[str]:
    """The short form departments go by: the first character of each part of the name joined by
    和/与 (建设和管理委员会 → 建管委, 人力资源和社会保障局 → 人社局), or of each two-character word
    of a four-character name (卫生健康委员会 → 卫健委, 地方税务局 → 地税局), with the suffix
    shortened; a place before the department stays in front (沭阳县发改局, 沭阳发改局)."""
    for long_suffix, short_suffix in _SHORT_SUFFIX:
        if not name.endswith(long_suffix):
            continue
        body = name[: -len(long_suffix)]
        place = ""
        if m := list(_BOUNDARY.finditer(body)):
            place, body = body[: m[-1].end()], body[m[-1].end():]
        parts = [p for p in _JOIN.split(body) if p]
        if len(parts) >= 2:
            head = "".join(p[0] for p in parts)
        elif len(body) == 4:
            head = body[0] + body[2]
        else:
            return set()
        short = head + short_suffix
        out = {short}
        if place:
            out |= {place + short}
            bare = place[:-1] if place[-1] in "市县区" and 3 <= len(place) <= 4 else ""  # 沭阳县 → 沭阳
            if bare:
                out.add(bare + short)
        return out
    return set()


def _society_forms(name: str) -> set[str]:
    """The short forms of a 联合会 or 协会 (文学艺术界联合会 → 文联, 归国华侨联合会 → 侨联, 工商业联合会 →
    工商联, 科学技术协会 → 科协, 计划生育协会 → 计生协): the field's first or last character, or its
    first two, before 联 or 协."""
    for long_end, short_end in (("联合会", "联"), ("协会", "协")):
        if not name.endswith(long_end):
            continue
        body = name[: -len(long_end)]
        if m := list(_BOUNDARY.finditer(body)):
            body = body[m[-1].end():]
        if len(body) < 2:
            return set()
        heads = {body[0], body[-1]} | ({body[:2]} if len(body) == 3 else set()) \
            | ({body[0] + body[2]} if len(body) == 4 else set())
        return {h + short_end for h in heads}
    return set()


# the last character a department's short form keeps: 城市管理行政执法局 → 城管执法局, 城管局
_DEPT_END = {"委员会": "委", "办公室": "办", "局": "局", "委": "委", "厅": "厅", "院": "院", "所": "所",
             "中心": "中心", "队": "队", "站": "站", "署": "署", "部": "部"}
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_AREA = re.compile(r"^[\u4e00-\u9fff]{2,4}?片区(?=[\u4e00-\u9fff]{4})")
_LONG_END = {"办": "办公室", "委": "委员会"}
_PLACE_THEN_TOWN = re.compile(r"^[\u4e00-\u9fff]{2}([\u4e00-\u9fff]{2}[乡镇])$")
_AREA_BODY = re.compile(r"(?:(?<=[区县市])|^)([\u4e00-\u9fff]{2,4}?片区)[\u4e00-\u9fff]*?"
                        r"(指挥部|管理局|管委会|办公室|服务中心|局|办)$")


@lru_cache(maxsize=65536)
def _department(agency: str) -> tuple[str, str] | None:
    """(the department's name without place and ending, the ending its short forms keep)."""
    base = normalize(agency).replace(" ", "").removesuffix("人民政府")
    if m := list(_BOUNDARY.finditer(base)):
        base = base[m[-1].end():]
    base = _AREA.sub("", base)  # 「平潭片区跨境贸易电子商务办公室」: the 片区 is where it sits, not its name
    for long_end, short_end in _DEPT_END.items():
        # a 委员会 of a two-character field (交通委员会 → 交委, 教育委员会 → 教委) is named by it too
        if base.endswith(long_end) and len(base) - len(long_end) >= (2 if long_end == "委员会" else 3):
            return base[: -len(long_end)], short_end
    return None


def abbreviation_in(question: str, agency: str) -> str | None:
    """The longest word of the question that abbreviates the department's name the way short forms
    are made: its first character, then characters of the name in order, then the ending
    (城管执法局, 城管局 for 城市管理行政执法局; 财政局 for 财政金融局). At least two characters of
    the name must stay, so a bare ending (局) or a generic word (管理局) names nobody."""
    dept = _department(agency)
    if dept is None:
        return None
    body, end = dept
    # 「交建部门」「卫计系统」: the short form with the department said as such in place of its ending
    ends = [e for e in (end, *_SAID_AS_DEPARTMENT) if e in question]
    if not ends:  # asked of every agency held, per question: the cheap test first
        return None
    # 执法应急局 for 综合执法与应急管理局: the generic qualifier it opens with and its joiners dropped
    bare = _JOIN.sub("", next((body[len(q):] for q in _DROPPED_QUALIFIERS if body.startswith(q)), ""))
    best = None
    for run, said_end in ((r, e) for r in _CJK.findall(question) for e in ends):
        for j in range(len(run)):
            if not run.startswith(said_end, j):
                continue
            # 交委, 教委: one character of a two-character field before 委 (never before 局: 教局 is no name)
            one = said_end == "委" and len(body) == 2 and j >= 1 and run[j - 1] == body[0]
            for start in range(max(0, j - 8), j if one else j - 1):
                head = run[start:j]
                longer = best is None or len(head) + len(said_end) > len(best)
                # 审批局 for 行政审批局: the name without the generic qualifier it opens with (not 执法局
                # for 城市管理行政执法局: what that drops names the department)
                tail = body.endswith(head) and body[: len(body) - len(head)] in _DROPPED_QUALIFIERS
                if longer and (tail or (head[0] == body[0] and in_order(head, body))
                               or (head[0] == bare[:1] and in_order(head, bare))
                               or _initials_of_words(head, body) or _from_a_word(head, body)):
                    # 「跨境电商办公室」: the ending said in full is part of the name said
                    long_end = _LONG_END.get(said_end, said_end)
                    best = head + (long_end if run.startswith(long_end, j) else said_end)
    return best if best and best not in _GENERIC else None


_SAID_AS_DEPARTMENT = ("部门", "系统")


_AGENCY_SUFFIX = re.compile(r"(?:局|委|委员会|办|办公室|院|厅|所|中心|指挥部|政府|办事处|街道|镇|乡|区|县|市)$")
# what may follow a bare stem that names the agency (「文体系统」「卫计部门」「文体2019年」), not an item's words
_STEM_AS_NAME = re.compile(r"$|[^\u4e00-\u9fff]"
                           r"|(?:部门|系统|口|方面|单位|领域|行业|的|在|有|共|全年|今年|去年|上年|本年|年度)")
_GLOSSED = re.compile(r"(?P<long>[\u4e00-\u9fff]{4,24})[（(](?P<short>[\u4e00-\u9fff]{2,10})[)）]")
_GLOSS_LEAD = re.compile(r"^(?:.*?[年的])?(?=[\u4e00-\u9fff]{4,}$)")
_LEVEL_SELF = re.compile(r"(市|区|县|镇|乡)人民政府$")


_ISSUED = re.compile(r"^(.{4,40}?)关于(?:批复|下达|核批|批准)")


def issuer_of(report: Report) -> str | None:
    """The agency that issued a 批复 notice about another unit's budget or accounts (the report is
    the addressee's): 「国资局批给科技研究院的…」 names it, and it labels nothing."""
    m = _ISSUED.match(normalize(report.title or "").replace(" ", ""))
    return m.group(1) if m and report.agency and m.group(1) != report.agency else None


def report_names(question: str, report: Report) -> frozenset[str]:
    """Every name the question may call a report's agency by: its own, and its 批复's issuer."""
    names = names_used(question, report.agency) if report.agency else frozenset()
    issuer = issuer_of(report)
    return names | names_used(question, issuer) | {issuer} if issuer else names


@lru_cache(maxsize=65536)  # the verifier asks it of every candidate figure of a question
def names_used(question: str, agency: str) -> frozenset[str]:
    """The agency's names, with the short form this question made up for it (城管局), and for a
    government the words it calls itself by (市政府, 全市, 本市): they name it, they label nothing.
    Not aliases: 「市政府」 alone would name every city's government."""
    names = set(agency_aliases(agency))
    q = normalize(question).replace(" ", "")
    rest = q
    for _ in range(3):  # 「台湾工作部…台工部本级」: the full name and a short form, in one question
        if not (short := abbreviation_in(rest, agency)):
            break
        names.add(short)
        rest = rest.replace(short, "|")
    full = normalize(agency).replace(" ", "")
    if not any(n in q for n in names):
        # 「附中筹建办」「师大附中筹建办」 for 福建师大平潭附中筹建办: the name's ending kept, words before it
        # dropped; only this report's own names are claimed so, never another agency chosen by them
        names |= _said_short(q, names)
    for m in _GLOSSED.finditer(q):
        # 「区重点项目统筹管理办公室（项目办）」: a body's full name, glossed by a name of the agency, is
        # the agency's name too, though the report never prints it
        if m.group("short") in names and _AGENCY_SUFFIX.search(long := _GLOSS_LEAD.sub("", m.group("long"))) \
                and len(long) >= 4:
            names |= {long, m.group(0)[m.group(0).find(long):]}
    for body in re.split(r"[及和与]", full):  # 「…指挥部及…服务中心」: each body of a joint report
        if (area := _AREA_BODY.search(body)) and (short := area.group(1) + area.group(2)) in q:
            names.add(short)  # 「金井片区指挥部」 for …金井片区开发建设指挥部: the area and the body's ending
    for said in [n for n in names if len(n) >= 2 and n in q]:
        # 「平潭经发局」「平潭教育局」: the place a short name is prefixed with is part of the same name
        at = q.find(said)
        place = next((q[at - k:at] for k in range(min(at, 8), 0, -1)
                      if (k > 1 and q[at - k:at] in full) or _place_short(q[at - k:at], full, names)), "")
        if place:
            names.add(place + said)
    if any(n in q and _AGENCY_SUFFIX.search(n) for n in names):
        # named by a full or short name (文旅局), the bare stem elsewhere in the question is an item
        # of the report (「文化和旅游支出」), not the agency again
        names = {n for n in names if _AGENCY_SUFFIX.search(n) or n not in q}
    # 「其他文体支出」 with no name of the 文体局 said: the bare stem inside an item's words is the item's
    names = {n for n in names if n not in q or not _bare_stem(n, names)
             or any(_STEM_AS_NAME.match(q, m.end()) for m in re.finditer(re.escape(n), q))}
    if dept := _department(agency):  # 「本局工作动态」「我局…」: the agency speaking of itself
        names |= {w for w in (f"本{dept[1]}", f"我{dept[1]}", "本单位", "我单位", "本部门", "我部门") if w in q}
    if m := _LEVEL_SELF.search(normalize(agency).replace(" ", "")):
        level = m.group(1)
        names |= {level + "政府", level + "人民政府", "全" + level, "本" + level}
    return frozenset(names)


def _bare_stem(n: str, names: set[str]) -> bool:
    """「文体」 of 文体局: a name that is another one less its body's ending (not a short form, 台工部);
    「计划生育」 of 卫生和计划生育局: one of the fields a joint name joins, less the ending."""
    return not _AGENCY_SUFFIX.search(n) and any(
        _AGENCY_SUFFIX.search(o) and ((o.startswith(n) and 0 < len(o) - len(n) <= _SHORT_END)
                                      or n in _JOINED_FIELDS.split(_AGENCY_SUFFIX.sub("", o)))
        for o in names)


_JOINED_FIELDS = re.compile(r"[和与及、]")


def _place_short(place: str, full: str, names: set[str]) -> bool:
    """「某某新区」 or 「区」 before 财金局, for 某某综合新区财政金融局: the place the full name opens
    with, said short (its first and last characters kept, the rest in order) or by its level alone."""
    if not place or place[-1] not in "省市区县":
        return False
    for n in names:
        head = full[:-len(n)] if len(n) >= 2 and full.endswith(n) and len(full) > len(n) else ""
        if head and head[-1] == place[-1] and (len(place) == 1 or (place[0] == head[0] and in_order(place, head))):
            return True
    return False


def _from_a_word(head: str, body: str) -> bool:
    """「两岸电商服务」 of 海峡两岸电子商务服务: a name shortened from one of its words on, its leading
    qualifier dropped; four characters at least, so what is kept still names the one department."""
    if len(head) < 4:
        return False
    at, starts = 0, []
    for w in word_list(body):
        starts += [at, at + 2] if len(w) == 4 else [at]  # 海峡两岸 is 海峡 + 两岸
        at += len(w)
    return any(body[k] == head[0] and in_order(head, body[k:]) for k in starts if k < len(body))


def _initials_of_words(head: str, body: str) -> bool:
    """「征安」 of 土地房屋征收安置工作领导小组: first characters of words inside a long name, in order,
    the way a 领导小组办公室 is called (征安办, 创文办). A whole word from the middle (执法 of 城市管理
    行政执法) is no such short form: what it drops names the department."""
    words = [w for w in word_list(body) if w]
    initials = "".join(w[0] for w in words if len(w) >= 2)
    return len(head) >= 2 and len(words) >= 4 and in_order(head, initials)


# 「根据2017年决算推算」「按2017年的说明倒推」: the report a figure of another year is worked out from
WORKED_FROM = re.compile(r"(?:根据|按照?|依据|照着?|从|用|拿)[^，。？?]{0,20}?((?:19|20)\d\d)\s*年[^，。？?]{0,20}?"
                          r"(?:推算|倒推|推出|算出|反推|往回算|回推|推)")


# 「（看2019年决算说明）」「根据2018年预算说明，…上一年（2017年）的…」: the report to read, named by its year
# (the agency may be named before the year: 「根据某乡2018年的预算说明」)
SOURCE_SAID = re.compile(r"(?:看|见|查|根据|按照?|依据|据|照|从)\s*[^，,。？?\d]{0,12}?((?:19|20)\d\d)\s*年度?的?"
                          r"(?:部门)?(?:预算|决算|年报|年度报告)(?:说明|报告|公开)?")


ASKS = re.compile(r"多少|几(?!乎)[\u4e00-\u9fff]|几$|是什么|哪|呢\s*[？?]?\s*$")
CLAUSES = re.compile(r"[，,；;。：:]")


_THAN_BEFORE = re.compile(r"(?:比|较|与)(?:上一?年度?|去年)")
_COMPARED_WITH_BEFORE = re.compile(r"(?:比|较|与|和|跟|同)\s*(?:上一?年度?|去年)")


def asked_clause_year(question: str) -> int | None:
    """The one year named by the only clause that asks, when another clause names another year and
    asks nothing (「…比2017年多，2017年的是多少」); None when the years are compared or each asked."""
    clause = asking_clause(question)
    own = {int(y) for y in _YEAR.findall(clause)} if clause else set()
    named = set(years_in(question))
    if len(own) == 1 and named == own and clause and (
            _THAN_BEFORE.search(said := question.replace(clause, ""))
            or re.search(rf"(?:比|较|与)\s*{next(iter(own))}\s*年", said)):
        # 「本年收入比上年少了一些，2015年的是多少」「…比2015年减少30.95%，那2015年呢」: the year the
        # said change is against is the one asked
        return own.pop()
    if len(own) != 1 or len(named) != 2:
        return None
    asked = own.pop()
    # only a later year said beside it (its report tells of the year before); 「在去年的年报里说，今年要
    # 做好哪几方面」 asks the 2022 report about its plans
    return asked if named == {asked, asked + 1} else None


def asking_clause(question: str) -> str | None:
    """The only clause of several that asks for something (多少, 几, 哪), else None: the rest is what
    the asker already says, and only the asking clause decides the operation and the year."""
    q = _DATE.sub("", _CARRY_YEAR.sub("", normalize(question)))
    clauses = [c for c in CLAUSES.split(q) if c.strip()]
    asking = [c for c in clauses if ASKS.search(c)]
    return asking[0] if len(clauses) >= 2 and len(asking) == 1 else None


def without_worked_from(question: str) -> str:
    """The question without its 「根据2017年决算推算」: what remains asks for the figure itself."""
    return WORKED_FROM.sub("", normalize(question))


_NAMED_BY_PLACE = 4  # characters below which a name matched is a bare place, not a body
_SHORT_END = 3  # characters of the name's ending a short form keeps as they stand (筹建办, 管理局)


@lru_cache(maxsize=20_000)
def _short_ends(agency: str) -> frozenset[str]:
    """The endings a short form of the agency keeps (cheap test before reading its names one by one)."""
    return frozenset(n[-_SHORT_END:] for n in agency_aliases(agency) if len(n) >= 6)


def _said_short(q: str, names: Iterable[str]) -> set[str]:
    """The longest stretches of the question that shorten one of the names: at least four characters,
    the name's last three kept as they stand, the others the name's in order."""
    found: set[str] = set()
    for name in (n for n in names if len(n) >= 6):
        end = name[-_SHORT_END:]
        at = q.find(end)
        if at < 0:
            continue
        stop = at + len(end)
        best = next((q[start:stop] for start in range(max(0, stop - len(name) + 1), stop - 3)
                     if _CJK.fullmatch(q[start:stop]) and in_order(q[start:stop], name)), "")
        if best:
            found.add(best)
    return found


def in_order(short: str, long: str) -> bool:
    """Whether every character of `short` stands in `long`, in the same order (gaps allowed)."""
    it = iter(long)
    return all(ch in it for ch in short)


def misspelt_place(question: str, reports: list[Report]) -> tuple[str, str] | None:
    """(what the question typed, the stored agency) when no name matches exactly and the place the
    question opens with is one character off exactly one stored agency (「沐阳县」 for 沭阳县), so
    the answer can say which spelling it read."""
    q = normalize(question).replace(" ", "")
    agencies = {r.agency for r in reports if r.agency}
    if any(a in q for ag in agencies for a in agency_aliases(ag)):
        return None
    place = _PLACE.match(q)
    if place is None:
        return None
    from index.agency import near_spellings

    near = near_spellings(place.group(1) + place.group(2), {ag: agency_aliases(ag) for ag in agencies})
    return (next(iter(near.values())), next(iter(near))) if len(near) == 1 else None


def named_agencies(question: str, reports: list[Report]) -> list[Report]:
    """Reports whose agency the question names; the longest name wins (平潭 vs 平潭…君山片区)."""
    q = normalize(question).replace(" ", "")
    matched: dict[str, str] = {}  # each distinct agency once: 10,000 reports hold far fewer
    for agency in {r.agency for r in reports if r.agency}:
        hits = [a for a in agency_aliases(agency) if a in q]
        if hits:
            matched[agency] = max(hits, key=len)
        elif short := abbreviation_in(q, agency):
            matched[agency] = short
    if max(map(len, matched.values()), default=0) < _NAMED_BY_PLACE:
        # 「附中筹建办」「平潭附小筹建办」: a short form that keeps the name's ending, when nothing but a bare
        # place (平潭) names another agency
        for agency in {r.agency for r in reports if r.agency} - set(matched):
            if any(end in q for end in _short_ends(agency)) \
                    and (short := max(_said_short(q, agency_aliases(agency)), key=len, default=None)):
                matched[agency] = short
    best = {r.id: len(matched[r.agency]) for r in reports if r.agency in matched}
    if not best:  # the place the question opens with, one character off (沭/沐): taken when one agency is that close
        from index.agency import near_spellings

        place = _PLACE.match(q)
        if place is None:
            return []
        near = near_spellings(place.group(1) + place.group(2),
                              {ag: agency_aliases(ag) for ag in {r.agency for r in reports if r.agency}})
        return [r for r in reports if r.agency in near] if len(near) == 1 else []
    picked = [r for r in reports if r.id in best]
    # drop an agency whose matched name is part of a longer matched one (平潭 inside 平潭…管理局),
    # and a government when one of its own bodies is named too (平潭 + 市场监管局 → the bureau)
    names = {r.id: matched[r.agency] for r in picked}
    picked = [r for r in picked if not any(names[r.id] != n and names[r.id] in n for n in names.values())]
    agencies = {r.agency for r in picked}
    return [r for r in picked if not any(a != r.agency and a.startswith(r.agency) for a in agencies)]


# 市民/市场/区域/乡村 are words, not the end of a place name (「普通市民」 names no city)
_PLACE = re.compile(r"^(?:20\d\d\s*年度?)?([\u4e00-\u9fff]{2,4}?)"
                    r"(省|自治区|市(?![民场])|县(?!城)|区(?!域)|镇|乡(?!村))")
# 「月球上的政府」, but not 「用于政府采购」: 政府 starting a compound names no government
_GOVERNMENT = re.compile(r"^(?:20\d\d\s*年度?)?([\u4e00-\u9fff]{2,6}?)(?:上的|的)?(?:人民)?政府"
                         r"(?!采购|信息|性|网站|公报|部门|工作|购买|债|投资|补助|定价|服务)")
_NOT_NAME_CHARS = set("了几多少公开收到申请是有在对向给被把用于为打算")
_NOT_PLACE_CHARS = set("全本各该哪这那我年政府办代表超介城社辖片上下")


def unknown_place(question: str, reports: list[Report]) -> str | None:
    """A place the question opens with that no stored report belongs to (「北京市…」 when we hold none)."""
    q = normalize(question).replace(" ", "")
    known = "".join((r.agency or "") + (issuer_of(r) or "") for r in reports)
    gov = _GOVERNMENT.match(q)  # 「月球上的政府…」: a government we hold no report of
    if gov and not set(gov.group(1)) & (_NOT_PLACE_CHARS | _NOT_NAME_CHARS) and gov.group(1) not in known:
        return gov.group(1) + "政府"
    if dept := _unknown_department(q, reports, known):
        return dept
    m = _PLACE.match(q)
    if not m or set(m.group(1)) & _NOT_PLACE_CHARS:
        return None
    name = m.group(1)
    # 「纳入重庆市…」: a verb before the place is no part of its name
    if any(name[i:] in known for i in range(len(name) - 1)):
        return None
    from index.agency import one_char_apart

    close = {r.agency for r in reports if r.agency and any(
        one_char_apart(name, r.agency[i:i + len(name)]) for i in range(len(r.agency) - len(name) + 1))}
    return None if len(close) == 1 else name + m.group(2)


_DEPARTMENT_WORD = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:局|委员会)")


def _unknown_department(q: str, reports: list[Report], known: str) -> str | None:
    """「平潭教育局2023年…」 when no report of any 教育局 is held: a department's name (…局, …委员会)
    that no stored agency holds, nor abbreviates, is named as missing rather than left to match others."""
    for m in _DEPARTMENT_WORD.finditer(q):
        word = m.group()
        tails = [word[i:] for i in range(len(word) - 2)]  # 平潭教育局, 潭教育局, 教育局
        if any(t in known for t in tails) or word in _GENERIC:
            continue
        if any(abbreviation_in(q, r.agency) for r in reports if r.agency):
            continue
        return word
    return None


_LEVELS = {
    "区县": re.compile(r"(区|县)(人民政府)?$"),
    "县区": re.compile(r"(区|县)(人民政府)?$"),
    "镇街": re.compile(r"(镇|乡|街道|街道办事处)(人民政府)?$"),
    "乡镇": re.compile(r"(镇|乡)(人民政府)?$"),
    "街道": re.compile(r"(街道|街道办事处)$"),
    "地市": re.compile(r"市(人民政府)?$"),
}


def by_level(question: str, reports: list[Report]) -> list[Report]:
    """「哪个区县…」 compares district and county governments only, when there are any. The level must be
    asked about (哪个/各/所有 …街道): 「万里街道和福利院谁更高」 names a 街道 but asks about both."""
    for word, pattern in _LEVELS.items():
        if re.search(r"(哪|各|所有|全部|每)[个些家一]?" + word, question):
            picked = [r for r in reports if r.agency and pattern.search(r.agency)]
            return picked or reports
    return reports


# 「到2024年8月底」 is a date inside a report, not the year a report is about
_DATE = re.compile(r"(20\d\d|19\d\d)\s*年\s*\d{1,2}\s*月")


# 「2024年预算比2023年执行数增加了多少」: 2023 is what the report compares with, not another report
_BASE_YEAR = re.compile(r"(?<=[比较])\s*(20\d\d)\s*年")


def years_in(question: str) -> list[int]:
    q = _DATE.sub("", _CARRY_YEAR.sub("", normalize(question)))
    named = [int(y) for y in _YEAR.findall(q)]
    if len(set(named)) > 1:  # with another year named, 比2023年 is one of the two years compared
        return named
    return [int(y) for y in _YEAR.findall(_BASE_YEAR.sub("", q))]


_TEMPLATE_TIME_WORDS = re.compile(
    r"(上一?年|本年度?|今年|去年)(?=结转|转过来|转入|项目|新收|制发|废止|处理|收费|增|新制作|新公开|度办理"
    # 「上年滚存结余」「上年结余」: a budget's balance brought forward, a line of its own
    r"|滚存|结余|结存|财政滚存)"
)
# 「结转到2026年」 names the year cases move to, not the year of the report
_CARRY_YEAR = re.compile(r"(结转|转入|转到|留到)(到|至)?\s*(20\d\d)\s*年")


def relative_year(question: str) -> int | None:
    """今年/去年/前年 as an offset; 「上年结转」「本年新收」 are row labels, not times."""
    # 「比上年少了一半」「和上年比是增是减」 compare with the year before: the year asked is the report's own
    q = _COMPARED_WITH_BEFORE.sub("", _TEMPLATE_TIME_WORDS.sub("", question))
    for word, delta in sorted(_RELATIVE.items(), key=lambda kv: -len(kv[0])):
        if word in q:
            return delta
    return None


_AHEAD = 2  # years after its own that a budget prints estimates for (a three-year plan)


def resolve_scope(question: str, reports: list[Report], filters: Filters, focus: list[Report]) -> Scope:
    """Narrow `reports` by filters, then by what the question names, else by the conversation focus."""
    pool = reports
    if filters.reports:
        pool = [r for r in pool if r.id in filters.reports]
    if filters.agency:
        want = normalize(filters.agency)
        pool = [r for r in pool if r.agency and (want in agency_aliases(r.agency) or want == r.agency)]
    if filters.year:
        pool = [r for r in pool if r.year == filters.year]

    named = named_agencies(question, pool)
    years = years_in(question)
    source = None
    said = normalize(question)
    if (worked := WORKED_FROM.search(said) or SOURCE_SAID.search(said)) and len(set(years)) == 2:
        # 「根据2017年决算推算，2016年的…」: the year asked is the other one, worked out from that report
        source = int(worked.group(1))
        years = [y for y in years if y != source] if source - 1 in years else years
    elif len(set(years)) == 1 and relative_year(said.replace(worked.group(), "") if worked else said) == -1 \
            and not any(r.template for r in pool if r.year in years):  # (a disclosure table's 上一年 column)
        # 「照2018年预算说明里的增加额倒推，…上一年的支出预算」「2017年…上一年的收入预算」: the year before the
        # year named (the report read, when the question names it as the source)
        source = years[0] if worked else None
        years = [years[0] - 1]
    if (asked := asked_clause_year(question)) is not None:
        years = [asked]  # 「…比上年增加了，2017年的收入预算是多少」: the other year is said, not asked
    rel = relative_year(question)
    scope = Scope(pool, bool(named), years, rel)
    anchor = {a.agency for a in (named or focus)}
    if anchor:  # each distinct agency compared once, not each of 10,000 reports
        same = {ag for ag in {r.agency for r in pool} if ag in anchor or any(same_agency(ag, a) for a in anchor)}
        chosen = [r for r in pool if r.agency in same]
    else:
        chosen = pool
    if years:
        of_agency = chosen
        chosen = [r for r in chosen if r.year in years]
        if (not chosen or source == years[0] + 1) and anchor and len(set(years)) == 1:
            # no report of the year, or the question says which later report to work it out from
            chosen = [r for r in of_agency if r.year == years[0] + 1] or chosen
            scope.earlier_year = years[0] if chosen and chosen[0].year == years[0] + 1 else None
            before = [r for r in of_agency if r.year and years[0] - _AHEAD <= r.year < years[0]]
            if not chosen and source is None and before and len({r.agency for r in before}) == 1:
                latest = max(r.year for r in before)
                chosen, scope.later_year = [r for r in before if r.year == latest], years[0]
    elif rel is not None and (focus or len({r.agency for r in chosen}) == 1):
        # 今年/去年 count from the report in focus, else from the latest report of the one agency named
        base = max((r.year for r in (focus or chosen) if r.year), default=None)
        if base is not None:
            latest = [r for r in chosen if r.year == base]
            chosen = [r for r in chosen if r.year == base + rel]
            if not chosen and rel == -1 and latest:
                # 「规划局上年的车辆经费」 with no report of that year: what the latest report says of the
                # year before it (its level and the change it prints), as for that year named
                chosen, scope.earlier_year = latest, base - 1
    elif focus and not named:
        focus_ids = {r.id for r in focus}
        chosen = [r for r in chosen if r.id in focus_ids] or chosen
    elif focus and named:  # 「洪泽区呢？」 after a 2024 question: the same year of another agency
        chosen = [r for r in chosen if r.year in {f.year for f in focus}] or chosen
    scope.reports = chosen
    return scope
