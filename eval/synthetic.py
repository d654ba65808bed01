"""A synthetic corpus for scale runs: many agencies and years, random but consistent figures.

Why synthetic: the scale questions (how do ingest time, index size and lookup latency grow from
1,000 to 10,000 reports?) need a corpus of that size, and no such set of real reports is bundled.
Each report is written in the layout of the seed report (00_houjie_zhen_2023.txt: crawled page
text, one table cell per line, header cells broken over lines), filled with figures that satisfy
the 2021 template's identities, so the real parser, checks and fact store do their real work:

* every table 三 row's 总计 is the sum of its six applicant columns;
* per column, (七)总计 is the sum of the outcome rows, and
  本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理;
* every table 四 group's 总计 is the sum of its four results.

Reports are short on purpose (a one-sentence 总体情况, no long prose): embedding dominates
ingest time, and the point is the growth of the stores, not of the prose. `truth` keeps the
figures each report was written with, so a benchmark can also check the answers it times.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
# The outcome rows of table 三 in template order: (group heading or None, row label).
OUTCOMES: tuple[tuple[str | None, str], ...] = (
    (None, "(一)予以公开"),
    (None, "(二)部分公开"),
    ("(三)不予公开", "1.属于国家秘密"),
    (None, "2.其他法律行政法规禁止公开"),
    (None, "3.危及“三安全一稳定”"),
    (None, "4.保护第三方合法权益"),
    (None, "5.属于三类内部事务信息"),
    (None, "6.属于四类过程性信息"),
    (None, "7.属于行政执法案卷"),
    (None, "8.属于行政查询事项"),
    ("(四)无法提供", "1.本机关不掌握相关政府信息"),
    (None, "2.没有现成信息需要另行制作"),
    (None, "3.补正后申请内容仍不明确"),
    ("(五)不予处理", "1.信访举报投诉类申请"),
    (None, "2.重复申请"),
    (None, "3.要求提供公开出版物"),
    (None, "4.无正当理由大量反复申请"),
    (None, "5.要求行政机关确认或重新出具已获取信息"),
    ("(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    (None, "3.其他"),
)
# How likely each outcome is: most requests are answered, refused as not held, or partly opened.
_OUTCOME_WEIGHTS = (30, 10, 1, 1, 1, 1, 2, 2, 1, 3, 20, 4, 1, 3, 2, 1, 1, 1, 4, 1, 3)
_APPLICANT_SCALE = (1.0, 0.15, 0.02, 0.02, 0.05, 0.05)

# Two-character place stems: each agency gets its own stem, so no name is inside another.
_STEM_CHARS = "青白金石云松桂兰梅竹明安宁和丰泰盛源川河湖溪峰岭林桥城园华新东西南北清永昌平康乐福鹤凤龙鸣嘉禾瑞祥兴隆"
_LEVELS = (("镇", "人民政府"), ("街道", "办事处"), ("区", "人民政府"), ("县", "人民政府"), ("乡", "人民政府"))
YEARS = (2021, 2022, 2023, 2024, 2025)


@dataclass(frozen=True)
class SyntheticReport:
    """One generated report: its file name, who and when, its text, and the figures it holds."""

    report_id: str
    agency: str
    short_name: str
    year: int
    text: str
    truth: dict[str, Decimal] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.report_id}.txt"


def agency_names(count: int) -> list[tuple[str, str]]:
    """`count` distinct (full name, short name) pairs: 青白镇人民政府 / 青白镇 …"""
    stems = [a + b for a in _STEM_CHARS for b in _STEM_CHARS if a != b]
    if count > len(stems):
        raise ValueError(f"at most {len(stems)} synthetic agencies")
    out = []
    for i, stem in enumerate(stems[:count]):
        level, body = _LEVELS[i % len(_LEVELS)]
        short = stem + level
        out.append((short + body, short))
    return out


def _split(rng: random.Random, total: int, weights: tuple[int, ...]) -> list[int]:
    """`total` items dealt into len(weights) bins at random, in proportion to the weights."""
    bins = [0] * len(weights)
    for i in rng.choices(range(len(weights)), weights=weights, k=total):
        bins[i] += 1
    return bins


def table_three(rng: random.Random, size: int) -> dict[str, list[int]]:
    """Rows of table 三 (label → six applicant cells + 总计) that satisfy the template identities."""
    new = [int(size * s * rng.uniform(0.5, 1.5)) for s in _APPLICANT_SCALE]
    carried_in = [rng.randint(0, max(0, n // 10)) for n in new]
    carried_out = [rng.randint(0, (n + c) // 8) for n, c in zip(new, carried_in, strict=True)]
    closed = [n + c - o for n, c, o in zip(new, carried_in, carried_out, strict=True)]
    per_column = [_split(rng, closed[col], _OUTCOME_WEIGHTS) for col in range(len(APPLICANTS))]
    rows: dict[str, list[int]] = {
        "一、本年新收政府信息公开申请数量": new,
        "二、上年结转政府信息公开申请数量": carried_in,
    }
    for i, (_, label) in enumerate(OUTCOMES):
        rows[label] = [per_column[col][i] for col in range(len(APPLICANTS))]
    rows["(七)总计"] = closed
    rows["四、结转下年度继续办理"] = carried_out
    return {label: cells + [sum(cells)] for label, cells in rows.items()}


def table_four(rng: random.Random) -> list[int]:
    """15 numbers: 行政复议, 未经复议直接起诉, 复议后起诉 — each 4 results and their 总计."""
    out: list[int] = []
    for _ in range(3):
        parts = [rng.choice((0, 0, 0, 1, 1, 2, 3)) for _ in range(4)]
        out += parts + [sum(parts)]
    return out


def _lines(*cells: object) -> list[str]:
    """The seed's layout: every cell on its own line, separated by a blank line."""
    out: list[str] = []
    for c in cells:
        out += [str(c), ""]
    return out


