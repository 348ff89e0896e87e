"""Company findings: salient facts (verbatim sentences scored for salience and
for relevance to the role) from every company source's passages, and the findings the
brief and talking points use.
"""
