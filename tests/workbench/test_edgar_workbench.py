"""The company steps of the notebook workbench on the offline demo workspace."""

from __future__ import annotations

import pytest

from research_kit.app.create import create_workspace
from research_kit.app.packs import demo_records
from research_kit.research.talking_points import compose_talking_points, verify_point
from research_kit.workbench.step import Missing
from research_kit.workbench.steps.company import CompanySteps

CompanyResearch = CompanySteps


@pytest.fixture
def research(tmp_path, make_gateway):
    gateway = make_gateway(offline=True)
    gateway.import_responses([r for r in demo_records() if "sec.gov/" in r["url"]])
    ws = create_workspace("Brightwater Instruments", directory=tmp_path / "ws").workspace
    return CompanyResearch(ws, gateway=gateway, ticker="BWTR")


def test_company_cells(research):
    assert "Brightwater Instruments, Inc." in str(research.company_profile().to_panel())
    assert len(research.financials()) > 20
    assert research.financial_ratios().iloc[-1]["fiscal_year"] == 2025
    assert research.financials_chart().axes
    assert research.business_overview().text.startswith("Brightwater Instruments")
    assert len(research.risk_factors()) == 6
    assert research.competitors_named()[0] == "Clearline Analytics Corp"
    assert len(research.press_releases()) == 2
    assert research.missing == {}


def test_findings_make_verified_talking_points(research):
    findings = research.company_findings()
    kinds = {f.kind for f in findings}
    assert {"revenue_trend", "operating_margin", "rd_intensity", "business_overview",
            "risk_factor", "press_release"} <= kinds
    points = compose_talking_points(findings)
    assert any("13.8%" in p.text and "$497.3 million" in p.text for p in points)
    for point in points:
        assert verify_point(point) == [], point.text


def test_no_ticker_is_a_missing_note(tmp_path, make_gateway):
    ws = create_workspace("Private Co", directory=tmp_path / "ws").workspace
    research = CompanyResearch(ws, gateway=make_gateway(offline=True))
    result = research.company_profile()
    assert isinstance(result, Missing) and "ticker" in result.reason
    assert isinstance(research.risk_factors(), Missing)
