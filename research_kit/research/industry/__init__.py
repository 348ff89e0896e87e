"""Industry and competition: the competitor set (the user's list, names the
sources give, SEC peers), peer comparison and charts, and the occupation (O*NET title
matching, tasks, skills, technologies, BLS wages).
"""
