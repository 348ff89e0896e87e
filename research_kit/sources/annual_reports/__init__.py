"""sources/annual_reports"""
