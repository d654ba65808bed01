"""Finance pages whose titles name no 部门预算, and budget lines worked out in the text:

* a 批复 of a 国有资本经营预算 and a 部门收支预算编制说明: budgets by their titles;
* a page filed in a finance column (栏目 「财政预算、决算报告」) whose title names a notice or a stock-take
  (「2017年体彩公益金统计及使用情况公告」「…办公室国有资产清查工作报告」) is a finance page: the office its title
  opens with, else its publisher, and the one year its title names, else the year its text names most; a
  letter filed in the annual-report column (「关于2015年政府信息公开工作要点落实情况的函」) is the body that signs it,
  of the year its title names; an empty crawl field (「发布机构: 」) takes nothing from the line after it;
* 「① 基本工资：15000元×12月=18.00万元」: a worked line's factors are its inputs; the figure after 「=」 is the
  line's, named by the words before the formula (a circled number opens the next line).
"""

from __future__ import annotations

from decimal import Decimal

from index.metadata import extract_metadata
from index.prose_facts import prose_facts


def _page(title: str, publisher: str, column: str, body: str) -> str:
    return (f"标题: {title}\n发布时间: 2019-03-02 10:00\n发布机构: {publisher}\n栏目: {column}\n"
            f"==================== 正文 ====================\n{body}\n")


def test_a_state_capital_budget_approved_is_its_addressees_budget() -> None:
    meta = extract_metadata(_page("平潭综合实验区财政金融局关于批复2018年市级国有资本经营预算的通知",
                                  "平潭综合实验区财政金融局", "财政预算、决算报告",
                                  "区国资局：现批复如下：国有资本经营预算收入总额120.5万元。"))
    assert (meta.agency, meta.year) == ("区国资局", 2018)


def test_a_budget_of_income_and_spending_is_a_budget() -> None:
    meta = extract_metadata(_page("芦洋乡人民政府关于2020年部门收支预算编制说明", "芦洋乡", "部门预算公开",
                                  "芦洋乡人民政府包括1个机关行政处室。2020年收入预算820万元。"))
    assert (meta.agency, meta.year) == ("芦洋乡人民政府", 2020)


def test_a_notice_in_a_finance_column_is_its_publishers_of_the_year_its_title_names() -> None:
    meta = extract_metadata(_page("平潭综合实验区2018年福彩公益金统计及使用情况公告", "平潭综合实验区社会事业局",
                                  "财政预算、决算报告", "2018年福彩公益金收入860万元，上年结余300万元。"))
    assert (meta.agency, meta.year) == ("平潭综合实验区社会事业局", 2018)


def test_a_stock_take_in_a_finance_column_is_the_office_its_title_opens_with() -> None:
    meta = extract_metadata(_page("平潭综合实验区重点项目推进领导小组办公室国有资产清查工作报告",
                                  "平潭综合实验区发展和改革局", "财政预算、决算报告",
                                  "清查基准日为2019年6月30日。截止2019年6月30日，我办资产总额52000元。"
                                  "2019年清查固定资产30000元。"))
    assert meta.agency == "平潭综合实验区重点项目推进领导小组办公室"
    assert meta.year == 2019


def test_a_letter_filed_in_the_annual_report_column_is_its_signers_of_its_titles_year() -> None:
    meta = extract_metadata(_page("关于2015年政府信息公开工作要点落实情况的函", "", "政府信息公开年报",
                                  "来源：平潭县人民政府 现将我区2015年政府信息公开工作要点落实情况函告如下："
                                  "全区主动公开政府信息4800余条。 平潭综合实验区管委会办公室 2015年12月8日 附件下载"))
    assert (meta.agency, meta.year) == ("平潭综合实验区管委会办公室", 2015)


def test_a_page_of_the_annual_report_column_no_body_signs_stays_unread() -> None:
    # the portal's 「来源：」 names the site's owner, not the page's author
    meta = extract_metadata(_page("2013年度政府信息公开工作情况", "", "政府信息公开年报",
                                  "来源：平潭县人民政府 时间：2014-03-01 本年度共主动公开信息120条。"))
    assert meta.agency is None


def test_an_empty_crawl_field_takes_nothing_from_the_next_line() -> None:
    # 「发布机构: 」 left empty: the 栏目 line after it is still the page's column (a finance page here)
    page = ("标题: 平潭综合实验区2016年体彩公益金使用情况公告\n发布时间: 2017-05-02 10:00\n发布机构: \n"
            "栏目: 财政预算、决算报告\n==================== 正文 ====================\n"
            "2016年体彩公益金收入420万元。\n")
    assert extract_metadata(page).year == 2016


def test_a_page_of_another_column_with_no_report_title_stays_unread() -> None:
    meta = extract_metadata(_page("关于开展2019年植树活动的通知", "平潭综合实验区林业局", "通知公告",
                                  "2019年3月12日组织植树。"))
    assert meta.year is None  # no finance page: its own year is not guessed from the text


_WORKED = (
    "（1）人员支出：61.20万元 ① 基本工资：15000元×12月=18.00万元 ② 地区津贴：20000元×12月= 24.00万元 "
    "③ 医疗保险：38000元×12月×8%=3.65万元 （2）公用支出：综合定额公用费："
    "①6000元× 5人（在编）+6000元×1人（借调）=3.6万元 "
    "5．村（居）级运转经费： 5万元×8个=400000元。"
)


def test_a_worked_lines_figure_is_the_result_named_by_the_line() -> None:
    facts = {f.row_path[-1]: f for f in prose_facts("r", _WORKED)}
    assert facts["基本工资"].value == Decimal("18.00")
    assert facts["地区津贴"].value == Decimal("24.00")
    assert facts["医疗保险"].value == Decimal("3.65")
    assert facts["综合定额公用费"].value == Decimal("3.6")
    assert next(f for label, f in facts.items() if "运转经费" in label).value == Decimal("400000")


def test_a_worked_lines_factors_are_no_figures() -> None:
    values = {(f.value, f.unit) for f in prose_facts("r", _WORKED)}
    assert (Decimal("15000"), "元") not in values
    assert (Decimal("38000"), "元") not in values
    assert (Decimal("5"), "万元") not in values
    assert not any(f.unit == "人" for f in prose_facts("r", _WORKED))
