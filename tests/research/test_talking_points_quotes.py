"""Quotes inside talking points and questions: a quoted sentence that holds its own quote."""

from research_kit.research.talking_points import _q, _quote


def test_nested_quotes_become_single_marks():
    said = "\u201cCustomers relied on AquaSense,\u201d said Maya Chen, Chief Executive Officer."
    assert _quote(said) == ("\u201c\u2018Customers relied on AquaSense,\u2019 said Maya Chen, "
                            "Chief Executive Officer.\u201d")
    assert _q('He said "ship it" twice') == "\u201cHe said \u2018ship it\u2019 twice\u201d"


def test_headline_gets_its_full_stop_outside_the_marks():
    assert _quote("Acme acquires Beta") == "\u201cAcme acquires Beta\u201d."
    assert _quote("We grew.\u201d") .endswith("\u2019\u201d")
