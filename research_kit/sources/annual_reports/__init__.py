"""PDF annual reports of any filer (IFRS, Ind AS, US GAAP …): pages and
lines from the text layer (pages without one are reported, not guessed), sections by the
report's own headings and their kinds, key figures as printed (currency, period, page),
market and competitor passages, and the company-source adapter (``company_source``).
"""
