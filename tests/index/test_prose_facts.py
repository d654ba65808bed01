"""Numbers in the prose: the words before each are its label, as a text layer prints them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from index.prose_facts import prose_facts


def _by_label(text: str) -> dict[str, tuple[Decimal, str]]:
    return {f.row_path[-1]: (f.value, f.unit) for f in prose_facts("r", text)}


def test_a_unit_or_word_wrapped_to_the_next_line_stays_with_its_number():
    text = ("2026年本部门政府采购预算214,355.48万元，其中：政府采购货物预算21.62万元、政府采购服务预\n"
            "算24,821.72万元。预留给小型和微型企业的政府采购项目预算为55,732.43万\n元。")
    got = _by_label(text)
    assert got["政府采购服务预算"] == (Decimal("24821.72"), "万元")
    assert got["预留给小型和微型企业的政府采购项目预算为"] == (Decimal("55732.43"), "万元")


def test_a_heading_or_a_short_line_is_not_joined_to_the_next():
    text = "三、政府采购预算情况\n2026年本部门政府采购预算595.28万元。"
    assert "2026年本部门政府采购预算" in _by_label(text)


def test_a_numbered_items_subject_ends_at_the_next_section():
    text = ("3.开设政务公开栏在县政府大院门口设立政务公开专栏。2012年刊出政务公开栏12期。"
            "三、政府信息依申请公开工作情况 2012年全县共收到申请21条，其中当面申请数18条。")
    facts = {f.row_path[-1]: f.row_path for f in prose_facts("r", text)}
    assert facts["其中当面申请数"] == ("其中当面申请数",)
    assert facts["2012年刊出政务公开栏"][0].startswith("开设政务公开栏")


def test_an_item_of_a_list_without_its_unit_takes_the_heads() -> None:
    """「…主动公开52条，其中…类3条，国土资源…类信息 45，其他类4条」: 45 is a count of 条 too; a bare
    number outside such a list is no fact."""
    from index.prose_facts import prose_facts

    text = ("全年政府信息主动公开52条，其中政策及规范性文件类3条，国土资源城乡建设环保能源类信息 45，其他类4条；"
            "办理依申请公开19件。共有 12 个。")
    got = {(f.row_path[-1], str(f.value), f.unit, f.raw) for f in prose_facts("r", text)}
    assert ("国土资源城乡建设环保能源类信息", "45", "条", "45") in got
    assert not any(v == "12" for _, v, _, _ in got) or ("共有", "12", "个", "12 个") in got


def test_a_score_is_a_figure_of_its_own_unit(fixtures_dir) -> None:
    """「…平均得分\\n95.55分」: 分 is the unit of a score; 「百分之」「分钟」 are no score."""
    from index.prose_facts import prose_facts

    text = (fixtures_dir / "26_putuo_yichuan_final_2025.txt").read_text(encoding="utf-8")
    scores = [(f.row_path[-1], str(f.value)) for f in prose_facts("r", text) if f.unit == "分"]
    assert scores == [("平均得分", "95.55")]
    assert not [f for f in prose_facts("r", "占百分之5分，用时3分钟。") if f.unit == "分" and f.value == 3]


def test_an_item_whose_number_the_page_lost_is_still_an_item(fixtures_dir) -> None:
    """「“住房保障支出(类）-住房改革支出（款）-购房补贴（项）” 2026年度预算229.08万元」 opens the next
    item even without its 「10.」: its figures are the 购房补贴's, not the 住房公积金's before it."""
    from index.prose_facts import prose_facts

    text = (fixtures_dir / "34_putuo_shiquan_unit_budget_2026.txt").read_text(encoding="utf-8")
    subjects = {str(f.value): f.row_path[0] for f in prose_facts("r", text) if f.unit == "万元"}
    assert subjects["193.42"].endswith("住房公积金") and subjects["229.08"].endswith("购房补贴")
    assert not any(f.row_path[-1].startswith("项）") for f in prose_facts("r", text))


def test_an_aside_before_the_number_stays_in_its_clause() -> None:
    text = ("本局2024年度政府采购金额（以合同签订为准）为 356.20 万元。"
            "全年办理人大建议（含政协提案）共计12件。"
            "本单位（本级）共有车辆3辆；“一般公共服务支出（类）”5.00万元。")
    labels = {f.row_path[-1]: f.value for f in prose_facts("r", text)}
    assert labels["本局2024年度政府采购金额 以合同签订为准 为"] == Decimal("356.20")
    assert labels["全年办理人大建议 含政协提案 共计"] == Decimal("12")
    # the scope after an owner's name ends the name, and a level marker still opens nothing
    assert labels["本级）共有车辆"] == Decimal("3")
    assert Decimal("5.00") in labels.values() and not any("一般公共服务支出 类" in k for k in labels)


def test_a_unit_that_opens_the_next_cells_word_is_no_unit() -> None:
    # a flattened table: 「… 人员经费 512.30 项目经费 80.00 …」 has no 512.30项
    text = "五、支出表 人员经费 512.30 项目经费 80.00 部门 12 人员 3 条例。本年办理提案 3 项，新增 2 人。"
    got = {(f.value, f.unit) for f in prose_facts("r", text)}
    assert (Decimal("512.30"), "项") not in got and (Decimal("80.00"), "部") not in got
    assert (Decimal("12"), "人") not in got
    assert (Decimal("3"), "项") in got and (Decimal("2"), "人") in got


@pytest.mark.parametrize("sentence,expected", [
    # a label ends at the figure before it when a joiner follows that figure
    ("主要用于拆违等经费100万元、网络终端维护等经费150万元以及党委工作经费10万元支出。",
     [("主要用于拆违等经费", "100"), ("网络终端维护等经费", "150"), ("党委工作经费", "10")]),
    ("全年发布信息20条及图片5张。", [("全年发布信息", "20"), ("图片", "5")]),
    # 「由42分钟缩至19分钟」: no joiner, the words before stay (缩至 names nothing by itself)
    ("群众等候时间由42分钟缩至19分钟。", [("群众等候时间由", "42"), ("群众等候时间由42分钟缩至", "19")]),
])
def test_a_label_ends_at_the_figure_before_it(sentence: str, expected: list[tuple[str, str]]) -> None:
    got = [(f.row_path[-1], str(f.value)) for f in prose_facts("r", sentence)]
    assert got == [(label, str(Decimal(v))) for label, v in expected]


def test_an_explanation_after_a_lettered_item_is_about_its_subject() -> None:
    text = ("（三）项目支出（项级科目）260万元。主要用于拆违等经费100万元以及党委工作经费10万元支出。"
            "（四）其他支出30万元。2016年预算安排车辆经费76.8万元。")
    paths = {str(f.value): f.row_path for f in prose_facts("r", text)}
    assert paths["100"] == ("项目支出", "主要用于拆违等经费")
    assert paths["10"] == ("项目支出", "党委工作经费")
    assert paths["76.8"] == ("2016年预算安排车辆经费",)  # no explanation of （四）: its own subject


def test_an_amount_that_opens_its_clause_is_named_by_what_it_is_for() -> None:
    text = ("部门发展专项560万元。其中15万元用于口岸大通关建设工作经费，480万元用于澳前口岸办公服务大楼服务保障经费，"
            "65万元用于口岸专用光纤、网络租线经费。2016年支出预算614.3万元，主要用于人员支出。")
    got = {f.row_path[-1]: str(f.value) for f in prose_facts("r", text)}
    assert got["口岸大通关建设工作经费"] == "15"
    assert got["澳前口岸办公服务大楼服务保障经费"] == "480"
    assert got["口岸专用光纤、网络租线经费"] == "65"
    assert got["2016年支出预算"] == "614.3"  # a clause with its own subject keeps it


def test_a_sentence_opening_with_bi_goes_on_about_the_level_before() -> None:
    # 「（一）2016本年收入49.5万元。比2015年决算数增加9.5万元」: the change is of the level the last sentence ended on
    text = "（一）2017本年收入62.3万元。比2016年决算数增加12.3万元，增长24.6%。"
    facts = prose_facts("r", text)
    change = next(f for f in facts if f.value == Decimal("12.3"))
    assert change.row_path[:-1] == ("2017本年收入",), change.row_path
