"""The notebook's steps, one module per area, chained as classes: sources →
website → company → position → people → industry → brief. Each public step returns a
typed, displayable result (a table keeps its columns when empty).
"""