def render(agency: str, short: str, year: int, rng: random.Random) -> tuple[str, dict[str, Decimal]]:
    """The report text and its truth (the figures a question can be checked against)."""
    size = rng.choice((5, 10, 20, 40, 80, 150, 300))
    t3 = table_three(rng, size)
    t4 = table_four(rng)
    active = rng.randint(200, 5000)
    licences, penalties, coercion = rng.randint(0, 30000), rng.randint(0, 3000), rng.randint(0, 100)
    fees = Decimal(rng.randint(0, 10_000_000)) / 100
    made, repealed, valid = rng.randint(0, 10), rng.randint(0, 10), rng.randint(10, 60)
    new_total, closed_total = t3["一、本年新收政府信息公开申请数量"][-1], t3["(七)总计"][-1]
    head = [
        f"{agency}{year}年政府信息公开工作年度报告",
        f"{agency}门户网站      {year + 1}-01-{rng.randint(10, 31):02d} 10:00:00  来源: 本网",
        "",
        f"  根据《中华人民共和国政府信息公开条例》第五十条之规定,制作本报告,"
        f"内容涵盖{agency}{year}年度政府信息公开工作情况。",
        "",
        "  一、总体情况",
        "",
        "  (一)主动公开方面",
        "",
        f"  {year}年,{short}主动公开信息{active}条。",
        "",
        "  (二)依申请公开方面",
        "",
        f"  {year}年,{short}收到政府信息公开申请{new_total}宗,答复办结{closed_total}宗。",
        "",
        "  二、主动公开政府信息情况",
        "",
    ]
    t2 = (
        _lines("第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
               "规章", 0, 0, 0, "行政规范性文件", made, repealed, valid)
        + _lines("第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", licences)
        + _lines("第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", penalties, "行政强制", coercion)
        + _lines("第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", fees)
    )
    t3_lines = ["  三、收到和处理政府信息公开申请情况", "", ""] + _lines(
        "申请人情况", "自然人", "法人或其他组织", "总计", "商业", "企业", "科研", "机构",
        "社会公益组织", "法律服务机构", "其他")
    for label, cells in t3.items():
        if label == "(一)予以公开":
            t3_lines += _lines("三、本年度办理结果")
        group = next((g for g, lab in OUTCOMES if lab == label), None)
        if group:
            t3_lines += _lines(group)
        t3_lines += _lines(label, *cells)
    t4_lines = ["  四、政府信息公开行政复议、行政诉讼情况", ""] + _lines(
        "行政复议", "行政诉讼", "结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计",
        "未经复议直接起诉", "复议后起诉",
        *(["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"] * 2), *t4)
    tail = [
        "  五、存在的主要问题及改进情况", "",
        f"  {short}政府信息公开工作仍有不足,下一步将加强培训。", "",
        "  六、其他需要报告的事项", "",
        "  本年度没有收取信息公开处理费。", "",
    ]
    text = "\n".join(head + t2 + t3_lines + t4_lines + tail)
    new_row = t3["一、本年新收政府信息公开申请数量"]
    truth = {
        "新收": Decimal(new_total), "办结": Decimal(closed_total), "自然人": Decimal(new_row[0]),
        "商业企业": Decimal(new_row[1]), "予以公开": Decimal(t3["(一)予以公开"][-1]),
        "不掌握": Decimal(t3["1.本机关不掌握相关政府信息"][-1]), "行政许可": Decimal(licences),
        "行政处罚": Decimal(penalties), "收费": fees, "主动公开": Decimal(active), "复议": Decimal(t4[4]),
    }
    return text, truth


def generate(count: int, seed: int = 7, years: tuple[int, ...] = YEARS) -> Iterator[SyntheticReport]:
    """`count` reports: agencies × years, each agency reporting on consecutive years.

    Deterministic for a given seed, so two runs of a benchmark measure the same corpus.
    """
    rng = random.Random(seed)
    agencies = agency_names(-(-count // len(years)))
    made = 0
    for i, (agency, short) in enumerate(agencies):
        for year in years:
            if made == count:
                return
            text, truth = render(agency, short, year, rng)
            yield SyntheticReport(f"syn_{i:05d}_{year}", agency, short, year, text, truth)
            made += 1


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[SyntheticReport]:
    """Write `count` reports as UTF-8 text files into `folder`; return them (with their truth)."""
    folder.mkdir(parents=True, exist_ok=True)
    reports = list(generate(count, seed))
    for r in reports:
        (folder / r.filename).write_text(r.text, encoding="utf-8")
    return reports


def main(argv: list[str] | None = None) -> int:
    """`python -m eval.synthetic OUT_DIR --count N`: write a synthetic corpus to look at or ingest."""
    p = argparse.ArgumentParser(prog="python -m eval.synthetic", description=main.__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    reports = write_corpus(args.out, args.count, args.seed)
    print(f"wrote {len(reports)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
