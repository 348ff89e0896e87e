"""research/company"""
