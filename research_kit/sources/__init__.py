"""One package per outside source; each fetches only through the gateway it is given
and returns tables whose rows carry their source (URL or file, date retrieved, section).

``edgar/`` (SEC: submissions, XBRL facts, 10-K Items, 8-K press releases, competitors),
``annual_reports/`` (PDF annual reports of any filer), ``website/`` (the company's own
site), ``jobs/`` (postings), ``profiles/`` (LinkedIn PDFs, resumes), ``news/`` (feeds),
``onet/`` (O*NET and BLS).

**The company-source contract** is :mod:`.company` (``CompanySource``: identity, facts,
annual figures, annual report, competitors, press releases, passages — each an empty table
when the source has nothing, a typed error when something goes wrong), and
:mod:`.registry` picks the company sources a workspace has (ticker → EDGAR, an
``annual_report`` PDF → the PDF source, ``site`` → the website). A new company source is
one package here, optionally a ``policy.py`` for its host, one ``register_company_source``
line in :mod:`.registry`, and one input in ``tests/sources/test_company_sources.py`` (the
suite every source passes). docs/architecture.md, "Adding a source", walks through it.
"""
