from datetime import date

import pytest

from research_kit.app.tracker import add_target, follow_ups_due, load_targets
from research_kit.errors import InputError


def test_add_update_and_due(tmp_path):
    path = tmp_path / "targets.csv"
    add_target(path, "Acme Corp", ticker="ACME", follow_up="2026-11-01", next_step="email Jane")
    add_target(path, "Beta, Łódź", status="networking", follow_up="2026-12-31")
    df = add_target(path, "acme corp", status="applied")  # same company, updated
    assert list(df["name"]) == ["Acme Corp", "Beta, Łódź"]
    assert df.loc[0, "status"] == "applied" and df.loc[0, "ticker"] == "ACME"
    due = follow_ups_due(load_targets(path), today=date(2026, 11, 24))
    assert list(due["name"]) == ["Acme Corp"] and due.loc[0, "days_overdue"] == 23
    assert (tmp_path / "targets.csv.bak").exists()  # the previous version is kept


def test_user_columns_survive(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Name,Salary hope,Status\nAcme,120k,idea\n", encoding="utf-8")
    df = add_target(path, "Beta")
    assert "salary_hope" in df.columns
    assert load_targets(path).loc[0, "salary_hope"] == "120k"


def test_bad_lists(tmp_path):
    with pytest.raises(InputError, match="no target list"):
        load_targets(tmp_path / "missing.csv")
    (tmp_path / "x.csv").write_text("company\nAcme\n")
    with pytest.raises(InputError, match="no 'name' column"):
        load_targets(tmp_path / "x.csv")
    with pytest.raises(InputError, match="unknown status"):
        add_target(tmp_path / "y.csv", "Acme", status="maybe")
