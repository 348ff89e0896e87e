"""research/people"""
