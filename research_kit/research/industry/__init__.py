"""research/industry"""
