"""Words and names shared by every area: the company-name lexicon (legal suffixes,
aliases: ``data/company_names.toml``), the terms/synonyms table (``data/terms.tsv``),
sentence splitting, text folding and the one ``slugify``, place names, languages and a
gazetteer of company names. Pure data and functions; no network, no pandas.
"""
