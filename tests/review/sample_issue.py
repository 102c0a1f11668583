"""The small issue the review tests export, comment on and merge into."""

from bulletin_studio.model import (
    Article,
    Issue,
    Numbering,
    Paragraph,
    PartnerNews,
    Resource,
    Section,
    SectionKind,
    Theme,
)


def review_issue() -> Issue:
    """Three sections, four items; ids chosen so that tests can name them."""
    return Issue(
        numbering=Numbering(year=2024, number=1, cumulative=15),
        sections=[
            Section(
                id="sec_network",
                kind=SectionKind.NETWORK_NEWS,
                title="同一个地球网络最新进展",
                items=[
                    Article(
                        id="art_unea",
                        label="UNEA6 ASSOCIATED EVENT",
                        title="公共采购为实现可持续和循环转型采取实际行动",
                        blocks=[
                            Paragraph(
                                id="p_lead", text="本次活动聚焦公共采购的转型作用。", lead=True
                            ),
                            Paragraph(id="p_body", text="可持续公共采购是实现循环经济的关键。"),
                            Theme(id="th_policy", title="政策框架", text="第一段。\n\n第二段。"),
                        ],
                    ),
                    Article(
                        id="art_china",
                        title="中国可持续公共采购进展",
                        blocks=[Paragraph(id="p_china", text="绿色采购规模持续扩大。")],
                    ),
                ],
            ),
            Section(
                id="sec_partners",
                kind=SectionKind.PARTNER_NEWS,
                title="合作伙伴最新进展",
                items=[
                    PartnerNews(
                        id="pn_unep",
                        organisation="UNEP",
                        title="联合国环境规划署发布新报告",
                        link="https://www.unep.org/report",
                        blocks=[Paragraph(id="p_unep", text="报告介绍了各国的经验。")],
                    )
                ],
            ),
            Section(
                id="sec_res",
                kind=SectionKind.RESOURCES,
                title="资源",
                items=[
                    Resource(
                        id="res_guide",
                        title="可持续公共采购实施指南",
                        link="https://www.oneplanetnetwork.org/guide",
                        description="一份面向采购人员的实用指南。",
                    )
                ],
            ),
        ],
    )
