"""A question that quotes a figure of the report to ask what it is for (「那2500万元主要用来建什么」「1.5万元
接待费用在哪些方面」): the passage that prints the figure is the one asked about, and its sentence leads the
answer, whatever other passages share the question's words."""

from __future__ import annotations

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_TOWN = (
    "标题: 2019年度平潭县海坛镇人民政府部门预算说明\n发布机构: 海坛镇\n"
    "==================== 正文 ====================\n"
    "一、部门主要职责 海坛镇人民政府负责全镇经济社会发展、公共服务、社会管理等工作。\n\n"
    "二、部门主要工作任务 2019年，本镇将做好征地拆迁、乡村振兴、招商引资、环境整治等各项工作，"
    "推进项目建设，提升公共服务水平，加强接待服务管理。\n\n"
    "五、一般公共预算拨款支出情况 （一）城乡社区环境卫生360万元。主要用于全镇垃圾清运和保洁员工资。"
    "（二）农村综合改革180万元。主要用于村级组织运转补助。\n\n"
    "八、一般公共预算“三公”经费支出情况 （一）公务接待费 2019年预算安排2.4万元。主要用于上级部门检查指导"
    "等方面的接待活动。（二）公务用车运行费 2019年预算安排6万元。主要用于2辆车的燃油和维修。\n\n"
    "九、政府性基金 2019年政府性基金预算支出900万元，主要用于海坛镇安置房建设。\n"
)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"town.txt": _TOWN})


@pytest.mark.parametrize("question,said", [
    ("海坛镇2019年那900万元主要用来建什么？", "安置房建设"),
    ("海坛镇2019年2.4万元接待费主要用在哪些方面？", "上级部门检查指导"),
    ("海坛镇那180万元是给谁的钱？", "村级组织运转补助"),
])
def test_the_passage_printing_the_quoted_figure_leads(town: QA, question: str, said: str) -> None:
    a = town.ask(question)
    assert a.status == "answered", a.text
    first = a.text.split("\n")[1]
    assert said in first, a.text
